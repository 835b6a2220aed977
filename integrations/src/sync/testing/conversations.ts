import type { Conversation, Message } from '@vitrine/shared';

/** Small builders for the sync engine's tests: a conversation reads like the case it tests. */

export function buyerMessage(
  id: string,
  text: string,
  minute: number,
  extra: Partial<Message> = {},
): Message {
  return {
    externalId: id,
    author: 'customer',
    counterpart: 'customer',
    text,
    createdAt: new Date(Date.UTC(2026, 10, 2, 13, minute)).toISOString(),
    attachments: [],
    ...extra,
  };
}

export function sellerMessage(id: string, text: string, minute: number): Message {
  return buyerMessage(id, text, minute, { author: 'seller' });
}

export function conversation(
  externalId: string,
  messages: Message[],
  extra: Partial<Conversation> = {},
): Conversation {
  return {
    source: 'madeiramadeira',
    externalId,
    channel: 'madeiramadeira',
    orderNumber: `700${externalId.replace(/\D/g, '').padStart(4, '0')}`,
    subject: 'Dúvida sobre a entrega',
    status: 'open',
    counterparts: ['customer'],
    customer: { name: 'Maria Souza', email: 'maria.souza@example.com.br', externalId: `buyer-${externalId}` },
    messages,
    updatedAt: messages.at(-1)?.createdAt ?? new Date(Date.UTC(2026, 10, 2, 13, 0)).toISOString(),
    ...extra,
  };
}
