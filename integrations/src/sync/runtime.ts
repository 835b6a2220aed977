import type { MarketplaceSource } from '@vitrine/shared';
import type { FastifyInstance } from 'fastify';
import { CONNECTORS } from '../connectors';
import type { TenantConfig } from '../config/types';
import type { SyncRuntime, SyncRuntimeContext } from '../server/sync-runtime';
import { createMetrics } from '../metrics';
import { ingestCsatRatings } from '../orders/csat-ingest';
import { getCheckpoint } from '../store/checkpoints';
import { loadCredentials, saveCredentials } from '../store/credentials';
import { upsertTenant } from '../store/tenants';
import { createZendeskClient, type ZendeskClient } from '../zendesk/client';
import { ensureVitrineWebhook } from '../zendesk/setup';
import type { ConnectorContext } from './connector';
import { linkDuplicateTickets, syncZendeskTickets } from './linker';
import { recoverMissedNotifications } from './mercadolivre-notifications';
import type { SourceBinding } from './reply-relay';
import { TenantSync, type TenantStream } from './tenant-sync';
import { registerSyncWebhookRoutes } from './webhook-routes';
import { zendeskGateway } from './zendesk-gateway-client';

/** Where the signing secret of a webhook the service created is kept (encrypted, like credentials). */
const WEBHOOK_SECRET_SOURCE = 'zendesk_webhook';
/** How often the writer looks at the outbox when nothing woke it (a new page or webhook wakes it at once). */
const PUMP_IDLE_MS = 1_000;
/** Mercado Livre keeps missed notifications 2 days; look every 10 minutes. */
const MISSED_FEEDS_EVERY_MS = 10 * 60_000;
/** Satisfaction ratings have no export or push of their own; a bad one wakes the loop at once. */
const CSAT_EVERY_MS = 5 * 60_000;

/**
 * The sync engine as the service runs it: `vitrine serve` calls `start()`, `vitrine sync --once`
 * calls `runOnce()`. One loop per (tenant, stream) polls at the stream's interval; one pump per
 * tenant processes inbound events, drains the effects outbox and delivers replies.
 */
