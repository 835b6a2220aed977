import type { Shipment } from '@vitrine/shared/schemas';
import { isTrackingUrl, parseTrackingCode } from '@vitrine/shared/tracking';

/**
 * The link an agent may send the customer for a shipment: the carrier's own public tracking page.
 * Built from the code when the code is valid for its carrier (checked digit and all); a URL the
 * marketplace gave is used only when it is a carrier tracking page, since marketplaces forbid
 * links to anything else in replies.
 */
export function trackingLinkFor(shipment: Shipment): string | null {
  if (shipment.trackingCode) {
    const hint = shipment.carrier === 'other' ? undefined : shipment.carrier;
    const parsed = parseTrackingCode(shipment.trackingCode, hint);
    if (parsed.valid && parsed.url) return parsed.url;
  }
  if (shipment.trackingUrl && isTrackingUrl(shipment.trackingUrl)) return shipment.trackingUrl;
  return null;
}

/** The shipment the customer is most likely asking about: the latest one not yet delivered, else the latest. */
export function currentShipment(shipments: readonly Shipment[]): Shipment | undefined {
  const latestFirst = [...shipments].sort((a, b) => lastActivity(b) - lastActivity(a));
  return latestFirst.find((shipment) => shipment.status !== 'delivered') ?? latestFirst[0];
}

function lastActivity(shipment: Shipment): number {
  const stamps = [shipment.events[0]?.at, shipment.postedAt, shipment.lastCheckedAt].filter(
    (value): value is string => typeof value === 'string',
  );
  return Math.max(0, ...stamps.map((stamp) => new Date(stamp).getTime()));
}
