import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { EffectStatus } from '../store/tables/sync';
import { toStoredTime } from '../store/time';
import type { Effect, PlannedEffect } from './effects';

/** An effect as the writer handles it. */
export interface OutboxEntry {
  id: number;
  tenantId: string;
  chain: string;
  idempotencyKey: string;
  effect: Effect;
  status: EffectStatus;
  attempts: number;
  nextAttemptAt: string;
  jobId: string | null;
  lastError: string | null;
  updatedAt: string;
}

/**
 * Adds effects (inside the caller's transaction). An effect whose key is already there is skipped:
 * re-reading a record, a replayed webhook or a retried page never queues the same change twice.
 */
export async function enqueueEffects(
  db: Kysely<Database>,
  tenantId: string,
  effects: readonly PlannedEffect[],
  now: Date = new Date(),
): Promise<void> {
  if (effects.length === 0) return;
  const at = toStoredTime(now);
  // One statement per effect keeps ids in planning order, which is the order within a chain.
  for (const planned of effects) {
    await db
      .insertInto('sync_outbox')
      .values({
        tenant_id: tenantId,
        kind: planned.effect.kind,
        chain: planned.chain,
        idempotency_key: planned.idempotencyKey,
        payload: JSON.stringify(planned.effect),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        job_id: null,
        result: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
      .execute();
  }
}

export async function effectExists(
  db: Kysely<Database>,
  tenantId: string,
  idempotencyKey: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sync_outbox')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The first unfinished effect of each chain (a chain runs strictly in order), oldest chains first.
 * Heads not due yet (backing off) hold their chain. `scan` bounds the rows read per call.
 */
export async function chainHeads(
  db: Kysely<Database>,
  tenantId: string,
  now: Date,
  scan = 5000,
): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['pending', 'inflight'])
    .orderBy('id')
    .limit(scan)
    .execute();
  const seen = new Set<string>();
  const heads: OutboxEntry[] = [];
  const due = toStoredTime(now);
  for (const row of rows) {
    if (seen.has(row.chain)) continue;
    seen.add(row.chain);
    if (row.next_attempt_at <= due) heads.push(toEntry(row));
  }
  return heads;
}

/**
 * Marks effects inflight before they are sent, each only if nobody changed it since we read it
 * (same status and `updated_at`): when two processes drain one store (`vitrine sync --once` beside
 * `vitrine serve`), each effect is sent by the one that claimed it. Returns the claimed entries.
 */
export async function claimForSending(
  db: Kysely<Database>,
  entries: readonly OutboxEntry[],
  now = new Date(),
): Promise<OutboxEntry[]> {
  if (entries.length === 0) return [];
  const at = toStoredTime(now);
  return db.transaction().execute(async (trx) => {
    const claimed: OutboxEntry[] = [];
    for (const entry of entries) {
      const result = await trx
        .updateTable('sync_outbox')
        .set((eb) => ({ status: 'inflight', attempts: eb('attempts', '+', 1), job_id: null, updated_at: at }))
        .where('id', '=', entry.id)
        .where('status', '=', entry.status)
        .where('updated_at', '=', entry.updatedAt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1)
        claimed.push({ ...entry, status: 'inflight', updatedAt: at, jobId: null });
    }
    return claimed;
  });
}

export async function recordJob(db: Kysely<Database>, ids: readonly number[], jobId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('sync_outbox').set({ job_id: jobId }).where('id', 'in', ids).execute();
}

export async function markDone(
  db: Kysely<Database>,
  id: number,
  result: unknown,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({
      status: 'done',
      result: JSON.stringify(result ?? null),
      last_error: null,
      updated_at: toStoredTime(now),
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(
  db: Kysely<Database>,
  id: number,
  reason: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({ status: 'failed', last_error: reason, updated_at: toStoredTime(now) })
    .where('id', '=', id)
    .execute();
}

/** Puts an effect back in the queue after `delayMs` (the attempt already counted when it went inflight). */
export async function retryLater(
  db: Kysely<Database>,
  id: number,
  reason: string,
  delayMs: number,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({
      status: 'pending',
      last_error: reason,
      job_id: null,
      next_attempt_at: toStoredTime(new Date(now.getTime() + delayMs)),
      updated_at: toStoredTime(now),
    })
    .where('id', '=', id)
    .execute();
}

/** Leaves an inflight effect inflight but looks at it again after `delayMs` (its outcome is unknown yet). */
export async function checkAgainLater(
  db: Kysely<Database>,
  id: number,
  reason: string,
  delayMs: number,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({ last_error: reason, next_attempt_at: toStoredTime(new Date(now.getTime() + delayMs)) })
    .where('id', '=', id)
    .execute();
}

export interface OutboxCounts {
  pending: number;
  inflight: number;
  failed: number;
  done: number;
}

export async function countEffects(db: Kysely<Database>, tenantId: string): Promise<OutboxCounts> {
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('status')
    .execute();
  const counts: OutboxCounts = { pending: 0, inflight: 0, failed: 0, done: 0 };
  for (const row of rows) counts[row.status as EffectStatus] = Number(row.n);
  return counts;
}

export async function listFailedEffects(
  db: Kysely<Database>,
  tenantId: string,
  limit = 20,
): Promise<{ id: number; kind: string; key: string; error: string | null }[]> {
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['id', 'kind', 'idempotency_key', 'last_error'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, key: r.idempotency_key, error: r.last_error }));
}

function toEntry(row: {
  id: number;
  tenant_id: string;
  chain: string;
  idempotency_key: string;
  payload: string;
  status: EffectStatus;
  attempts: number;
  next_attempt_at: string;
  job_id: string | null;
  last_error: string | null;
  updated_at: string;
}): OutboxEntry {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    chain: row.chain,
    idempotencyKey: row.idempotency_key,
    effect: JSON.parse(row.payload) as Effect,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    jobId: row.job_id,
    lastError: row.last_error,
    updatedAt: row.updated_at,
  };
}
