import type { Kysely } from 'kysely';
import { hashPayload } from './payload-hash';
import type { Database } from './schema';
import { toStoredTime } from './time';

export interface QuarantinedRecord {
  tenantId: string;
  stream: string;
  externalId: string;
  reason: string;
  payload: unknown;
  createdAt: string;
}

/**
 * Sets aside a raw record that failed validation, with the reason, so the stream can move on and
 * the record stays visible in `vitrine status`. Without a readable id, the record is keyed by the
 * hash of its payload. Quarantining the same record again replaces the entry.
 */
export async function quarantineRecord(
  db: Kysely<Database>,
  entry: { tenantId: string; stream: string; externalId?: string; reason: string; payload: unknown },
): Promise<void> {
  const externalId = entry.externalId ?? `sha256:${hashPayload(entry.payload)}`;
  const payload = JSON.stringify(entry.payload) ?? 'null';
  await db
    .insertInto('quarantine')
    .values({
      tenant_id: entry.tenantId,
      stream: entry.stream,
      external_id: externalId,
      reason: entry.reason,
      payload,
      created_at: toStoredTime(),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'stream', 'external_id']).doUpdateSet({ reason: entry.reason, payload }),
    )
    .execute();
}

/** Removes a record from quarantine (it was read again and is now valid). */
export async function releaseFromQuarantine(
  db: Kysely<Database>,
  key: { tenantId: string; stream: string; externalId: string },
): Promise<void> {
  await db
    .deleteFrom('quarantine')
    .where('tenant_id', '=', key.tenantId)
    .where('stream', '=', key.stream)
    .where('external_id', '=', key.externalId)
    .execute();
}

export async function listQuarantined(
  db: Kysely<Database>,
  filter: { tenantId: string; stream?: string; limit?: number },
): Promise<QuarantinedRecord[]> {
  let query = db.selectFrom('quarantine').selectAll().where('tenant_id', '=', filter.tenantId);
  if (filter.stream) query = query.where('stream', '=', filter.stream);
  const rows = await query
    .orderBy('created_at')
    .orderBy('external_id')
    .limit(filter.limit ?? 1000)
    .execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    stream: row.stream,
    externalId: row.external_id,
    reason: row.reason,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
  }));
}

export async function countQuarantinedByStream(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('quarantine')
    .select(['stream', (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_id', '=', tenantId)
    .groupBy('stream')
    .execute();
  return new Map(rows.map((r) => [r.stream, Number(r.count)]));
}
