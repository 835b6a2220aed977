import { normalizeOrderNumber, Order, type OrderStatus } from '@vitrine/shared';
import { asArray, asRaw, cents, civilDate, instant, shipmentOf, text } from './common';

/** SkyHub status codes and types, mapped as in the shared `OrderStatus` comment. */
function statusOf(status: Record<string, unknown>): OrderStatus {
  const code = (text(status.code) ?? '').toLowerCase();
  const type = (text(status.type) ?? '').toUpperCase();
  if (code === 'book_product' || type === 'NEW') return 'payment_pending';
  if (code === 'payment_received' || type === 'APPROVED') return 'approved';
  if (type === 'INVOICED') return 'invoiced';
  if (type === 'SHIPPED') return 'shipped';
  if (type === 'DELIVERED') return 'delivered';
  if (type === 'CANCELED' || type === 'CANCELLED') return 'canceled';
  return 'processing';
}

/**
 * An order as SkyHub's order queue hands it out (`GET /queues/orders`), as a Vitrine order; null
 * when it lacks what an order needs. The SAC and the customer quote the code without its channel
 * prefix ("Lojas Americanas-123456789" → 123456789); the full code is kept as an alias.
 */
export function americanasOrder(raw: unknown): Order | null {
  const o = asRaw(raw);
  const code = text(o.code);
  const placedAt = instant(o.placed_at);
  const items = asArray(o.items).flatMap((i) => {
    const item = asRaw(i);
    const quantity = Number(item.qty ?? 1);
    const unit = cents(item.special_price) ?? cents(item.original_price);
    const name = text(item.name);
    if (!name || unit === undefined || !Number.isInteger(quantity) || quantity <= 0) return [];
    return [
      { sku: text(item.id) ?? name, name, quantity, unitPriceCents: unit, totalCents: unit * quantity },
    ];
  });
  if (!code || !placedAt || items.length === 0) return null;
  const customer = asRaw(o.customer);
  const address = asRaw(o.shipping_address);
  const itemsTotal = items.reduce((sum, i) => sum + i.totalCents, 0);
  const shippingCents = cents(o.shipping_cost) ?? 0;
  const estimated = civilDate(o.estimated_delivery);
  const shipments = asArray(o.shipments).flatMap((s) => {
    const shipment = asRaw(s);
    const track = asRaw(shipment.track);
    const made = shipmentOf({
      carrierName: text(track.carrier) ?? text(o.shipping_carrier),
      trackingCode: text(track.code),
      estimatedDeliveryDate: estimated,
      items: asArray(shipment.items).flatMap((it) => {
        const item = asRaw(it);
        const sku = text(item.sku);
        const qty = Number(item.qty ?? 1);
        return sku && Number.isInteger(qty) && qty > 0 ? [{ sku, quantity: qty }] : [];
      }),
    });
    return made ? [made] : [];
  });
  // A code holding an entrega number (`…-201000000004001`) is shown as the order number inside it
  // (`1000000004`), which is what the customer and the SAC quote (`02-1000000004`); the entrega
  // number stays an alias. Any other code is shown without its channel.
  const bare = code.replace(/^[^-]*[A-Za-z][^-]*-/, '');
  const read = normalizeOrderNumber(code, 'americanas');
  const number = read?.kind === 'entrega' ? read.normalized : bare;
  const status = asRaw(o.status);
  const uf = text(address.region);
  return Order.parse({
    source: 'americanas',
    externalId: code,
    number,
    aliases: [...new Set([bare, code])].filter((alias) => alias !== number),
    status: statusOf(status),
    sourceStatus: text(status.label) ?? text(status.code),
    customer: {
      name: text(customer.name),
      email: text(customer.email),
      phone: asArray(customer.phones).map(text).find(Boolean),
      document: text(customer.vat_number),
    },
    shippingAddress: {
      cep: text(address.postcode),
      street: text(address.street),
      number: text(address.number),
      neighborhood: text(address.neighborhood),
      city: text(address.city),
      ...(uf && uf.length === 2 ? { uf } : {}),
    },
    items,
    itemsTotalCents: itemsTotal,
    shippingCents,
    totalCents: cents(o.total_ordered) ?? itemsTotal + shippingCents,
    placedAt,
    estimatedDeliveryDate: estimated,
    shipments,
    updatedAt: instant(o.updated_at) ?? placedAt,
  });
}
