import { z } from 'zod';
import { CHANNELS, MARKETPLACE_SOURCES } from '../channels';

/** ISO-8601 instant with an offset or Z; kept as a string so JSON round-trips unchanged. */
export const IsoInstant = z.iso.datetime({ offset: true });

/** Who wrote a message. `marketplace` is the marketplace's own staff (Americanas SAC, a mediator). */
export const MessageAuthor = z.enum(['customer', 'seller', 'marketplace']);
export type MessageAuthor = z.infer<typeof MessageAuthor>;

/** Whom the seller talks to inside one conversation (Americanas has both in one ticket). */
export const Counterpart = z.enum(['customer', 'marketplace']);
export type Counterpart = z.infer<typeof Counterpart>;

export const Attachment = z.object({
  name: z.string(),
  url: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Message = z.object({
  /** Stable id from the source, unique within its conversation; the idempotency key of a comment. */
  externalId: z.string().min(1),
  author: MessageAuthor,
  authorName: z.string().optional(),
  /** The side of the conversation the message belongs to (Americanas: customer or SAC). */
  counterpart: Counterpart.default('customer'),
  text: z.string(),
  createdAt: IsoInstant,
  attachments: z.array(Attachment).default([]),
});
export type Message = z.infer<typeof Message>;

export const ConversationStatus = z.enum(['open', 'awaiting_customer', 'mediation', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const CustomerIdentity = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  /** CPF or CNPJ as the source gave it. */
  document: z.string().optional(),
  /** The buyer's id at the source (Mercado Livre user id, MadeiraMadeira buyer id…). */
  externalId: z.string().optional(),
});
export type CustomerIdentity = z.infer<typeof CustomerIdentity>;

/** One marketplace conversation: becomes one Zendesk ticket. */
export const Conversation = z.object({
  source: z.enum(MARKETPLACE_SOURCES),
  /** Stable id at the source (session id, SAC code, pack id or claim id). */
  externalId: z.string().min(1),
  channel: z.enum(CHANNELS),
  orderNumber: z.string().optional(),
  subject: z.string().optional(),
  status: ConversationStatus,
  /** The source's own status label or id, kept for display and tags. */
  sourceStatus: z.string().optional(),
  /** A reply deadline the marketplace itself reports; it wins over the computed one. */
  reportedDueAt: IsoInstant.optional(),
  /** Deadlines per counterpart when the marketplace reports them separately. */
  counterparts: z.array(Counterpart).default(['customer']),
  customer: CustomerIdentity,
  messages: z.array(Message),
  updatedAt: IsoInstant,
});
export type Conversation = z.infer<typeof Conversation>;
