import { Order, type OrderStatus } from '@vitrine/shared';
import { asArray, asRaw, cents, instant, text } from './common';

const STATUS: Record<string, OrderStatus> = {
  confirmed: 'new',
  payment_required: 'payment_pending',
  payment_in_process: 'payment_pending',
  partially_paid: 'payment_pending',
  paid: 'approved',
  cancelled: 'canceled',
};

/**
 * A Mercado Livre order (`/orders/{id}`) as a Vitrine order. Mercado Livre hides the buyer's
 * e-mail, phone and document from sellers, so the customer is known by their user id only; the
 * pack id (what the post-sale chat is about) is kept as an alias.
 */
export function mercadoLivreOrder(raw: unknown): Order | null {
  const o = asRaw(raw);
  const id = text(o.id);
  const placedAt = instant(o.date_created);
  const items = asArray(o.order_items).flatMap((entry) => {
    const line = asRaw(entry);
    const item = asRaw(line.item);
    const quantity = Number(line.quantity ?? 1);
    const unit = cents(line.unit_price);
    const name = text(item.title);
    if (!name || unit === undefined || !Number.isInteger(quantity) || quantity <= 0) return [];
    return [
      { sku: text(item.id) ?? name, name, quantity, unitPriceCents: unit, totalCents: unit * quantity },
    ];
  });
  if (!id || !placedAt || items.length === 0) return null;
  const buyer = asRaw(o.buyer);
  const pack = text(o.pack_id);
  const itemsTotal = items.reduce((sum, i) => sum + i.totalCents, 0);
  const name = [text(buyer.first_name), text(buyer.last_name)].filter(Boolean).join(' ');
  return Order.parse({
    source: 'mercadolivre',
    externalId: id,
    number: id,
    aliases: pack && pack !== id ? [pack] : [],
    status: STATUS[text(o.status) ?? ''] ?? 'processing',
    sourceStatus: text(o.status),
    customer: {
      ...(name ? { name } : {}),
      ...(text(buyer.id) ? { externalId: `mercadolivre:${text(buyer.id)}` } : {}),
    },
    items,
    itemsTotalCents: itemsTotal,
    totalCents: cents(o.total_amount) ?? itemsTotal,
    placedAt,
    updatedAt: instant(o.last_updated) ?? instant(o.date_closed) ?? placedAt,
  });
}
