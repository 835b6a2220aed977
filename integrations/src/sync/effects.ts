import type { MarketplaceSource } from '@vitrine/shared';
import type { TicketFieldKey } from '../zendesk/conventions';
import type { ZendeskCommentSpec, ZendeskUserSpec } from './zendesk-gateway';

/**
 * The Zendesk changes the outbox holds. Payloads are plain JSON; ticket and user ids that are only
 * known once an earlier effect of the same chain ran are resolved by the writer at send time.
 */

/** A conversation's requester: created or updated by external id (idempotent in Zendesk). */
export interface EnsureUserEffect {
  kind: 'ensure_user';
  source: MarketplaceSource;
  conversationExternalId: string;
  user: ZendeskUserSpec;
}

/** The conversation's ticket, with its first message as the first comment. */
export interface CreateTicketEffect {
  kind: 'create_ticket';
  source: MarketplaceSource;
  conversationExternalId: string;
  ticketExternalId: string;
  subject: string;
  /** The message written as the ticket's first comment (its comment state becomes `done`). */
  messageExternalId: string;
  comment: CommentContent;
  tags: string[];
  fields: Partial<Record<TicketFieldKey, string | null>>;
}

/** One more comment on a ticket: a buyer message (public, by the requester) or an internal note. */
export interface AddCommentEffect {
  kind: 'add_comment';
  /** The conversation whose ticket gets the comment; or `ticketId` for tickets we did not create. */
  source?: MarketplaceSource;
  conversationExternalId?: string;
  ticketId?: string;
  /** The message this comment writes, when it writes one. */
  messageExternalId?: string;
  comment: CommentContent;
  addTags?: string[];
  fields?: Partial<Record<TicketFieldKey, string | null>>;
}

/** Tags or fields only: idempotent in Zendesk, so it is simply resent after a crash. */
export interface UpdateTicketEffect {
  kind: 'update_ticket';
  source?: MarketplaceSource;
  conversationExternalId?: string;
  ticketId?: string;
  addTags?: string[];
  fields?: Partial<Record<TicketFieldKey, string | null>>;
}

export interface CommentContent {
  body: string;
  public: boolean;
  /** True: authored by the ticket's requester (a buyer message). False: by the API user. */
  byRequester: boolean;
}

export type Effect = EnsureUserEffect | CreateTicketEffect | AddCommentEffect | UpdateTicketEffect;
export type EffectKind = Effect['kind'];

export interface PlannedEffect {
  effect: Effect;
  idempotencyKey: string;
  /** Effects of one chain run one after the other, in insertion order. */
  chain: string;
}

export function conversationChain(source: string, conversationExternalId: string): string {
  return `conversation:${source}:${conversationExternalId}`;
}

export function ticketChain(ticketId: string): string {
  return `ticket:${ticketId}`;
}

/** Resolves a comment's author at send time. */
export function toCommentSpec(content: CommentContent, requesterId: string | null): ZendeskCommentSpec {
  return {
    body: content.body,
    public: content.public,
    ...(content.byRequester && requesterId ? { authorId: requesterId } : {}),
  };
}

/** Effects that write a comment: a duplicate would be visible, so a lost answer is reconciled by reading the ticket. */
export function writesComment(effect: Effect): effect is CreateTicketEffect | AddCommentEffect {
  return effect.kind === 'create_ticket' || effect.kind === 'add_comment';
}
