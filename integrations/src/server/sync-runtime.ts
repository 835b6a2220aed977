import type { FastifyInstance } from 'fastify';
import type { VitrineConfig } from '../config/types';
import type { Logger } from '../logging';
import type { VitrineMetrics } from '../metrics';
import type { Store } from '../store/db';

/**
 * What `vitrine serve`, `vitrine sync --once` and the server need from the sync engine. The engine
 * implements it in `sync/runtime.ts` (`createSyncRuntime(ctx): SyncRuntime`).
 */
export interface SyncRuntimeContext {
  config: VitrineConfig;
  store: Store;
  log: Logger;
  metrics: VitrineMetrics;
  /** Called after each page of a stream, for the console progress lines. */
  onProgress?(progress: StreamProgress): void;
}

export interface StreamProgress {
  tenantId: string;
  /** `<source>.<stream>`. */
  stream: string;
  /** Records read in this page. */
  records: number;
  /** Records stored for the stream so far. */
  total: number;
  caughtUp: boolean;
}

export interface SyncRuntime {
  /** Starts polling every stream of every tenant and draining the outbox, until `stop()`. */
  start(): Promise<void> | void;
  /** Stops taking new work and waits for the work in flight (a crash instead must lose nothing). */
  stop(): Promise<void>;
  /** One pass: every stream (of `source` when given) up to date, then the outbox drained. */
  runOnce(opts: { source?: string }): Promise<void>;
  /**
   * Webhook routes (Zendesk triggers, Mercado Livre notifications), registered under `/webhooks`.
   * `request.rawBody` holds the exact bytes for signature checks; answer fast, process after.
   */
  registerWebhookRoutes?(scope: FastifyInstance): Promise<void> | void;
}

export type CreateSyncRuntime = (ctx: SyncRuntimeContext) => SyncRuntime;
