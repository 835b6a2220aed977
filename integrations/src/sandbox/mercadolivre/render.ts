import { createHash } from 'node:crypto';
import type { DatasetCustomer, DatasetMessage, DatasetOrder } from '../dataset';
import type { StoredConversation } from '../marketplace-kit';

/** Renders stored data in Mercado Livre's order, post-sale message and claim shapes. */

/** A buyer's Mercado Livre user id, stable per dataset customer. */
export const mlUserId = (customer: Pick<DatasetCustomer, 'id'>) =>
  300_000_000 + (createHash('sha256').update(customer.id).digest().readUInt32BE(0) % 600_000_000);

export const packIdOf = (order: DatasetOrder) => order.secondaryId ?? order.number;

export function mlOrder(order: DatasetOrder, customer: DatasetCustomer | undefined, sellerId: number) {
  const [first = '', ...rest] = (customer?.name ?? '').split(' ');
  return {
    id: Number(order.number),
    status: 'paid',
    status_detail: null,
    date_created: order.placedAt,
    date_closed: order.placedAt,
    pack_id: order.secondaryId ? Number(order.secondaryId) : null,
    total_amount: order.totalCents / 100,
    currency_id: 'BRL',
    buyer: customer && {
      id: mlUserId(customer),
      nickname: `${first.toUpperCase()}${customer.phone.slice(-4)}`,
      first_name: first,
      last_name: rest.join(' '),
    },
    seller: { id: sellerId },
    order_items: order.items.map((item) => ({
      item: {
        id: `MLB${createHash('md5').update(item.sku).digest().readUInt32BE(0)}`,
        title: item.name,
        variation_id: null,
      },
      quantity: item.quantity,
      unit_price: item.unitPriceCents / 100,
      currency_id: 'BRL',
    })),
    shipping: { id: Number(order.trackingCode.replace(/\D/g, '').slice(0, 11) || 0) },
    tags: order.secondaryId ? ['pack_order', 'paid'] : ['paid'],
  };
}

function userOf(m: DatasetMessage, buyer: number, seller: number) {
  return m.author === 'seller' ? seller : buyer;
}

export function packMessage(m: DatasetMessage, order: DatasetOrder, buyer: number, seller: number) {
  const from = userOf(m, buyer, seller);
  return {
    id: createHash('sha256').update(m.id).digest('hex').slice(0, 32),
    site_id: 'MLB',
    client_id: 897_123,
    from: { user_id: from },
    to: { user_id: from === seller ? buyer : seller },
    status: 'available',
    subject: null,
    text: m.text,
    message_date: { received: m.at, available: m.at, notified: m.at, created: m.at, read: null },
    message_moderation: { status: 'clean', reason: null, source: 'online', moderation_date: m.at },
    message_attachments: [],
    message_resources: [
      { id: order.number, name: 'orders' },
      { id: packIdOf(order), name: 'packs' },
    ],
  };
}

export function conversationStatus(c: StoredConversation | undefined) {
  const closed = c?.status === 'closed';
  return {
    claim_ids: null,
    shipping_id: null,
    status: closed ? 'blocked' : 'active',
    status_date: c?.updatedAt ?? null,
    status_update_allowed: false,
    substatus: closed ? 'blocked_by_time' : null,
  };
}

const ROLE = { customer: 'complainant', seller: 'respondent', marketplace: 'mediator' } as const;

export function claim(c: StoredConversation, order: DatasetOrder | undefined, buyer: number, seller: number) {
  const lastCustomer = [...c.messages].reverse().find((m) => m.author === 'customer');
  const open = c.status !== 'closed';
  return {
    id: Number(c.sourceId),
    resource_id: order ? Number(order.number) : null,
    resource: 'order',
    status: open ? 'opened' : 'closed',
    type: 'mediations',
    stage: c.status === 'mediation' ? 'dispute' : 'claim',
    parent_id: null,
    reason_id: 'PDD9549',
    fulfilled: true,
    quantity_type: 'total',
    claimed_quantity: 1,
    claim_version: 1,
    date_created: c.messages[0]?.at ?? c.updatedAt,
    last_updated: c.updatedAt,
    site_id: 'MLB',
    players: [
      { role: 'complainant', type: 'buyer', user_id: buyer, available_actions: [] },
      {
        role: 'respondent',
        type: 'seller',
        user_id: seller,
        available_actions:
          open && lastCustomer
            ? [
                {
                  action: 'send_message_to_complainant',
                  due_date: new Date(Date.parse(lastCustomer.at) + 72 * 3_600_000).toISOString(),
                  mandatory: true,
                },
              ]
            : [],
      },
      ...(c.status === 'mediation'
        ? [{ role: 'mediator', type: 'internal', user_id: 1, available_actions: [] }]
        : []),
    ],
    resolution: open
      ? null
      : {
          reason: 'item_returned',
          date_created: c.updatedAt,
          benefited: ['complainant'],
          closed_by: 'mediator',
        },
    related_entities: [],
  };
}

export function claimMessage(m: DatasetMessage, stage: string) {
  const sender = ROLE[m.author];
  const receiver =
    m.author === 'customer'
      ? 'respondent'
      : m.author === 'marketplace'
        ? 'respondent'
        : m.side === 'marketplace'
          ? 'mediator'
          : 'complainant';
  return {
    sender_role: sender,
    receiver_role: receiver,
    message: m.text,
    translated_message: null,
    date_created: m.at,
    last_updated: m.at,
    message_date: m.at,
    date_read: null,
    attachments: [],
    status: 'available',
    stage,
    moderation: { status: 'clean', reason: null },
  };
}

/** What Mercado Livre's moderation rejects in post-sale messages (contact data and links). */
export function moderationReason(text: string): string | null {
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) return 'PERSONAL_DATA';
  // A phone number, not any long digit run (order and pack numbers are fine).
  if (/(?<!\d)(\+?55\s?)?\(?\d{2}\)?\s?9?\d{4}[-\s.]?\d{4}(?!\d)/.test(text)) return 'PERSONAL_DATA';
  if (/(instagram|facebook|wa\.me|whatsapp)\.?\w*\/?/i.test(text) && /(\.com|wa\.me)/i.test(text))
    return 'SOCIAL_NETWORK_LINK';
  if (/(bit\.ly|tinyurl|goo\.gl|cutt\.ly)/i.test(text)) return 'LINK_SHORT_URL';
  if (/(https?:\/\/|www\.)\S+/i.test(text)) return 'LINK_SHORT_URL';
  return null;
}
