import type { Conversation, Counterpart, CustomerIdentity, Message, MessageAuthor } from '@vitrine/shared';
import { requireInstant, toInstant } from '../brasilia-time';
import { contentId, uniqueIds } from '../stable-id';
import { ARCHIVED_STATUS } from './assumptions';
import type { SkyChat, SkyMessage, SkySacRecord } from './schemas';

/**
 * A SkyHub ticket holds up to three chats ("parts"). The seller sees two counterparts:
 * the customer (CUSTOMER_SELLER) and Americanas' own support, SAC (B2W_SELLER, and CUSTOMER_B2W
 * where Americanas talks to the customer about the same order). One ticket, messages tagged
 * with their counterpart, so the agent can answer either and each side keeps its own deadline.
 */
export const COUNTERPART_OF_PARTS: Record<SkyChat['parts'], Counterpart> = {
  CUSTOMER_SELLER: 'customer',
  B2W_SELLER: 'marketplace',
  CUSTOMER_B2W: 'marketplace',
};

const AUTHOR_OF_ROLE: Record<string, MessageAuthor> = {
  CUSTOMER: 'customer',
  SELLER: 'seller',
  EMPLOYEE: 'marketplace',
};

interface Placed {
  message: SkyMessage;
  parts: SkyChat['parts'];
  at: string;
  order: number;
}

export function toMessages(code: string, chats: SkyChat[]): Message[] {
  const placed: Placed[] = [];
  chats.forEach((chat) =>
    chat.messages.forEach((message) =>
      placed.push({
        message,
        parts: chat.parts,
        at: requireInstant(message.created_at, 'messages[].created_at'),
        order: placed.length,
      }),
    ),
  );
  placed.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  // SkyHub messages carry no id: derive one from the chat, the author and what was said when.
  return uniqueIds(
    placed,
    (p) => `${code}-${contentId(p.parts, p.message.part?.role, p.at, p.message.content)}`,
  ).map(({ item: p, id }) => ({
    externalId: id,
    author: AUTHOR_OF_ROLE[p.message.part?.role ?? ''] ?? 'marketplace',
    authorName: p.message.part?.name ?? undefined,
    counterpart: COUNTERPART_OF_PARTS[p.parts],
    text: p.message.content ?? '',
    createdAt: p.at,
    attachments: [],
  }));
}

function customer(chats: SkyChat[]): CustomerIdentity {
  const part = chats.flatMap((c) => c.messages).find((m) => m.part?.role === 'CUSTOMER')?.part;
  return {
    name: part?.name ?? undefined,
    email: part?.email ?? undefined,
    externalId: part?.code ?? undefined,
  };
}

export function toConversation(record: SkySacRecord): Conversation {
  const { sac } = record;
  const chats = record.chats.chats;
  const messages = toMessages(sac.code, chats);
  const last = messages.at(-1);
  const status: Conversation['status'] = sac.mediation
    ? 'mediation'
    : sac.status === ARCHIVED_STATUS
      ? 'closed'
      : last?.author === 'seller'
        ? 'awaiting_customer'
        : 'open';
  const updated = toInstant(sac.updated_at ?? undefined) ?? requireInstant(sac.created_at, 'sac.created_at');
  return {
    source: 'americanas',
    externalId: sac.code,
    channel: 'americanas',
    orderNumber: sac.order_code ?? undefined,
    status,
    sourceStatus: sac.status ?? undefined,
    counterparts: ['customer', 'marketplace'],
    customer: customer(chats),
    messages,
    updatedAt: last && Date.parse(last.createdAt) > Date.parse(updated) ? last.createdAt : updated,
  };
}
