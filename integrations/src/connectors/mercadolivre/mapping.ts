import type { Conversation, ConversationStatus, Message } from '@vitrine/shared';
import { requireInstant, toInstant } from '../brasilia-time';
import { contentId, uniqueIds } from '../stable-id';
import type { MlClaimMessage, MlClaimRecord, MlMessage, MlPackRecord } from './schemas';

/** Conversation ids: a pack and a claim can share a number, so each gets a prefix. */
export const packConversationId = (packId: string) => `pack-${packId}`;
export const claimConversationId = (claimId: string) => `claim-${claimId}`;

/**
 * Messages Mercado Livre's moderation rejected never reached the other side, and pending ones may
 * still be rejected: neither is shown. A pending message appears on a later read once it is clean.
 */
const HIDDEN_MODERATION = new Set(['rejected', 'pending']);

function packMessage(message: MlMessage, sellerId: string): Message {
  return {
    externalId: message.id,
    author: message.from.user_id === sellerId ? 'seller' : 'customer',
    counterpart: 'customer',
    text: message.text ?? '',
    createdAt: requireInstant(message.message_date.created, 'messages[].message_date.created'),
    attachments: (message.message_attachments ?? []).map((a) => ({
      name: a.original_filename ?? a.filename ?? 'anexo',
      bytes: a.size ?? undefined,
    })),
  };
}

export function packToConversation(record: MlPackRecord): Conversation {
  const sellerId = record.seller_id;
  const visible = record.conversation.messages.filter(
    (m) => !HIDDEN_MODERATION.has(m.message_moderation?.status ?? ''),
  );
  const messages = visible
    .map((m) => packMessage(m, sellerId))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const buyerFromMessages = record.conversation.messages
    .map((m) => m.from.user_id)
    .find((id) => id !== sellerId);
  const buyer = record.order?.buyer;
  const state = record.conversation.conversation_status;
  const last = messages.at(-1);
  const status: ConversationStatus =
    state?.status && state.status !== 'active'
      ? 'closed'
      : (state?.claim_ids?.length ?? 0) > 0
        ? 'mediation'
        : last?.author === 'seller'
          ? 'awaiting_customer'
          : 'open';
  const name =
    [buyer?.first_name, buyer?.last_name].filter(Boolean).join(' ') || buyer?.nickname || undefined;
  return {
    source: 'mercadolivre',
    externalId: packConversationId(record.pack_id),
    channel: 'mercadolivre',
    orderNumber: record.order?.id ?? record.pack_id,
    subject: record.order?.order_items?.[0]?.item?.title ?? undefined,
    status,
    sourceStatus: [state?.status, state?.substatus].filter(Boolean).join(':') || undefined,
    counterparts: ['customer'],
    customer: { name, externalId: buyer?.id ?? buyerFromMessages },
    messages,
    updatedAt:
      last?.createdAt ?? toInstant(record.order?.date_created ?? undefined) ?? new Date(0).toISOString(),
  };
}

const CLAIM_AUTHOR = { complainant: 'customer', respondent: 'seller', mediator: 'marketplace' } as const;

function claimMessages(claimId: string, raw: MlClaimMessage[]): Message[] {
  const placed = raw
    .map((m, i) => ({
      m,
      i,
      at: requireInstant(m.message_date ?? m.date_created, 'messages[].date_created'),
    }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.i - b.i);
  // Claim messages have no id: derive one from who said what when.
  return uniqueIds(placed, ({ m, at }) => `${claimId}-${contentId(m.sender_role, at, m.message)}`).map(
    ({ item: { m, at }, id }) => {
      const author = CLAIM_AUTHOR[m.sender_role as keyof typeof CLAIM_AUTHOR] ?? 'marketplace';
      // Anything to or from the mediator belongs to the Mercado Livre side of the conversation.
      const withMediator = m.sender_role === 'mediator' || m.receiver_role === 'mediator';
      return {
        externalId: id,
        author,
        counterpart: withMediator ? 'marketplace' : 'customer',
        text: m.message ?? '',
        createdAt: at,
        attachments: (m.attachments ?? []).map((a) => ({
          name: a.original_filename ?? a.filename ?? 'anexo',
          bytes: a.size ?? undefined,
        })),
      };
    },
  );
}

export function claimToConversation(record: MlClaimRecord): Conversation {
  const { claim } = record;
  const messages = claimMessages(claim.id, record.messages);
  const inDispute = claim.stage === 'dispute';
  const respondent = claim.players.find((p) => p.role === 'respondent');
  const complainant = claim.players.find((p) => p.role === 'complainant');
  // The seller's own due date for the next mandatory action, when Mercado Livre reports one.
  const due = (respondent?.available_actions ?? [])
    .map((a) => toInstant(a.due_date ?? undefined))
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const last = messages.at(-1);
  return {
    source: 'mercadolivre',
    externalId: claimConversationId(claim.id),
    channel: 'mercadolivre',
    orderNumber: claim.resource === 'order' || !claim.resource ? (claim.resource_id ?? undefined) : undefined,
    subject: `Reclamação ${claim.id}${claim.reason_id ? ` (${claim.reason_id})` : ''}`,
    status: claim.status === 'closed' ? 'closed' : inDispute ? 'mediation' : 'open',
    sourceStatus: `${claim.status}:${claim.stage ?? 'none'}`,
    reportedDueAt: due,
    counterparts: inDispute ? ['customer', 'marketplace'] : ['customer'],
    customer: { externalId: complainant?.user_id ?? undefined },
    messages,
    updatedAt:
      last?.createdAt ??
      toInstant(claim.last_updated ?? undefined) ??
      requireInstant(claim.date_created, 'claim.date_created'),
  };
}
