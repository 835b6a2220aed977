import type { Conversation, CustomerIdentity, Message, MessageAuthor } from '@vitrine/shared';
import { requireInstant, toInstant } from '../brasilia-time';
import { contentId, uniqueIds } from '../stable-id';
import { SESSION_STATUS } from './assumptions';
import type { MmMessage, MmSessionRecord } from './schemas';

const AUTHOR: Record<string, MessageAuthor> = {
  buyer: 'customer',
  seller: 'seller',
  attendant: 'marketplace',
};

/** "11998887778 / " or "11998887778 / 1133334444": the first number the buyer gave. */
export function firstPhone(raw: string | null | undefined): string | undefined {
  const first = (raw ?? '')
    .split(/[/,;]/)
    .map((part) => part.replace(/\D/g, ''))
    .find((digits) => digits.length >= 10);
  return first ? `+55${first.replace(/^55(?=\d{10,11}$)/, '')}` : undefined;
}

function messageTime(message: MmMessage): string {
  // `received_at` (unix ms) is precise; `created_at` has no zone and second resolution.
  return (
    toInstant(message.received_at ?? undefined) ?? requireInstant(message.created_at, 'messages[].created_at')
  );
}

export function toMessages(sessionId: string, messages: MmMessage[]): Message[] {
  const ordered = messages
    .map((message, index) => ({ message, index, at: messageTime(message) }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.index - b.index);
  return uniqueIds(
    ordered,
    ({ message, at }) => `${sessionId}-${contentId(message.role, at, message.text)}`,
  ).map(({ item: { message, at }, id }) => ({
    externalId: id,
    author: AUTHOR[message.role] ?? 'marketplace',
    authorName: message.from ?? undefined,
    counterpart: 'customer',
    text: message.text ?? '',
    createdAt: at,
    attachments:
      message.type === 'image' && /^https?:\/\//.test(message.text ?? '')
        ? [{ name: 'imagem', url: message.text ?? '' }]
        : [],
  }));
}

function customer(record: MmSessionRecord): CustomerIdentity {
  const buyer = record.order?.comprador;
  return {
    name: buyer?.nome ?? record.session.customer_name ?? record.history?.customer_name ?? undefined,
    email: buyer?.email ?? undefined,
    phone: firstPhone(buyer?.telefone),
    document: buyer?.documento?.replace(/\D/g, '') || undefined,
  };
}

export function toConversation(record: MmSessionRecord): Conversation {
  const session = record.history ?? record.session;
  const statusId = session.status.id;
  const known = SESSION_STATUS[statusId];
  const messages = toMessages(record.session.session_id, record.history?.messages ?? []);
  const created = requireInstant(record.session.created_at, 'session.created_at');
  const last = messages.at(-1)?.createdAt;
  return {
    source: 'madeiramadeira',
    externalId: record.session.session_id,
    channel: 'madeiramadeira',
    orderNumber: record.session.order,
    subject: session.reason?.description ?? undefined,
    // An id we do not know yet is treated as open: better an agent looks at it than it disappears.
    status: known?.status ?? 'open',
    sourceStatus: known?.label ?? `status_${statusId}`,
    reportedDueAt: toInstant(session.expired_date ?? undefined),
    counterparts: ['customer'],
    customer: customer(record),
    messages,
    updatedAt: last && Date.parse(last) > Date.parse(created) ? last : created,
  };
}
