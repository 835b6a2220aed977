import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { StreamCheckpointsTable } from './tables/core';
import { toStoredTime } from './time';

export interface StreamCheckpoint {
  tenantId: string;
  stream: string;
  cursor: string | null;
  lastSyncedAt: string | null;
  records: number;
  errors: number;
  lastError: string | null;
}

export async function getCheckpoint(
  db: Kysely<Database>,
  tenantId: string,
  stream: string,
): Promise<StreamCheckpoint | undefined> {
  const row = await db
    .selectFrom('stream_checkpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  return row && toCheckpoint(row);
}

export async function listCheckpoints(db: Kysely<Database>, tenantId: string): Promise<StreamCheckpoint[]> {
  const rows = await db
    .selectFrom('stream_checkpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('stream')
    .execute();
  return rows.map(toCheckpoint);
}

/**
 * Records a page processed successfully: moves the cursor, adds `records` to the count, clears the
 * error state. Write it in the same transaction as the page's records so a crash never skips a page.
 */
export async function advanceCheckpoint(
  db: Kysely<Database>,
  progress: { tenantId: string; stream: string; cursor: string | null; records: number; at?: Date },
): Promise<void> {
  const at = toStoredTime(progress.at);
  await db
    .insertInto('stream_checkpoints')
    .values({
      tenant_id: progress.tenantId,
      stream: progress.stream,
      cursor: progress.cursor,
      last_synced_at: at,
      records: progress.records,
      errors: 0,
      last_error: null,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'stream']).doUpdateSet((eb) => ({
        cursor: progress.cursor,
        last_synced_at: at,
        records: eb('stream_checkpoints.records', '+', progress.records),
        errors: 0,
        last_error: null,
      })),
    )
    .execute();
}

/** Records a failed run of a stream; the cursor stays where it was, so the next run retries. */
export async function recordStreamFailure(
  db: Kysely<Database>,
  failure: { tenantId: string; stream: string; error: string },
): Promise<void> {
  await db
    .insertInto('stream_checkpoints')
    .values({
      tenant_id: failure.tenantId,
      stream: failure.stream,
      cursor: null,
      last_synced_at: null,
      records: 0,
      errors: 1,
      last_error: failure.error,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'stream']).doUpdateSet((eb) => ({
        errors: eb('stream_checkpoints.errors', '+', 1),
        last_error: failure.error,
      })),
    )
    .execute();
}

function toCheckpoint(row: StreamCheckpointsTable): StreamCheckpoint {
  return {
    tenantId: row.tenant_id,
    stream: row.stream,
    cursor: row.cursor,
    lastSyncedAt: row.last_synced_at,
    records: Number(row.records),
    errors: Number(row.errors),
    lastError: row.last_error,
  };
}
