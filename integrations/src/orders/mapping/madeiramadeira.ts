import { Order, type OrderStatus } from '@vitrine/shared';
import { firstPhone } from '../../connectors/madeiramadeira/mapping';
import { asArray, asRaw, cents, civilDate, instant, shipmentOf, text } from './common';

/** MadeiraMadeira order status ids (core API), as documented in the shared `OrderStatus` comment. */
const STATUS: Record<string, OrderStatus> = {
  '1': 'new',
  '2': 'processing',
  '3': 'approved',
  '4': 'canceled',
  '6': 'invoiced',
  '7': 'shipped',
  '8': 'delivered',
};

/**
 * An order of the MadeiraMadeira core API (`/v1/pedido/id/{id}`, the `order` the connector joins to
 * each session record) as a Vitrine order; null when it lacks what an order needs (id, items, date).
 * The number customers quote is `pedido_mm`; `id_pedido` (the seller's order id) is kept as an alias.
 */
export function madeiraMadeiraOrder(raw: unknown): Order | null {
  const o = asRaw(raw);
  const id = text(o.id_pedido);
  const number = text(o.pedido_mm) ?? id;
  const placedAt = instant(o.data_criacao as string);
  const buyer = asRaw(o.comprador);
  const items = asArray(o.skus).flatMap((s) => {
    const sku = asRaw(s);
    const quantity = Number(sku.quantidade ?? 1);
    const unit = cents(sku.valor_unitario);
    const name = text(sku.nome);
    if (!name || unit === undefined || !Number.isInteger(quantity) || quantity <= 0) return [];
    return [
      {
        sku: text(sku.sku) ?? name,
        ...(text(sku.skuseller) ? { sellerSku: text(sku.skuseller)! } : {}),
        name,
        quantity,
        unitPriceCents: unit,
        totalCents: cents(sku.total) ?? unit * quantity,
      },
    ];
  });
  if (!id || !number || !placedAt || items.length === 0) return null;
  const shippingCents = asArray(o.skus).reduce<number>((sum, s) => sum + (cents(asRaw(s).frete) ?? 0), 0);
  const itemsTotal = items.reduce((sum, i) => sum + i.totalCents, 0);
  const estimated = civilDate(o.data_previsao_entrega);
  const shipments = asArray(o.envio).flatMap((e) => {
    const envio = asRaw(e);
    const shipment = shipmentOf({
      carrierName: text(envio.nome_transportadora),
      trackingCode: text(envio.codigo_rastreio),
      estimatedDeliveryDate: estimated,
    });
    return shipment ? [shipment] : [];
  });
  const status = STATUS[text(o.status) ?? ''] ?? 'processing';
  const address = {
    cep: text(buyer.cep),
    street: text(buyer.logradouro),
    number: text(buyer.numero),
    neighborhood: text(buyer.bairro),
    city: text(buyer.cidade),
    uf: text(buyer.uf)?.length === 2 ? text(buyer.uf) : undefined,
  };
  return Order.parse({
    source: 'madeiramadeira',
    externalId: id,
    number,
    aliases: id !== number ? [id] : [],
    status,
    sourceStatus: text(o.status),
    customer: {
      name: text(buyer.nome),
      email: text(buyer.email),
      phone: firstPhone(text(buyer.telefone)),
      document: text(buyer.documento),
    },
    shippingAddress: Object.values(address).some(Boolean) ? address : undefined,
    items,
    itemsTotalCents: itemsTotal,
    shippingCents,
    totalCents: itemsTotal + shippingCents,
    placedAt,
    estimatedDeliveryDate: estimated,
    shipments,
    // The order API has no update time: a changed order of the same date is told apart by content.
    updatedAt: placedAt,
  });
}
