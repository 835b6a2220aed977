import { MARKETPLACE_SOURCES, Order, s10CheckDigit } from '@vitrine/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Store } from '../../store/db';
import type { Database } from '../../store/schema';
import { upsertTenant } from '../../store/tenants';
import { orderRows } from '../order-store';

/**
 * Synthetic load for the context API: many orders, and tickets whose conversations point at them,
 * with messages, a shipment each and some duplicate links to WhatsApp tickets. Deterministic (no
 * randomness), bulk-inserted. Used by the context tests and by `scripts/bench/context.js`.
 */
export interface SeedLoadOptions {
  tenantId: string;
  orders: number;
  /** Tickets with a marketplace conversation (default min(orders, 10 000)). */
  tickets?: number;
  /** Reference instant for dates (default now). */
  now?: Date;
}

export interface SeededLoad {
  /** Tickets that have a conversation (and an order). */
  ticketIds: number[];
  /** WhatsApp tickets linked as duplicates of some of them. */
  whatsappTicketIds: number[];
  orders: number;
}

const CHUNK = 400;
const DAY = 86_400_000;

/** The i-th seeded order (two orders per customer). */
export function seededOrder(i: number, now: Date): Order {
  const source = MARKETPLACE_SOURCES[i % MARKETPLACE_SOURCES.length]!;
  const customer = Math.floor(i / 2);
  const placedAt = new Date(now.getTime() - ((i % 60) + 1) * DAY);
  const unit = 4990 + (i % 50) * 1000;
  const quantity = 1 + (i % 3);
  const serial = String(10_000_000 + (i % 89_999_999)).slice(-8);
  const trackingCode = `AA${serial}${s10CheckDigit(serial)}BR`;
  return Order.parse({
    source,
    externalId: String(100_000_000 + i),
    number: seededOrderNumber(i),
    status: 'shipped',
    customer: {
      name: `Cliente ${customer}`,
      email: `cliente${customer}@exemplo.com.br`,
      phone: seededPhone(customer),
      document: seededCpf(customer),
    },
    items: [
      {
        sku: `SKU-${i % 500}`,
        name: `Produto ${i % 500}`,
        quantity,
        unitPriceCents: unit,
        totalCents: unit * quantity,
      },
    ],
    itemsTotalCents: unit * quantity,
    shippingCents: 1500,
    totalCents: unit * quantity + 1500,
    placedAt: placedAt.toISOString(),
    shippedAt: new Date(placedAt.getTime() + DAY).toISOString(),
    estimatedDeliveryDate: new Date(placedAt.getTime() + 10 * DAY).toISOString().slice(0, 10),
    shipments: [
      {
        carrier: 'correios',
        carrierName: 'Correios - PAC',
        trackingCode,
        trackingUrl: `https://rastreamento.correios.com.br/app/index.php?objetos=${trackingCode}`,
        status: 'in_transit',
        events: [
          {
            at: new Date(placedAt.getTime() + 2 * DAY).toISOString(),
            status: 'in_transit',
            code: 'RO-01',
            description: 'Objeto em transferência - por favor aguarde',
          },
        ],
      },
    ],
    updatedAt: placedAt.toISOString(),
  });
}

export function seededOrderNumber(i: number): string {
  const source = MARKETPLACE_SOURCES[i % MARKETPLACE_SOURCES.length]!;
  if (source === 'madeiramadeira') return `02-${1_000_000_000 + i}`;
  if (source === 'americanas') return String(200_000_000 + i);
  return `2000${String(i).padStart(12, '0')}`;
}

