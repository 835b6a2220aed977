import type { ZodType } from 'zod';
import type { Attachment, Conversation, Counterpart, MarketplaceSource } from '@vitrine/shared';

/**
 * The one small interface the sync engine sees a marketplace through. A connector lives in
 * `connectors/<source>/` (client, raw zod schemas, mapping, BEHAVIOR.md) and never imports another.
 */

/** Minimal structured logger (pino satisfies it). */
export interface ConnectorLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ConnectorContext {
  tenantId: string;
  /** Base URL of the source's API: the real host in production, `/sandbox/<source>` otherwise. */
  baseUrl: string;
  /** Decrypted credentials for this tenant and source (never logged). */
  credentials: Record<string, string>;
  log: ConnectorLogger;
  signal?: AbortSignal;
  /**
   * Persists credentials the source rotated (Mercado Livre: only the latest refresh token is valid,
   * so losing the new one disconnects the seller). Optional; the connector keeps them in memory too.
   */
  saveCredentials?(changed: Record<string, string>): Promise<void>;
}

/** One page of a stream. `nextCursor` is what to resume from; the engine checkpoints it. */
export interface StreamPage {
  /** Raw records exactly as the source returned them; the engine validates them with `schema`. */
  records: unknown[];
  nextCursor: string | null;
  /** True when the stream is caught up for now (the engine waits for the poll interval). */
  caughtUp: boolean;
}

export interface StreamDefinition<Raw = unknown> {
  /** `<source>.<stream>`, e.g. `madeiramadeira.sessions`. */
  name: string;
  /** Validates one raw record at the edge; a failure quarantines the record, the stream moves on. */
  schema: ZodType<Raw>;
  /** Default 60 s. */
  pollIntervalMs?: number;
  readPage(ctx: ConnectorContext, cursor: string | null): Promise<StreamPage>;
  /** Stable id of the raw record at the source (the upsert key with tenant and source). */
  externalId(raw: Raw): string;
  /** Maps a validated raw record to the conversation it belongs to (full message history). */
  toConversation(raw: Raw, ctx: ConnectorContext): Promise<Conversation> | Conversation;
}

export interface OutboundReply {
  conversation: Conversation;
  counterpart: Counterpart;
  text: string;
  attachments: Attachment[];
  /** Our idempotency key (the Zendesk comment id), for sources that accept one. */
  idempotencyKey: string;
  /**
   * When the agent wrote the reply (the Zendesk comment's `created_at`). Optional; when given, the
   * connector first checks whether the source already holds this message, so a send retried after
   * a crash or a lost answer is not delivered twice.
   */
  writtenAt?: string;
}

export interface SentReply {
  /** The message id the source gave the reply, when it gives one. */
  externalMessageId?: string;
}

/** The source refused an action for a reason retrying cannot fix (closed session, moderation…). */
export class MarketplaceRefusal extends Error {
  constructor(
    readonly reason:
      'session_closed' | 'in_mediation' | 'moderated' | 'policy_blocked' | 'not_found' | 'invalid',
    /** What the agent should read, in pt-BR: what happened and what to do. */
    readonly agentMessage: string,
    readonly detail?: unknown,
  ) {
    super(`${reason}: ${agentMessage}`);
    this.name = 'MarketplaceRefusal';
  }
}

export interface Connector {
  source: MarketplaceSource;
  /** Credential keys this source needs (e.g. `token` for MadeiraMadeira). */
  credentialKeys: readonly string[];
  streams: StreamDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  sendReply(ctx: ConnectorContext, reply: OutboundReply): Promise<SentReply>;
  /** "Finalizar tratativa" where the source supports it; absent otherwise. */
  finalize?(ctx: ConnectorContext, conversation: Conversation): Promise<void>;
}
