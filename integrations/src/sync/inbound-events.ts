import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { toStoredTime } from '../store/time';
import { backoffMs, errorText } from './outbox-writer';

/**
 * Inbound events (Zendesk webhooks, Mercado Livre notifications) are recorded and answered at once,
 * then processed by the scheduler. Recording is one insert, so the HTTP answer never waits for a
 * marketplace or Zendesk (Mercado Livre wants 200 within 500 ms), and an event survives a crash.
 */

export interface InboundEvent {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

/**
 * Records an event unless the same one is already waiting (`dedupeKey`): a duplicate delivery of a
 * waiting event is dropped, while a new delivery after processing started is kept (it may carry
 * news, e.g. a second agent reply on the same ticket).
 */
export async function recordInboundEvent(
  db: Kysely<Database>,
  event: { tenantId: string; kind: string; dedupeKey: string | null; payload: unknown },
  now: Date = new Date(),
): Promise<{ recorded: boolean }> {
  const at = toStoredTime(now);
  const result = await db
    .insertInto('sync_webhook_deliveries')
    .values({
      tenant_id: event.tenantId,
      kind: event.kind,
      dedupe_key: event.dedupeKey,
      payload: JSON.stringify(event.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      received_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return { recorded: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/**
 * Processes due events one by one with `handle`. An event is released from its dedupe key before
 * it runs; a failure is retried with backoff, and after `maxAttempts` kept as failed with the error.
 */
export async function processInboundEvents(
  db: Kysely<Database>,
  tenantId: string,
  handle: (event: InboundEvent) => Promise<void>,
  options: { now?: () => Date; maxAttempts?: number; limit?: number } = {},
): Promise<{ processed: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  const rows = await db
    .selectFrom('sync_webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', toStoredTime(now()))
    .orderBy('id')
    .limit(options.limit ?? 200)
    .execute();
  let processed = 0;
  let failed = 0;
  for (const row of rows) {
    await db
      .updateTable('sync_webhook_deliveries')
      .set({ dedupe_key: null, attempts: Number(row.attempts) + 1, updated_at: toStoredTime(now()) })
      .where('id', '=', row.id)
      .execute();
    try {
      await handle({
        id: Number(row.id),
        kind: row.kind,
        payload: JSON.parse(row.payload),
        attempts: Number(row.attempts) + 1,
      });
      await db
        .updateTable('sync_webhook_deliveries')
        .set({ status: 'done', last_error: null, updated_at: toStoredTime(now()) })
        .where('id', '=', row.id)
        .execute();
      processed++;
    } catch (err) {
      const attempts = Number(row.attempts) + 1;
      const giveUp = attempts >= (options.maxAttempts ?? 10);
      await db
        .updateTable('sync_webhook_deliveries')
        .set({
          status: giveUp ? 'failed' : 'pending',
          last_error: errorText(err),
          next_attempt_at: toStoredTime(new Date(now().getTime() + backoffMs(attempts))),
          updated_at: toStoredTime(now()),
        })
        .where('id', '=', row.id)
        .execute();
      if (giveUp) failed++;
    }
  }
  return { processed, failed };
}
