import { brlToCents, parseTrackingCode, type Carrier, type Shipment } from '@vitrine/shared';
import { toInstant } from '../../connectors/brasilia-time';

/** Plain-object access to raw marketplace JSON, where every field may be missing or mistyped. */
export type Raw = Record<string, unknown>;

export const asRaw = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function cents(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const amount = brlToCents(value);
  return amount === null ? undefined : Math.max(0, amount);
}

export function instant(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const read = toInstant(value);
  // Stored as UTC with milliseconds, so instants sort as text (see `store/time.ts`).
  return read === undefined ? undefined : new Date(read).toISOString();
}

/** `2026-11-16`, `16/11/2026` or an instant → `YYYY-MM-DD`. */
export function civilDate(value: unknown): string | undefined {
  const s = text(value);
  if (!s) return undefined;
  const br = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (br) return `${br[3]}-${br[2]}-${br[1]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return iso?.[1];
}

/**
 * A shipment from what a marketplace says about it: the carrier as the marketplace wrote it, and the
 * tracking code read by our own parser (an S10 code is Correios whatever the label says).
 */
export function shipmentOf(input: {
  carrierName?: string;
  trackingCode?: string;
  items?: { sku: string; quantity: number }[];
  estimatedDeliveryDate?: string;
}): Shipment | undefined {
  if (!input.trackingCode && !input.carrierName) return undefined;
  const label = (input.carrierName ?? '').toLowerCase();
  const hint: Carrier | undefined = label.includes('correios')
    ? 'correios'
    : label.includes('jadlog')
      ? 'jadlog'
      : label.includes('azul')
        ? 'azul'
        : undefined;
  const parsed = input.trackingCode ? parseTrackingCode(input.trackingCode, hint) : undefined;
  const carrier = parsed?.valid && parsed.carrier ? parsed.carrier : (hint ?? 'other');
  const shipment: Shipment = {
    carrier,
    status: 'posted',
    items: input.items ?? [],
    events: [],
  };
  if (input.carrierName) shipment.carrierName = input.carrierName;
  if (input.trackingCode) shipment.trackingCode = parsed?.normalized ?? input.trackingCode;
  if (parsed?.url) shipment.trackingUrl = parsed.url;
  if (input.estimatedDeliveryDate) shipment.estimatedDeliveryDate = input.estimatedDeliveryDate;
  return shipment;
}
