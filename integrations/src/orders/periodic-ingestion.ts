import { MARKETPLACE_SOURCES, type MarketplaceSource } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { TenantConfig } from '../config/types';
import type { Logger } from '../logging';
import type { Database } from '../store/schema';
import type { ConnectorContext } from '../sync/connector';
import { ingestOrders } from './ingest';

export interface PeriodicIngestion {
  stop(): void;
  /**
   * Runs again now, or right after the run under way; calls in a burst make one run, and runs
   * started this way are at least `minGapMs` apart.
   */
  runSoon(): void;
}

/**
 * Runs `ingestOrders` for every configured tenant now and then every `intervalMs`, one run at a
 * time. Used in sandbox mode, where the demo must show orders without further setup; `baseUrlOf`
 * lets the caller point the connectors at the port the server actually listens on.
 */
export function startPeriodicOrderIngestion(deps: {
  db: Kysely<Database>;
  tenants: TenantConfig[];
  log: Logger;
  intervalMs?: number;
  /** Least time between the starts of two runs asked for by `runSoon` (5 s by default). */
  minGapMs?: number;
  baseUrlOf?: (source: MarketplaceSource, configured: string) => string;
}): PeriodicIngestion {
  const interval = deps.intervalMs ?? 60_000;
  const minGap = deps.minGapMs ?? 5_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Infinity;
  let stopped = false;
  let running = false;
  let again = false;
  let lastStartedAt = -Infinity;

  const schedule = (delayMs: number) => {
    if (stopped || Date.now() + delayMs >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = Date.now() + delayMs;
    timer = setTimeout(() => void run(), delayMs).unref();
  };
  const soonDelay = () => Math.max(0, lastStartedAt + minGap - Date.now());

  const run = async () => {
    timer = undefined;
    dueAt = Infinity;
    if (stopped) return;
    // One run at a time: two would read Americanas' queue and upsert the same orders concurrently.
    running = true;
    lastStartedAt = Date.now();
    for (const tenant of deps.tenants) {
      const sources: Partial<Record<MarketplaceSource, ConnectorContext>> = {};
      for (const source of MARKETPLACE_SOURCES) {
        const settings = tenant.marketplaces[source];
        if (!settings) continue;
        sources[source] = {
          tenantId: tenant.id,
          baseUrl: deps.baseUrlOf?.(source, settings.baseUrl) ?? settings.baseUrl,
          credentials: settings.credentials,
          log: deps.log.child({ tenant: tenant.id, source, component: 'orders' }),
          signal: controller.signal,
        };
      }
      try {
        const report = await ingestOrders(deps.db, { tenantId: tenant.id, sources });
        deps.log.info({ tenant: tenant.id, report }, 'orders ingested');
      } catch (err) {
        if (!stopped)
          deps.log.warn({ tenant: tenant.id, err: (err as Error).message }, 'order ingestion failed');
      }
    }
    running = false;
    if (again) {
      again = false;
      schedule(soonDelay());
    } else {
      schedule(interval);
    }
  };
  void run();
  return {
    runSoon() {
      if (running) again = true;
      else schedule(soonDelay());
    },
    stop() {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    },
  };
}
