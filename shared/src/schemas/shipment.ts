import { z } from 'zod';
import { CARRIERS, TRACKING_STATUSES } from '../tracking/vocabulary';
import { IsoInstant } from './conversation';
import { IsoDate } from './money';

export const Carrier = z.enum(CARRIERS);
export type Carrier = z.infer<typeof Carrier>;
/** A carrier Vitrine cannot track itself (marketplace logistics, a regional carrier) is `other`. */
export const ShipmentCarrier = z.enum([...CARRIERS, 'other']);
export type ShipmentCarrier = z.infer<typeof ShipmentCarrier>;

export const TrackingStatus = z.enum(TRACKING_STATUSES);
export type TrackingStatus = z.infer<typeof TrackingStatus>;

export const TrackingEvent = z.object({
  at: IsoInstant,
  status: TrackingStatus,
  /** The carrier's own event code: Correios `codigo-tipo` (`BDE-01`), Jadlog status (`ENTREGUE`). */
  code: z.string(),
  description: z.string(),
  detail: z.string().optional(),
  location: z
    .object({ unit: z.string().optional(), city: z.string().optional(), uf: z.string().length(2).optional() })
    .optional(),
});
export type TrackingEvent = z.infer<typeof TrackingEvent>;

export const Shipment = z.object({
  carrier: ShipmentCarrier,
  /** The carrier name as the marketplace wrote it ("Correios - PAC", "JADLOG .Package"). */
  carrierName: z.string().optional(),
  trackingCode: z.string().optional(),
  trackingUrl: z.string().optional(),
  status: TrackingStatus,
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).default([]),
  postedAt: IsoInstant.optional(),
  estimatedDeliveryDate: IsoDate.optional(),
  deliveredAt: IsoInstant.optional(),
  /** Newest first, as carriers report them. */
  events: z.array(TrackingEvent).default([]),
  lastCheckedAt: IsoInstant.optional(),
});
export type Shipment = z.infer<typeof Shipment>;
