import type { Generated } from 'kysely';

/**
 * Tables of the sync engine (`sync/`, migration 002_sync). Column conventions as in `core.ts`
 * (ISO-8601 UTC text instants, JSON as text). Checkpoints, raw records and quarantine are core tables.
 * The unique constraints are what make retries, duplicate deliveries and restarts harmless.
 */

/** One marketplace conversation = one Zendesk ticket. Key (tenant, source, external id). */
export interface SyncConversationsTable {
  tenant_id: string;
  source: string;
  external_id: string;
  channel: string;
  order_number: string | null;
  subject: string | null;
  status: string;
  source_status: string | null;
  /** JSON of the buyer's identity (name, e-mail, phone, document, external id). */
  customer: string;
  /** JSON array of the counterparts the conversation has (`customer`, `marketplace`). */
  counterparts: string;
  requester_user_id: string | null;
  ticket_id: string | null;
  /** Reply deadline we compute from the marketplace's SLA, per counterpart. */
  customer_due_at: string | null;
  marketplace_due_at: string | null;
  /** Reply deadline the marketplace itself reports (wins over the computed one). */
  reported_due_at: string | null;
  source_updated_at: string;
  created_at: string;
  updated_at: string;
}

/** Messages of a conversation, as stored by the diff. Key (tenant, source, conversation, message). */
export interface SyncMessagesTable {
  tenant_id: string;
  source: string;
  conversation_external_id: string;
  external_id: string;
  /** Position of the message in its conversation (the order comments are written in). */
  position: number;
  author: string;
  counterpart: string;
  text: string;
  created_at: string;
  /** `pending` (an effect will write it), `done` (it is a comment), `none` (never written: our own replies). */
  comment_state: string;
}

export type EffectStatus = 'pending' | 'inflight' | 'done' | 'failed';

/**
 * Zendesk changes waiting to be written, in the same transaction as the records that caused them.
 * `chain` orders effects that must happen one after the other (one conversation's user, ticket and
 * comments); `id` is the order inside a chain.
 */
export interface SyncOutboxTable {
  id: Generated<number>;
  tenant_id: string;
  kind: string;
  chain: string;
  idempotency_key: string;
  payload: string;
  status: EffectStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  /** Zendesk job id of the bulk call the effect was last sent in (to reconcile after a crash). */
  job_id: string | null;
  /** What Zendesk answered (ticket id, user id…), JSON. */
  result: string | null;
  created_at: string;
  updated_at: string;
}

export type RelayStatus = 'pending' | 'sending' | 'sent' | 'blocked' | 'refused' | 'failed';

/** Agent replies relayed to a marketplace. Key (tenant, comment id): each comment at most once. */
export interface SyncRelayedRepliesTable {
  tenant_id: string;
  comment_id: string;
  ticket_id: string;
  source: string;
  conversation_external_id: string;
  counterpart: string;
  text: string;
  status: RelayStatus;
  attempts: number;
  next_attempt_at: string;
  marketplace_message_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Inbound events (Zendesk webhooks, Mercado Livre notifications) accepted quickly and processed
 * after. `dedupe_key` is set while the event waits, so a duplicate delivery of a waiting event is
 * dropped; it is cleared when processing starts (a later delivery must run again).
 */
export interface SyncWebhookDeliveriesTable {
  id: Generated<number>;
  tenant_id: string;
  kind: string;
  dedupe_key: string | null;
  payload: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  received_at: string;
  updated_at: string;
}

/** Pairs of tickets the linker marked as the same customer or order (never merged). */
export interface SyncDuplicateLinksTable {
  tenant_id: string;
  ticket_a: string;
  ticket_b: string;
  reason: string;
  created_at: string;
}

/** Zendesk-native tickets (WhatsApp, e-mail, Instagram…) read from the incremental export, for the linker. */
export interface SyncZendeskTicketsTable {
  tenant_id: string;
  ticket_id: string;
  channel: string;
  status: string;
  requester: string;
  subject: string | null;
  external_id: string | null;
  updated_at: string;
}

export interface SyncTables {
  sync_conversations: SyncConversationsTable;
  sync_messages: SyncMessagesTable;
  sync_outbox: SyncOutboxTable;
  sync_relayed_replies: SyncRelayedRepliesTable;
  sync_webhook_deliveries: SyncWebhookDeliveriesTable;
  sync_duplicate_links: SyncDuplicateLinksTable;
  sync_zendesk_tickets: SyncZendeskTicketsTable;
}
