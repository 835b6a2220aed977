import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/db';
import { collectStatus } from '../store/status';

/**
 * The service's Prometheus metrics, one registry per server (tests run several side by side).
 * Stream and outbox figures are read from the store at scrape time, so they are right after a
 * restart and whichever process did the work; request and webhook counters count in this process.
 */
export interface VitrineMetrics {
  registry: Registry;
  /** Zendesk API attempts by status (`429`, `500`, `none` when no answer came back). */
  zendeskRequests: Counter<'tenant' | 'status'>;
  /** Incoming webhook signature checks by outcome (`valid`, `bad_signature`, `stale`, `missing`…). */
  webhookVerifications: Counter<'tenant' | 'result'>;
  /** Feed Zendesk client events here (`ZendeskHttpOptions.onRequest`). */
  observeZendeskRequest(event: { tenantId: string; status: number | null }): void;
  observeWebhookVerification(tenantId: string, result: string): void;
}

export function createMetrics(opts: { store?: Store; defaultMetrics?: boolean } = {}): VitrineMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'vitrine_' });

  const zendeskRequests = new Counter({
    name: 'vitrine_zendesk_requests_total',
    help: 'Zendesk API request attempts, by tenant and HTTP status',
    labelNames: ['tenant', 'status'] as const,
    registers: [registry],
  });
  const webhookVerifications = new Counter({
    name: 'vitrine_webhook_verifications_total',
    help: 'Incoming webhook signature verifications, by tenant and outcome',
    labelNames: ['tenant', 'result'] as const,
    registers: [registry],
  });

  const store = opts.store;
  if (store) {
    // One store read per scrape feeds all four gauges.
    let pendingRead: Promise<Awaited<ReturnType<typeof collectStatus>>> | undefined;
    const readStatus = () => {
      pendingRead ??= collectStatus(store).finally(() => setTimeout(() => (pendingRead = undefined), 0));
      return pendingRead;
    };
    new Gauge({
      name: 'vitrine_stream_records',
      help: 'Records synced per stream (distinct records stored)',
      labelNames: ['tenant', 'stream'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const t of (await readStatus()).tenants)
          for (const s of t.streams) this.set({ tenant: t.id, stream: s.name }, s.records);
      },
    });
    new Gauge({
      name: 'vitrine_stream_lag_seconds',
      help: 'Seconds since the stream last synced a page',
      labelNames: ['tenant', 'stream'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const t of (await readStatus()).tenants)
          for (const s of t.streams)
            if (s.lagSeconds !== null) this.set({ tenant: t.id, stream: s.name }, s.lagSeconds);
      },
    });
    new Gauge({
      name: 'vitrine_stream_quarantined',
      help: 'Raw records set aside because they failed validation',
      labelNames: ['tenant', 'stream'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const t of (await readStatus()).tenants)
          for (const s of t.streams) this.set({ tenant: t.id, stream: s.name }, s.quarantined);
      },
    });
    new Gauge({
      name: 'vitrine_outbox_effects',
      help: 'Zendesk effects in the outbox, by status (pending includes in flight)',
      labelNames: ['tenant', 'status'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const t of (await readStatus()).tenants) {
          this.set({ tenant: t.id, status: 'pending' }, t.outbox.pending);
          this.set({ tenant: t.id, status: 'failed' }, t.outbox.failed);
        }
      },
    });
  }

  return {
    registry,
    zendeskRequests,
    webhookVerifications,
    observeZendeskRequest(event) {
      zendeskRequests.inc({
        tenant: event.tenantId,
        status: event.status === null ? 'none' : String(event.status),
      });
    },
    observeWebhookVerification(tenantId, result) {
      webhookVerifications.inc({ tenant: tenantId, result });
    },
  };
}
