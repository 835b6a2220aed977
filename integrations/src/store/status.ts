import type { Kysely } from 'kysely';
import { listCheckpoints } from './checkpoints';
import { tableExists, type Store } from './db';
import { countQuarantinedByStream } from './quarantine';
import { countRawRecordsByStream } from './raw-records';
import type { Database } from './schema';
import { listTenants } from './tenants';

/** What `vitrine status --json` prints; the shape is a public contract (scripts and tests read it). */
export interface ServiceStatus {
  tenants: TenantStatus[];
}

export interface TenantStatus {
  id: string;
  streams: StreamStatus[];
  outbox: { pending: number; failed: number };
}

export interface StreamStatus {
  /** `<source>.<stream>`. */
  name: string;
  /** Distinct records stored for the stream. */
  records: number;
  lastSyncedAt: string | null;
  /** Seconds since the last successful page; null when the stream never synced. */
  lagSeconds: number | null;
  /** Consecutive failed runs (0 when the last run succeeded). */
  errors: number;
  lastError: string | null;
  quarantined: number;
}

/** Reads the status of every tenant straight from the store (works while the service runs or not). */
export async function collectStatus(store: Store, now: Date = new Date()): Promise<ServiceStatus> {
  const hasOutbox = await tableExists(store, 'sync_outbox');
  const tenants: TenantStatus[] = [];
  for (const tenant of await listTenants(store.db)) {
    const [checkpoints, records, quarantined] = await Promise.all([
      listCheckpoints(store.db, tenant.id),
      countRawRecordsByStream(store.db, tenant.id),
      countQuarantinedByStream(store.db, tenant.id),
    ]);
    const names = new Set([...checkpoints.map((c) => c.stream), ...records.keys(), ...quarantined.keys()]);
    const streams = [...names].sort().map((name): StreamStatus => {
      const checkpoint = checkpoints.find((c) => c.stream === name);
      const lastSyncedAt = checkpoint?.lastSyncedAt ?? null;
      return {
        name,
        // A stream that keeps no raw records (satisfaction ratings) shows the count its checkpoint kept.
        records: records.get(name) ?? checkpoint?.records ?? 0,
        lastSyncedAt,
        lagSeconds: lastSyncedAt
          ? Math.max(0, Math.round((now.getTime() - Date.parse(lastSyncedAt)) / 1000))
          : null,
        errors: checkpoint?.errors ?? 0,
        lastError: checkpoint?.lastError ?? null,
        quarantined: quarantined.get(name) ?? 0,
      };
    });
    tenants.push({
      id: tenant.id,
      streams,
      outbox: hasOutbox ? await outboxCounts(store.db, tenant.id) : { pending: 0, failed: 0 },
    });
  }
  return { tenants };
}

/** Effects waiting for Zendesk (pending or being sent) and effects that gave up. */
export async function outboxCounts(
  db: Kysely<Database>,
  tenantId: string,
): Promise<{ pending: number; failed: number }> {
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['pending', 'inflight', 'failed'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { pending: count('pending') + count('inflight'), failed: count('failed') };
}
