import { z } from 'zod';
import { CHANNELS, MARKETPLACE_SOURCES } from '../channels';
import { Complaint } from './complaint';
import { CustomerNote } from './contact';
import { IsoInstant } from './conversation';
import { CsatRating } from './csat';
import { Exchange } from './exchange';
import { Order } from './order';
import { Review } from './review';

/**
 * What the ticket sidebar shows for one Zendesk ticket: the body of
 * `GET /api/v1/tickets/{id}/context` (and of the manual lookup). The service builds it, the app
 * parses it with this schema, so both sides fail loudly on the same drift.
 */

/** The SLA rule that produced a computed deadline (same shape as `SlaRule` in `sla/rules.ts`). */
export const DeadlineRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('business_days'), days: z.number().int().nonnegative() }),
  z.object({
    kind: z.literal('business_hours'),
    hours: z.number().nonnegative(),
    capCalendarHours: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('calendar_hours'), hours: z.number().nonnegative() }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRule>;

export const DeadlineStatus = z.enum(['ok', 'due_soon', 'breached']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

/**
 * The reply deadline of the ticket's oldest unanswered customer message. `marketplace` means the
 * marketplace reported the deadline itself (MadeiraMadeira `expired_date`), which wins over ours.
 * `status` and `businessMsLeft` are as of `computedAt`; the app keeps the wall clock ticking and
 * turns the status to `breached` itself once `dueAt` passes.
 */
export const TicketDeadline = z.object({
  dueAt: IsoInstant,
  computedDueAt: IsoInstant,
  reportedDueAt: IsoInstant.optional(),
  source: z.enum(['marketplace', 'policy']),
  rule: DeadlineRule,
  status: DeadlineStatus,
  /** Business-window milliseconds left at `computedAt` (negative once breached). */
  businessMsLeft: z.number().optional(),
  /**
   * The tenant's business-hours windows from `computedAt` up to `dueAt`, clipped to that span, so
   * the app can count business time down live without shipping the holiday calendar.
   */
  businessWindows: z
    .array(z.object({ start: IsoInstant, end: IsoInstant }))
    .max(200)
    .optional(),
  computedAt: IsoInstant,
});
export type TicketDeadline = z.infer<typeof TicketDeadline>;

/** Why another ticket belongs to the same customer: "mesmo pedido 7001234", "mesmo telefone …". */
export const ContactMatchReason = z.object({
  kind: z.enum(['order', 'email', 'phone', 'document', 'marketplace_buyer', 'whatsapp', 'instagram']),
  /** The shared value as agents should read it (formatted phone, masked CPF…). */
  value: z.string().min(1),
});
export type ContactMatchReason = z.infer<typeof ContactMatchReason>;

/** Zendesk status categories (custom statuses map onto these). */
export const ZendeskTicketStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
export type ZendeskTicketStatus = z.infer<typeof ZendeskTicketStatus>;

export const OtherContact = z.object({
  ticketId: z.number().int().positive(),
  channel: z.enum(CHANNELS),
  status: ZendeskTicketStatus,
  createdAt: IsoInstant,
  subject: z.string().optional(),
  reasons: z.array(ContactMatchReason).min(1),
});
export type OtherContact = z.infer<typeof OtherContact>;

/**
 * The order the ticket names (its marketplace conversation, the agent's link or the customer's
 * words) when Vitrine has not synced that order yet. Only the number is certain: the app says the
 * order is on its way instead of showing any other order of the same customer.
 */
export const PendingOrder = z.object({
  number: z.string().min(1),
  /** Absent when the number came from the customer's words, which do not say the marketplace. */
  source: z.enum(MARKETPLACE_SOURCES).optional(),
});
export type PendingOrder = z.infer<typeof PendingOrder>;

export const TicketContext = z.object({
  ticketId: z.number().int().positive(),
  /** `none`: Vitrine found no order or customer for this ticket; the app offers a manual lookup. */
  match: z.enum(['matched', 'none']),
  /** The channel the ticket came from, as Vitrine knows it (the reply rules depend on it). */
  channel: z.enum(CHANNELS).optional(),
  /** How the ticket was linked to its order ("order" from the ticket field, "document" from a lookup…). */
  matchedBy: ContactMatchReason.optional(),
  order: Order.optional(),
  /** Set (and `order` absent) while the order the ticket names is not synced yet. Optional: older services omit it. */
  pendingOrder: PendingOrder.optional(),
  deadline: TicketDeadline.optional(),
  otherContacts: z.array(OtherContact).default([]),
  /** Earlier satisfaction ratings of the same customer, newest first. */
  csat: z.array(CsatRating).default([]),
  notes: z.array(CustomerNote).default([]),
  /** Present only when the tenant has the source connected; absent and empty render differently. */
  exchanges: z.array(Exchange).optional(),
  reviews: z.array(Review).optional(),
  complaints: z.array(Complaint).optional(),
  /** When Vitrine last synced this ticket's sources. */
  lastSyncedAt: IsoInstant,
});
export type TicketContext = z.infer<typeof TicketContext>;
/** What the service sends before defaults are applied (what a test fixture or the service writes). */
export type TicketContextInput = z.input<typeof TicketContext>;

/** Body of `POST /api/v1/tickets/{id}/lookup`: the agent's manual search when nothing matched. */
export const TicketLookupRequest = z.object({
  kind: z.enum(['order', 'document', 'email', 'phone']),
  value: z.string().trim().min(1).max(200),
});
export type TicketLookupRequest = z.infer<typeof TicketLookupRequest>;

/** Body of `POST /api/v1/tickets/{id}/notes`; the response is the stored `CustomerNote`. */
export const CustomerNoteRequest = z.object({
  text: z.string().trim().min(1).max(5000),
  /** Shown as the note's author; display only, the service must not treat it as an identity. */
  author: z.object({ id: z.number().int().positive(), name: z.string() }),
});
export type CustomerNoteRequest = z.infer<typeof CustomerNoteRequest>;
