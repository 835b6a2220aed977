/**
 * The carriers Vitrine recognises and the one status vocabulary every carrier's events are mapped to.
 * Kept apart from the parsers so schemas can import it without pulling the mapping tables in; the
 * `Carrier` and `TrackingStatus` types are defined next to their zod schemas in `schemas/shipment.ts`.
 */
export const CARRIERS = ['correios', 'jadlog', 'azul'] as const;

export const TRACKING_STATUSES = [
  'posted',
  'in_transit',
  'out_for_delivery',
  'awaiting_pickup',
  'delivered',
  'delivery_failed',
  'returned',
  'exception',
] as const;
