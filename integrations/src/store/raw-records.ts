import type { Kysely } from 'kysely';
import { hashPayload } from './payload-hash';
import type { Database } from './schema';
import { toStoredTime } from './time';

export interface RawRecordInput {
  tenantId: string;
  source: string;
  /** `<source>.<stream>`. */
  stream: string;
  externalId: string;
  payload: unknown;
}

export interface StoredRawRecord {
  tenantId: string;
  source: string;
  stream: string;
  externalId: string;
  payloadHash: string;
  payload: unknown;
  updatedAt: string;
}

export interface UpsertOutcome {
  /** False when the record was already stored with the same payload: nothing to sync. */
  changed: boolean;
  payloadHash: string;
}

/**
 * Stores a raw record keyed by (tenant, source, external id). Reading the same record again is a
 * no-op (`changed: false`), so a retried page or a replayed webhook produces no new effects. Pass a
 * transaction as `db` to write the record and its effects atomically.
 */
export async function upsertRawRecord(db: Kysely<Database>, record: RawRecordInput): Promise<UpsertOutcome> {
  const payloadHash = hashPayload(record.payload);
  const payload = JSON.stringify(record.payload);
  const updatedAt = toStoredTime();
  const result = await db
    .insertInto('raw_records')
    .values({
      tenant_id: record.tenantId,
      source: record.source,
      stream: record.stream,
      external_id: record.externalId,
      payload_hash: payloadHash,
      payload,
      updated_at: updatedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'source', 'external_id'])
        .doUpdateSet({ stream: record.stream, payload_hash: payloadHash, payload, updated_at: updatedAt })
        .where('raw_records.payload_hash', '<>', payloadHash),
    )
    .executeTakeFirst();
  return { changed: Number(result.numInsertedOrUpdatedRows ?? 0) > 0, payloadHash };
}

export async function getRawRecord(
  db: Kysely<Database>,
  key: { tenantId: string; source: string; externalId: string },
): Promise<StoredRawRecord | undefined> {
  const row = await db
    .selectFrom('raw_records')
    .selectAll()
    .where('tenant_id', '=', key.tenantId)
    .where('source', '=', key.source)
    .where('external_id', '=', key.externalId)
    .executeTakeFirst();
  return row && toStored(row);
}

export async function listRawRecords(
  db: Kysely<Database>,
  filter: { tenantId: string; stream?: string; limit?: number },
): Promise<StoredRawRecord[]> {
  let query = db.selectFrom('raw_records').selectAll().where('tenant_id', '=', filter.tenantId);
  if (filter.stream) query = query.where('stream', '=', filter.stream);
  const rows = await query
    .orderBy('updated_at')
    .orderBy('external_id')
    .limit(filter.limit ?? 1000)
    .execute();
  return rows.map(toStored);
}

/** Number of distinct records stored per stream for one tenant. */
export async function countRawRecordsByStream(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('raw_records')
    .select(['stream', (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_id', '=', tenantId)
    .groupBy('stream')
    .execute();
  return new Map(rows.map((r) => [r.stream, Number(r.count)]));
}

function toStored(row: {
  tenant_id: string;
  source: string;
  stream: string;
  external_id: string;
  payload_hash: string;
  payload: string;
  updated_at: string;
}): StoredRawRecord {
  return {
    tenantId: row.tenant_id,
    source: row.source,
    stream: row.stream,
    externalId: row.external_id,
    payloadHash: row.payload_hash,
    payload: JSON.parse(row.payload) as unknown,
    updatedAt: row.updated_at,
  };
}
