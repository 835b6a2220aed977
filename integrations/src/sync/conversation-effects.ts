import type { Conversation, Message } from '@vitrine/shared';
import {
  TAGS,
  TICKET_FIELD_KEYS,
  buyerUserExternalId,
  conversationTicketExternalId,
  type TicketFieldKey,
} from '../zendesk/conventions';
import {
  buyerCommentBody,
  mediationNoteBody,
  sellerElsewhereNoteBody,
  staffNoteBody,
  ticketSubject,
} from './agent-notes';
import { comparableText, type NewMessage } from './conversation-diff';
import { conversationChain, type CommentContent, type PlannedEffect } from './effects';

/** What the store knew about the conversation before this read. */
export interface KnownConversation {
  /** The create_ticket effect exists (whatever its state). */
  ticketPlanned: boolean;
  status: string | null;
  replyDueAt: string | null;
  /** Texts of agent replies Vitrine relayed to this conversation (they come back as seller messages). */
  relayedTexts: readonly string[];
}

export interface ConversationPlan {
  effects: PlannedEffect[];
  /** Per new message: `pending` (an effect writes it) or `none` (never becomes a comment). */
  commentStates: Map<string, 'pending' | 'none'>;
  /** Relayed reply texts seen back at the source (confirms a send whose answer was lost). */
  confirmedRelays: string[];
}

/**
 * The Zendesk effects a conversation's change needs, in the order they must run:
 * requester → ticket with the first message → one comment per further message → state changes.
 * Pure: the caller stores the effects (idempotency keys make a replay a no-op).
 */
export function planConversationEffects(
  conversation: Conversation,
  newMessages: readonly NewMessage[],
  known: KnownConversation,
  replyDueAt: string | null,
): ConversationPlan {
  const { source, externalId } = conversation;
  const chain = conversationChain(source, externalId);
  const effects: PlannedEffect[] = [];
  const commentStates = new Map<string, 'pending' | 'none'>();
  const confirmedRelays: string[] = [];
  const relayed = new Set(known.relayedTexts.map(comparableText));
  const push = (idempotencyKey: string, effect: PlannedEffect['effect']) =>
    effects.push({ idempotencyKey, chain, effect });
  const keyPrefix = `${source}:${externalId}`;

  const comments: { message: Message; content: CommentContent }[] = [];
  for (const { message } of newMessages) {
    const content = commentFor(conversation, message, relayed);
    if (content) comments.push({ message, content });
    else confirmedRelays.push(comparableText(message.text));
    commentStates.set(message.externalId, content ? 'pending' : 'none');
  }

  const enteredMediation = conversation.status === 'mediation' && known.status !== 'mediation';
  const closed = conversation.status === 'closed' && known.status !== 'closed';
  const fields: Partial<Record<TicketFieldKey, string | null>> = {
    [TICKET_FIELD_KEYS.marketplace]: source,
    [TICKET_FIELD_KEYS.orderNumber]: conversation.orderNumber ?? null,
    [TICKET_FIELD_KEYS.replyDueAt]: replyDueAt,
    [TICKET_FIELD_KEYS.conversationId]: externalId,
  };

  let ticketPlanned = known.ticketPlanned;
  const first = comments[0];
  // A ticket starts when someone other than the seller writes (a seller-started chat waits for the buyer).
  if (!ticketPlanned && first && comments.some((c) => c.message.author !== 'seller')) {
    const buyerKey = conversation.customer.externalId ?? `conversation-${externalId}`;
    push(`user:${keyPrefix}`, {
      kind: 'ensure_user',
      source,
      conversationExternalId: externalId,
      user: {
        externalId: buyerUserExternalId(source, buyerKey),
        name: conversation.customer.name?.trim() || `Cliente ${conversation.orderNumber ?? externalId}`,
        ...(conversation.customer.email ? { email: conversation.customer.email } : {}),
        ...(conversation.customer.phone ? { phone: conversation.customer.phone } : {}),
      },
    });
    push(`ticket:${keyPrefix}`, {
      kind: 'create_ticket',
      source,
      conversationExternalId: externalId,
      ticketExternalId: conversationTicketExternalId(source, externalId),
      subject: ticketSubject(conversation),
      messageExternalId: first.message.externalId,
      comment: first.content,
      tags: creationTags(conversation),
      fields,
    });
    comments.shift();
    ticketPlanned = true;
  }
  if (!ticketPlanned) {
    // Nothing a ticket could start with yet (only the seller's own messages): wait for the buyer.
    for (const { message } of comments) commentStates.set(message.externalId, 'none');
    return { effects, commentStates, confirmedRelays };
  }

  for (const { message, content } of comments) {
    push(`comment:${keyPrefix}:${message.externalId}`, {
      kind: 'add_comment',
      source,
      conversationExternalId: externalId,
      messageExternalId: message.externalId,
      comment: content,
    });
  }

  // State changes of a conversation whose ticket already existed (a new ticket carries them at creation).
  if (known.ticketPlanned) {
    const stamp = conversation.updatedAt;
    if (enteredMediation) {
      push(`mediation:${keyPrefix}:${stamp}`, {
        kind: 'add_comment',
        source,
        conversationExternalId: externalId,
        comment: { body: mediationNoteBody(source), public: false, byRequester: false },
        addTags: [TAGS.mediation],
      });
    }
    if (closed) {
      push(`closed:${keyPrefix}:${stamp}`, {
        kind: 'update_ticket',
        source,
        conversationExternalId: externalId,
        addTags: [TAGS.closedAtSource],
      });
    }
    if (replyDueAt !== known.replyDueAt) {
      push(`due:${keyPrefix}:${replyDueAt ?? 'none'}:${stamp}`, {
        kind: 'update_ticket',
        source,
        conversationExternalId: externalId,
        fields: { [TICKET_FIELD_KEYS.replyDueAt]: replyDueAt },
      });
    }
  } else if (conversation.status === 'mediation') {
    push(`mediation:${keyPrefix}:${conversation.updatedAt}`, {
      kind: 'add_comment',
      source,
      conversationExternalId: externalId,
      comment: { body: mediationNoteBody(source), public: false, byRequester: false },
    });
  }
  return { effects, commentStates, confirmedRelays };
}

function creationTags(conversation: Conversation): string[] {
  const tags: string[] = [TAGS.managed, TAGS.source(conversation.source)];
  if (conversation.status === 'mediation') tags.push(TAGS.mediation);
  if (conversation.status === 'closed') tags.push(TAGS.closedAtSource);
  if (conversation.counterparts.includes('marketplace') && conversation.source === 'americanas') {
    tags.push(TAGS.sacCounterpart);
  }
  return tags;
}

/**
 * How one message appears on the ticket: the buyer's words as a public comment by the requester;
 * the marketplace's staff and the seller's replies sent outside Zendesk as internal notes (never
 * public, so they are never relayed back). Replies Vitrine relayed itself are not written again.
 */
function commentFor(
  conversation: Conversation,
  message: Message,
  relayed: ReadonlySet<string>,
): CommentContent | null {
  if (message.author === 'customer') {
    return { body: buyerCommentBody(message), public: true, byRequester: true };
  }
  if (message.author === 'marketplace') {
    return { body: staffNoteBody(conversation.source, message), public: false, byRequester: false };
  }
  if (relayed.has(comparableText(message.text))) return null;
  return { body: sellerElsewhereNoteBody(conversation.source, message), public: false, byRequester: false };
}
