import { MARKETPLACE_SOURCES, type MarketplaceSource } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { TenantConfig } from '../config/types';
import type { Logger } from '../logging';
import type { Database } from '../store/schema';
import type { ConnectorContext } from '../sync/connector';
import { ingestOrders } from './ingest';

export interface PeriodicIngestion {
  stop(): void;
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
  baseUrlOf?: (source: MarketplaceSource, configured: string) => string;
}): PeriodicIngestion {
  const interval = deps.intervalMs ?? 60_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = async () => {
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
    if (!stopped) timer = setTimeout(() => void run(), interval).unref();
  };
  void run();
  return {
    stop() {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    },
  };
}
