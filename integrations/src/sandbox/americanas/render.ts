import { createHash } from 'node:crypto';
import {
  skyhubCode as skyhubCodeOf,
  type DatasetCustomer,
  type DatasetMessage,
  type DatasetOrder,
} from '../dataset';
import { brasiliaIsoLocal, brasiliaWithOffset, type StoredConversation } from '../marketplace-kit';

/** Renders stored conversations and orders in SkyHub's `/sac`, `/sac/{code}/chats` and order shapes. */

/** SkyHub order code: channel plus entrega number (`Lojas Americanas-201000000004001`), also the SAC code. */
export const skyhubCode = (order: DatasetOrder) => skyhubCodeOf(order.number);

const ROLE = { customer: 'CUSTOMER', seller: 'SELLER', marketplace: 'EMPLOYEE' } as const;

export function sac(c: StoredConversation, order: DatasetOrder | undefined) {
  const last = c.messages.at(-1);
  return {
    code: c.sourceId,
    created_at: brasiliaWithOffset(c.messages[0]?.at ?? c.updatedAt),
    mediation: c.status === 'mediation',
    order_code: order?.number ?? '',
    platform: 'B2w',
    status: c.status === 'closed' ? 'ARCHIVED' : last?.author === 'seller' ? 'READ' : 'UNREAD',
    updated_at: brasiliaWithOffset(c.updatedAt),
    warehouse: '98',
  };
}

function part(m: DatasetMessage, customer: DatasetCustomer | undefined) {
  if (m.author === 'customer') {
    return {
      role: ROLE.customer,
      name: m.authorName,
      // SkyHub relays the customer's address; it only matches other channels by chance.
      email: customer
        ? `${createHash('sha256').update(customer.id).digest('hex').slice(0, 10)}@americanas.com`
        : null,
      code: customer?.id.replace(/\D/g, '') ?? null,
    };
  }
  return { role: ROLE[m.author], name: m.authorName };
}

export function chats(c: StoredConversation, customer: DatasetCustomer | undefined) {
  const groups = [
    { parts: 'CUSTOMER_SELLER', messages: c.messages.filter((m) => m.side === 'customer') },
    { parts: 'B2W_SELLER', messages: c.messages.filter((m) => m.side === 'marketplace') },
  ].filter((g) => g.messages.length > 0);
  return {
    chats: groups.map((g) => ({
      parts: g.parts,
      status: c.status === 'closed' ? 'CLOSED' : 'ACTIVE',
      seller_status: g.messages.at(-1)?.author === 'seller' ? 'READ' : 'UNREAD',
      last_message: brasiliaIsoLocal(g.messages.at(-1)!.at),
      messages: g.messages.map((m) => ({
        content: m.text,
        created_at: brasiliaIsoLocal(m.at),
        replyed_at: null,
        part: part(m, customer),
      })),
    })),
  };
}

export function skyhubOrder(order: DatasetOrder, customer: DatasetCustomer | undefined) {
  const total = order.totalCents / 100;
  return {
    code: skyhubCode(order),
    channel: 'Lojas Americanas',
    placed_at: brasiliaWithOffset(order.placedAt),
    updated_at: brasiliaWithOffset(order.placedAt),
    total_ordered: total,
    interest: 0,
    shipping_cost: order.shippingCents / 100,
    shipping_method: order.carrier,
    shipping_carrier: order.carrier,
    estimated_delivery: order.promisedDelivery,
    status: { type: 'APPROVED', label: 'Pagamento Aprovado', code: 'payment_received' },
    customer: customer && {
      name: customer.name,
      email: customer.email,
      vat_number: customer.document,
      phones: [customer.phone.replace(/^\+55(\d{2})/, '$1 ')],
    },
    shipping_address: customer && {
      full_name: customer.name,
      street: customer.address.street,
      number: customer.address.number,
      neighborhood: customer.address.neighborhood,
      city: customer.address.city,
      region: customer.address.uf,
      country: 'BR',
      postcode: customer.address.cep.replace('-', ''),
    },
    items: order.items.map((item) => ({
      id: item.sku,
      product_id: item.sku,
      name: item.name,
      qty: item.quantity,
      original_price: (item.unitPriceCents / 100).toFixed(2),
      special_price: item.unitPriceCents / 100,
    })),
    shipments: [
      {
        code: `${skyhubCode(order)}-1`,
        items: order.items.map((i) => ({ sku: i.sku, qty: i.quantity })),
        track: { code: order.trackingCode, carrier: order.carrier },
      },
    ],
    sync_status: 'NOT_SYNCED',
  };
}