export function createSyncRuntime(ctx: SyncRuntimeContext): SyncRuntime {
  const { config, store, log } = ctx;
  const db = store.db;
  let tenants: TenantSync[] | null = null;
  let stopped = false;
  const loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();
  const pumpWakers = new Map<string, () => void>();
  const streamWakers = new Map<string, () => void>();
  const csatWakers = new Map<string, () => void>();
  /** Tenants whose ratings were asked for while a read was running: read again right after it. */
  const csatWanted = new Set<string>();
  /** Signing secrets Zendesk gave us when we set the webhook up ourselves (sandbox, or none configured). */
  const signingSecrets = new Map<string, string>();
  const clients = new Map<string, ZendeskClient>();
  const webhookReady = new Set<string>();
  /** Aborts marketplace requests in flight on `stop()`, so shutdown does not wait out their retries. */
  const shutdown = new AbortController();

  const sleep = (ms: number, register?: (wake: () => void) => void) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
      register?.(wake);
    });

  async function init(): Promise<TenantSync[]> {
    if (tenants) return tenants;
    tenants = [];
    for (const tenant of config.tenants) tenants.push(await buildTenant(tenant));
    return tenants;
  }

  async function buildTenant(tenant: TenantConfig): Promise<TenantSync> {
    await upsertTenant(db, {
      id: tenant.id,
      subdomain: tenant.subdomain,
      name: tenant.name,
      zendeskBaseUrl: tenant.zendesk.baseUrl,
    });
    const tenantLog = log.child({ tenant: tenant.id });
    const client = createZendeskClient({
      baseUrl: tenant.zendesk.baseUrl,
      auth: tenant.zendesk.oauthToken
        ? { oauthToken: tenant.zendesk.oauthToken }
        : { email: tenant.zendesk.email ?? '', apiToken: tenant.zendesk.apiToken ?? '' },
      tenantId: tenant.id,
      log: tenantLog,
      onRequest: (event) => ctx.metrics.observeZendeskRequest(event),
    });
    clients.set(tenant.id, client);
    // The signing secret of the webhook we set up before a restart: known before the first delivery.
    const stored = await loadCredentials(db, config.secretKey, {
      tenantId: tenant.id,
      source: WEBHOOK_SECRET_SOURCE,
    });
    if (stored?.signingSecret) signingSecrets.set(tenant.id, stored.signingSecret);
    const sources = new Map<string, SourceBinding>();
    for (const [source, settings] of Object.entries(tenant.marketplaces)) {
      if (!settings) continue;
      const target = { tenantId: tenant.id, source };
      let credentials = await loadCredentials(db, config.secretKey, target);
      if (!credentials) {
        credentials = settings.credentials;
        await saveCredentials(db, config.secretKey, target, credentials);
      }
      const connectorCtx: ConnectorContext = {
        tenantId: tenant.id,
        baseUrl: settings.baseUrl,
        credentials,
        log: tenantLog.child({ source }),
        signal: shutdown.signal,
        saveCredentials: async (changed) => {
          credentials = { ...credentials, ...changed };
          connectorCtx.credentials = credentials;
          await saveCredentials(db, config.secretKey, target, credentials);
        },
      };
      sources.set(source, { connector: CONNECTORS[source as MarketplaceSource], ctx: connectorCtx });
    }
    return new TenantSync({
      db,
      tenantId: tenant.id,
      zendesk: zendeskGateway(client),
      sources,
      log: tenantLog,
      // The sandbox runs a queued job within a second; a real Zendesk may take longer under load.
      unconfirmedWriteGraceMs: config.sandbox.enabled ? 10_000 : 60_000,
      // Longer than a request can take (15 s timeout, short Retry-After waits in the sandbox).
      inflightLeaseMs: config.sandbox.enabled ? 30_000 : 120_000,
      onStreamRun: (report) => {
        void progress(tenant.id, report.stream, report.changed, report.caughtUp);
        if (report.changed > 0) pumpWakers.get(tenant.id)?.();
      },
      onStreamWanted: (stream) => streamWakers.get(`${tenant.id}\u0000${stream}`)?.(),
      onRatingsWanted: () => {
        csatWanted.add(tenant.id);
        csatWakers.get(tenant.id)?.();
      },
    });
  }

  async function progress(tenantId: string, stream: string, records: number, caughtUp: boolean) {
    if (!ctx.onProgress) return;
    const total = (await getCheckpoint(db, tenantId, stream))?.records ?? 0;
    ctx.onProgress({ tenantId, stream, records, total, caughtUp });
  }

  async function streamLoop(tenant: TenantSync, target: TenantStream) {
    const interval = target.stream.pollIntervalMs ?? config.pollIntervalMs;
    const key = `${tenant.tenantId}\u0000${target.stream.name}`;
    let failures = 0;
    while (!stopped) {
      const report = await tenant.syncStream(target).catch((err: unknown) => {
        log.error({ stream: target.stream.name, err: (err as Error).message }, 'stream loop failed');
        return null;
      });
      if (stopped) break;
      // Not caught up yet: continue at once (other streams run concurrently in their own loops).
      // A failed run is retried soon (2 s, 4 s… up to the interval), not a whole interval later.
      failures = !report || report.error ? failures + 1 : 0;
      const wait =
        failures > 0
          ? Math.min(interval, 2_000 * 2 ** (failures - 1))
          : report && !report.caughtUp
            ? 0
            : interval;
      await sleep(wait, (wake) => streamWakers.set(key, wake));
    }
  }

  /**
   * The webhook and triggers that report agent replies. In the sandbox (or when no secret is
   * configured) the service sets them up itself, idempotently, and verifies with the secret Zendesk
   * returns. Runs from the pump, so the service is already listening when the sandbox answers.
   */
  async function ensureWebhook(tenant: TenantConfig): Promise<boolean> {
    if (webhookReady.has(tenant.id)) return true;
    if (!config.sandbox.enabled && tenant.zendesk.webhookSecret) return true;
    try {
      const setup = await ensureVitrineWebhook(clients.get(tenant.id)!, {
        endpoint: `${config.publicBaseUrl.replace(/\/+$/, '')}/webhooks/zendesk/${encodeURIComponent(tenant.id)}`,
      });
      signingSecrets.set(tenant.id, setup.signingSecret);
      webhookReady.add(tenant.id);
      await saveCredentials(
        db,
        config.secretKey,
        { tenantId: tenant.id, source: WEBHOOK_SECRET_SOURCE },
        { signingSecret: setup.signingSecret },
      );
      log.info(
        { tenant: tenant.id, webhookId: setup.webhookId, created: setup.created },
        'Zendesk webhook and triggers ready',
      );
      return true;
    } catch (err) {
      log.warn(
        { tenant: tenant.id, err: (err as Error).message },
        'could not set up the Zendesk webhook yet; retrying',
      );
      return false;
    }
  }

  async function pumpLoop(tenant: TenantSync) {
    const tenantConfig = config.tenants.find((t) => t.id === tenant.tenantId)!;
    while (!stopped) {
      await ensureWebhook(tenantConfig);
      await tenant
        .pump()
        .catch((err: unknown) =>
          log.error({ tenant: tenant.tenantId, err: (err as Error).message }, 'outbox pump failed'),
        );
      if (stopped) break;
      await sleep(PUMP_IDLE_MS, (wake) => pumpWakers.set(tenant.tenantId, wake));
    }
  }

  /** Zendesk-native tickets and duplicate contacts, at the poll interval (at least every 30 s). */
  async function linkerLoop(tenant: TenantSync) {
    while (!stopped) {
      await link(tenant);
      await sleep(Math.max(config.pollIntervalMs, 30_000));
    }
  }

  async function link(tenant: TenantSync) {
    try {
      await syncZendeskTickets(db, tenant.tenantId, tenant.zendesk);
    } catch (err) {
      log.warn(
        { tenant: tenant.tenantId, err: (err as Error).message },
        'Zendesk ticket export failed; duplicates use what is stored',
      );
    }
    try {
      const { notes } = await linkDuplicateTickets(db, tenant.tenantId, log);
      if (notes > 0) pumpWakers.get(tenant.tenantId)?.();
    } catch (err) {
      log.error({ tenant: tenant.tenantId, err: (err as Error).message }, 'duplicate linking failed');
    }
  }

  async function csatLoop(tenant: TenantSync) {
    while (!stopped) {
      csatWanted.delete(tenant.tenantId);
      await ingestRatings(tenant.tenantId);
      if (stopped) break;
      if (csatWanted.has(tenant.tenantId)) continue;
      await sleep(CSAT_EVERY_MS, (wake) => csatWakers.set(tenant.tenantId, wake));
    }
  }

  async function ingestRatings(tenantId: string) {
    const tenantLog = log.child({ tenant: tenantId, component: 'csat' });
    try {
      const report = await ingestCsatRatings(db, tenantId, clients.get(tenantId)!, { log: tenantLog });
      if (report.read > 0) tenantLog.info({ report }, 'satisfaction ratings read');
    } catch (err) {
      tenantLog.warn({ err: (err as Error).message }, 'satisfaction ratings not read; retrying later');
    }
  }

  async function missedFeedsLoop(tenant: TenantSync, binding: SourceBinding) {
    while (!stopped) {
      await recoverMissedNotifications(db, tenant.tenantId, binding.ctx).catch((err: unknown) =>
        log.debug({ tenant: tenant.tenantId, err: (err as Error).message }, 'missed_feeds not read'),
      );
      await sleep(MISSED_FEEDS_EVERY_MS);
    }
  }

  return {
    async start() {
      stopped = false;
      for (const tenant of await init()) {
        for (const target of tenant.streams()) loops.push(streamLoop(tenant, target));
        loops.push(pumpLoop(tenant));
        loops.push(linkerLoop(tenant));
        loops.push(csatLoop(tenant));
        const ml = tenant.streams('mercadolivre')[0];
        if (ml) loops.push(missedFeedsLoop(tenant, ml.binding));
      }
      log.info(
        { tenants: tenants!.length, streams: tenants!.reduce((n, t) => n + t.streams().length, 0) },
        'sync started',
      );
    },

    async stop() {
      stopped = true;
      shutdown.abort();
      for (const wake of [...wakers]) wake();
      await Promise.allSettled(loops.splice(0));
    },

    async runOnce({ source }) {
      for (const tenant of await init()) {
        for (const target of tenant.streams(source)) {
          const report = await tenant.syncStream(target, 1000);
          if (report.error) log.warn({ stream: report.stream, err: report.error }, 'stream did not finish');
        }
        if (!source || source === 'zendesk') {
          await link(tenant);
          await ingestRatings(tenant.tenantId);
        }
        // Drain until nothing is due; effects waiting out a grace period are left for `serve`.
        for (let round = 0; round < 50; round++) {
          const report = await tenant.pump();
          if (report.cycles === 0) break;
        }
      }
    },

    async registerWebhookRoutes(scope: FastifyInstance) {
      await registerSyncWebhookRoutes(scope, {
        db,
        tenants: () => config.tenants,
        checkAccount: !config.sandbox.enabled,
        // In the sandbox only the secret Zendesk gave us counts (the configured one is a placeholder).
        secretFor: (tenant) =>
          signingSecrets.get(tenant.id) ??
          (config.sandbox.enabled ? undefined : tenant.zendesk.webhookSecret),
        log,
        metrics: ctx.metrics,
        wake: (tenantId) => pumpWakers.get(tenantId)?.(),
      });
    },
  };
}

/**
 * The engine started on its own (scripts, tests): `vitrine serve` goes through `createSyncRuntime`
 * so the server can mount the webhook routes; this is the same engine without the server.
 */
export async function startSync(opts: {
  store: SyncRuntimeContext['store'];
  config: SyncRuntimeContext['config'];
  log: SyncRuntimeContext['log'];
  metrics?: SyncRuntimeContext['metrics'];
}): Promise<{ stop(): Promise<void>; runOnce(source?: string): Promise<void> }> {
  const runtime = createSyncRuntime({
    ...opts,
    metrics: opts.metrics ?? createMetrics({ store: opts.store, defaultMetrics: false }),
  });
  await runtime.start();
  return { stop: () => runtime.stop(), runOnce: (source) => runtime.runOnce({ source }) };
}
