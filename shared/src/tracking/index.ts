export { CARRIERS, TRACKING_STATUSES } from './vocabulary';
export type { Carrier, TrackingStatus } from '../schemas/shipment';
export {
  parseTrackingCode,
  findTrackingCodes,
  s10CheckDigit,
  type ParsedTracking,
  type FoundTracking,
} from './codes';
export { trackingUrl, isTrackingUrl } from './urls';
export {
  correiosEventStatus,
  correiosEventCode,
  isCorreiosFinalEvent,
  CORREIOS_EVENT_STATUS,
} from './correios-events';
export { jadlogStatus, isKnownJadlogStatus, JADLOG_STATUS } from './jadlog-statuses';
export { trackingMessages, trackingStatusLabel, carrierName, type TrackingMessageKey } from './messages';
