import { formatBrl, type Order } from '@vitrine/shared/schemas';
import { trackingStatusLabel } from '@vitrine/shared/tracking';
import type { TicketContext } from '../context/types';
import { currentShipment, trackingLinkFor } from '../delivery/trackingLink';
import { formatDate } from '../i18n/format';
import { translate, type Locale, type MessageKey } from '../i18n/messages';

export const TEMPLATE_IDS = [
  'tracking_update',
  'new_delivery_date',
  'exchange_approved',
  'refund_issued',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type FilledTemplate = { ok: true; text: string } | { ok: false; missing: MessageKey };

/**
 * Fills a reply template with the order's data. A template whose key fact is unknown (no valid
 * tracking link, no new date, no refund amount) is refused rather than sent with a blank.
 * Replies go to the customer, so they use the customer's language: pt-BR.
 */
export function fillTemplate(
  id: TemplateId,
  context: TicketContext,
  locale: Locale = 'pt-BR',
): FilledTemplate {
  const order = context.order;
  if (!order) return { ok: false, missing: 'templates.missing.trackingUrl' };
  const base = {
    customer: firstName(order) ?? translate(locale, 'templates.customerFallback'),
    order: order.number,
  };
  const text = (vars: Record<string, string>) =>
    translate(locale, `templates.${id}.text` as MessageKey, { ...base, ...vars });

  switch (id) {
    case 'tracking_update': {
      const shipment = currentShipment(order.shipments);
      const url = shipment && trackingLinkFor(shipment);
      if (!shipment || !url) return { ok: false, missing: 'templates.missing.trackingUrl' };
      const carrier = shipment.carrierName ?? shipment.carrier;
      return {
        ok: true,
        text: text({ carrier, status: trackingStatusLabel(shipment.status, locale), trackingUrl: url }),
      };
    }
    case 'new_delivery_date': {
      const date = order.revisedDeliveryDate ?? currentShipment(order.shipments)?.estimatedDeliveryDate;
      if (!date) return { ok: false, missing: 'templates.missing.date' };
      return { ok: true, text: text({ date: formatDate(date, locale) }) };
    }
    case 'exchange_approved':
      return { ok: true, text: text({}) };
    case 'refund_issued': {
      const refund = context.exchanges?.find((exchange) => exchange.refundCents > 0);
      const cents = refund?.refundCents ?? (order.status === 'canceled' ? order.totalCents : undefined);
      if (cents === undefined) return { ok: false, missing: 'templates.missing.amount' };
      return { ok: true, text: text({ amount: formatBrl(cents, locale) }) };
    }
  }
}

function firstName(order: Order): string | undefined {
  const name = order.customer.name?.trim();
  if (!name) return undefined;
  const first = name.split(/\s+/)[0]!;
  return first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
}
