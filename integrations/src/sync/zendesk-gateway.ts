import type { TicketFieldKey } from '../zendesk/conventions';

/**
 * What the sync engine needs from Zendesk, and nothing more. `zendesk-gateway-client.ts` implements
 * it on the REST client (one request function, rate budget, retries); tests use an in-memory one.
 * Ids are strings here (Zendesk's are integers; we never do arithmetic on them).
 */

export interface ZendeskUserSpec {
  /** `buyerUserExternalId(source, buyer)`: create_or_update matches on it. */
  externalId: string;
  name: string;
  email?: string;
  phone?: string;
}

export interface ZendeskCommentSpec {
  body: string;
  public: boolean;
  /** Absent: the API user (an internal note by "Vitrine"). */
  authorId?: string;
}

export interface ZendeskTicketSpec {
  /** `conversationTicketExternalId(source, conversation)`: how a lost create is found again. */
  externalId: string;
  subject: string;
  requesterId: string;
  comment: ZendeskCommentSpec;
  tags: string[];
  fields: Partial<Record<TicketFieldKey, string | null>>;
}

export interface ZendeskTicketUpdate {
  id: string;
  comment?: ZendeskCommentSpec;
  addTags?: string[];
  fields?: Partial<Record<TicketFieldKey, string | null>>;
}

export type BulkItemResult =
  { index: number; ok: true; id: string } | { index: number; ok: false; error: string; permanent: boolean };

export interface ZendeskComment {
  id: string;
  authorId: string;
  public: boolean;
  body: string;
  createdAt: string;
}

export interface ZendeskTicket {
  id: string;
  status: string;
  tags: string[];
  requesterId: string;
  externalId: string | null;
  subject: string | null;
}

/** A ticket from the incremental export (Zendesk's own channels), with its requester's identities. */
export interface ExportedTicket extends ZendeskTicket {
  /** `via.channel`: `email`, `whatsapp`, `instagram_dm`, `api`… */
  channel: string;
  updatedAt: string;
  requester: { name?: string; email?: string; phone?: string };
  /** The first comment, where customers often write their order number. */
  description?: string | null;
}

export interface ZendeskGateway {
  /** create_or_update_many (≤100) and wait for the job: one result per user, by index. */
  upsertUsers(users: ZendeskUserSpec[]): Promise<BulkItemResult[]>;
  /**
   * create_many (≤100). Returns as soon as Zendesk accepted the job, so the caller can record the
   * job id before waiting. Must not retry by itself once the request may have reached Zendesk.
   */
  submitTicketCreates(tickets: ZendeskTicketSpec[]): Promise<{ jobId: string }>;
  /** update_many (≤100, each ticket at most once). Same contract as `submitTicketCreates`. */
  submitTicketUpdates(updates: ZendeskTicketUpdate[]): Promise<{ jobId: string }>;
  /** Waits for a job; its per-item results, or null when Zendesk no longer knows the job. */
  jobResults(jobId: string): Promise<BulkItemResult[] | null>;
  /** Whether bulk jobs of the API user are still queued or running (a lost submission may be one). */
  hasUnfinishedJobs(): Promise<boolean>;
  findTicketsByExternalId(externalId: string): Promise<ZendeskTicket[]>;
  getTicket(id: string): Promise<ZendeskTicket | null>;
  /** Every comment of a ticket, oldest first. */
  listComments(ticketId: string): Promise<ZendeskComment[]>;
  /** Incremental ticket export after a cursor (null: from `startTime`). */
  exportTickets(
    cursor: string | null,
    startTime: Date,
  ): Promise<{ tickets: ExportedTicket[]; cursor: string | null; endOfStream: boolean }>;
}

/** Zendesk refused a request for a reason a retry cannot fix (a 4xx other than 429). */
export class ZendeskRejection extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ZendeskRejection';
  }
}

/**
 * The request may or may not have reached Zendesk (timeout, connection reset, 5xx after the
 * write). The writer reconciles instead of resending blindly.
 */
export class ZendeskOutcomeUnknown extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZendeskOutcomeUnknown';
  }
}