/** A valid CPF per customer index. */
export function seededCpf(customer: number): string {
  const base = String(100_000_001 + customer * 7).slice(-9);
  const digits = base.split('').map(Number);
  const dv = (len: number) => {
    let sum = 0;
    for (let k = 0; k < len; k++) sum += digits[k]! * (len + 1 - k);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  digits.push(dv(9));
  digits.push(dv(10));
  return digits.join('');
}

/** A valid mobile (DDD 41) per customer index, E.164. */
export function seededPhone(customer: number): string {
  return `+55419${String(81_000_000 + (customer % 18_000_000)).padStart(8, '0')}`;
}

export async function seedContextLoad(store: Store, options: SeedLoadOptions): Promise<SeededLoad> {
  const { db } = store;
  const { tenantId } = options;
  const now = options.now ?? new Date();
  const ticketCount = Math.min(options.tickets ?? Math.min(options.orders, 10_000), options.orders);
  await upsertTenant(db, {
    id: tenantId,
    subdomain: tenantId,
    name: `Loja ${tenantId}`,
    zendeskBaseUrl: `https://${tenantId}.zendesk.com`,
  });

  for (let start = 0; start < options.orders; start += CHUNK) {
    const rows: ReturnType<typeof orderRows>[] = [];
    for (let i = start; i < Math.min(start + CHUNK, options.orders); i++)
      rows.push(orderRows(tenantId, seededOrder(i, now)));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_orders')
        .values(rows.map((r) => r.order))
        .execute();
      await trx
        .insertInto('app_order_numbers')
        .values(rows.flatMap((r) => r.numbers))
        .execute();
      await trx
        .insertInto('app_shipments')
        .values(rows.flatMap((r) => r.shipments))
        .execute();
    });
  }

  // Tickets spread over the orders, so lookups touch the whole index.
  const stride = Math.max(1, Math.floor(options.orders / ticketCount));
  const ticketIds: number[] = [];
  const whatsappTicketIds: number[] = [];
  for (let start = 0; start < ticketCount; start += CHUNK) {
    const conversations: Insertable<Database['sync_conversations']>[] = [];
    const messages: Insertable<Database['sync_messages']>[] = [];
    const native: Insertable<Database['sync_zendesk_tickets']>[] = [];
    const links: Insertable<Database['sync_duplicate_links']>[] = [];
    for (let k = start; k < Math.min(start + CHUNK, ticketCount); k++) {
      const i = k * stride;
      const order = seededOrder(i, now);
      const ticketId = 1_000_000 + k;
      ticketIds.push(ticketId);
      const conversationId = `conv-${i}`;
      const opened = new Date(now.getTime() - ((k % 30) + 1) * 3_600_000).toISOString();
      conversations.push({
        tenant_id: tenantId,
        source: order.source,
        external_id: conversationId,
        channel: order.source,
        order_number: order.number,
        subject: `Pedido ${order.number}`,
        status: 'open',
        source_status: null,
        customer: JSON.stringify(order.customer),
        counterparts: JSON.stringify(['customer']),
        requester_user_id: null,
        ticket_id: String(ticketId),
        customer_due_at: null,
        marketplace_due_at: null,
        reported_due_at: null,
        source_updated_at: opened,
        created_at: opened,
        updated_at: opened,
      });
      messages.push({
        tenant_id: tenantId,
        source: order.source,
        conversation_external_id: conversationId,
        external_id: `m-${i}-1`,
        position: 0,
        author: 'customer',
        counterpart: 'customer',
        text: 'Meu pedido ainda não chegou, podem verificar?',
        created_at: opened,
        comment_state: 'done',
      });
      if (k % 10 === 0) {
        const whatsappId = 5_000_000 + k;
        whatsappTicketIds.push(whatsappId);
        native.push({
          tenant_id: tenantId,
          ticket_id: String(whatsappId),
          channel: 'whatsapp',
          status: 'open',
          requester: JSON.stringify({ name: order.customer.name, phone: order.customer.phone }),
          subject: 'Conversa com ' + (order.customer.name ?? 'cliente'),
          external_id: null,
          updated_at: opened,
        });
        const [a, b] = [String(ticketId), String(whatsappId)].sort();
        links.push({
          tenant_id: tenantId,
          ticket_a: a!,
          ticket_b: b!,
          reason: `mesmo telefone ${order.customer.phone}`,
          created_at: opened,
        });
      }
    }
    await db.transaction().execute(async (trx: Kysely<Database>) => {
      await trx.insertInto('sync_conversations').values(conversations).execute();
      await trx.insertInto('sync_messages').values(messages).execute();
      if (native.length > 0) await trx.insertInto('sync_zendesk_tickets').values(native).execute();
      if (links.length > 0) await trx.insertInto('sync_duplicate_links').values(links).execute();
    });
  }
  return { ticketIds, whatsappTicketIds, orders: options.orders };
}
