import type { CsatRating } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import { ticketCustomerKeys } from '../context/build-context';
import { advanceCheckpoint, getCheckpoint, recordStreamFailure } from '../store/checkpoints';
import type { Database } from '../store/schema';
import type { ZendeskClient } from '../zendesk/client';
import type { SatisfactionRating } from '../zendesk/types';
import { recordCsatRating } from './csat-ratings';
import { customerKeysOf, primaryCustomerKey } from './customer-keys';

/** Checkpoint name (`stream_checkpoints`), so `vitrine status` lists the ratings next to the streams. */
export const CSAT_STREAM = 'zendesk.satisfaction_ratings';

/** What the ingestion needs from the tenant's Zendesk client. */
export type CsatZendesk = Pick<ZendeskClient, 'satisfactionRatings'> & {
  users: Pick<ZendeskClient['users'], 'show'>;
};

export interface CsatIngestReport {
  /** Ratings Zendesk listed since the checkpoint (the checkpoint's second is read again). */
  read: number;
  /** Good or bad ratings written (an unchanged one re-read is written again, to the same row). */
  stored: number;
  /** Of those, ratings the store did not have yet. */
  added: number;
  /** Offered but not answered yet: nothing to show. */
  unanswered: number;
  /** The new checkpoint: the latest `updated_at` seen. */
  cursor: string | null;
}

export interface CsatIngestLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Brings the tenant's Zendesk satisfaction ratings into the store, from the checkpoint on.
 * Zendesk has no incremental export for ratings, so the list is polled with `start_time` (seconds,
 * inclusive: the last second is read again and the upsert absorbs it). Each rating is filed under
 * the strongest customer key of its ticket — the same key a note on that ticket gets — so the
 * customer's other tickets show it; when the store does not know the ticket yet, the requester's
 * e-mail or phone from Zendesk is used. The checkpoint moves in the same transaction as the rows.
 */
export async function ingestCsatRatings(
  db: Kysely<Database>,
  tenantId: string,
  zendesk: CsatZendesk,
  options: { log?: CsatIngestLogger } = {},
): Promise<CsatIngestReport> {
  const checkpoint = await getCheckpoint(db, tenantId, CSAT_STREAM);
  const parsed = checkpoint?.cursor ? Date.parse(checkpoint.cursor) : NaN;
  const since = Number.isFinite(parsed) ? parsed : 0;
  const report: CsatIngestReport = {
    read: 0,
    stored: 0,
    added: 0,
    unanswered: 0,
    cursor: checkpoint?.cursor ?? null,
  };
  try {
    const rows: Array<{ rating: CsatRating; customerKey?: string }> = [];
    const keyOfTicket = new Map<number, Promise<string | undefined>>();
    let latest = since;
    for await (const raw of zendesk.satisfactionRatings(since)) {
      report.read++;
      const updatedAt = Date.parse(raw.updated_at);
      if (updatedAt > latest) {
        latest = updatedAt;
        report.cursor = raw.updated_at;
      }
      const rating = csatRatingOf(raw);
      if (!rating) {
        report.unanswered++;
        continue;
      }
      let key = keyOfTicket.get(raw.ticket_id);
      if (!key) {
        key = customerKeyOfRating(db, tenantId, zendesk, raw, options.log);
        keyOfTicket.set(raw.ticket_id, key);
      }
      const customerKey = await key;
      rows.push(customerKey ? { rating, customerKey } : { rating });
    }
    await db.transaction().execute(async (trx) => {
      report.added =
        rows.length -
        (await countKnown(
          trx,
          tenantId,
          rows.map((row) => row.rating.externalId),
        ));
      for (const row of rows) await recordCsatRating(trx, tenantId, row.rating, row.customerKey);
      // The checkpoint counts distinct ratings, as `vitrine status` shows records of other streams.
      await advanceCheckpoint(trx, {
        tenantId,
        stream: CSAT_STREAM,
        cursor: report.cursor,
        records: report.added,
      });
    });
    report.stored = rows.length;
    return report;
  } catch (err) {
    await recordStreamFailure(db, { tenantId, stream: CSAT_STREAM, error: (err as Error).message });
    throw err;
  }
}

async function countKnown(db: Kysely<Database>, tenantId: string, externalIds: string[]): Promise<number> {
  let known = 0;
  for (let i = 0; i < externalIds.length; i += 500) {
    const row = await db
      .selectFrom('app_csat_ratings')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('external_id', 'in', externalIds.slice(i, i + 500))
      .executeTakeFirstOrThrow();
    known += Number(row.n);
  }
  return known;
}

/** The shared shape of a good or bad rating; undefined while it is only offered. */
export function csatRatingOf(raw: SatisfactionRating): CsatRating | undefined {
  if (raw.score !== 'good' && raw.score !== 'bad') return undefined;
  const rating: CsatRating = {
    externalId: String(raw.id),
    ticketId: raw.ticket_id,
    score: raw.score,
    createdAt: raw.created_at,
  };
  if (raw.comment?.trim()) rating.comment = raw.comment.trim();
  if (raw.reason?.trim()) rating.reason = raw.reason.trim();
  if (raw.assignee_id && raw.assignee_id > 0) rating.agentId = raw.assignee_id;
  if (raw.requester_id > 0) rating.requesterId = raw.requester_id;
  return rating;
}

async function customerKeyOfRating(
  db: Kysely<Database>,
  tenantId: string,
  zendesk: CsatZendesk,
  raw: SatisfactionRating,
  log: CsatIngestLogger | undefined,
): Promise<string | undefined> {
  const known = primaryCustomerKey(await ticketCustomerKeys(db, tenantId, raw.ticket_id));
  if (known || !(raw.requester_id > 0)) return known;
  try {
    const requester = await zendesk.users.show(raw.requester_id);
    return primaryCustomerKey(
      customerKeysOf({ email: requester.email ?? undefined, phone: requester.phone ?? undefined }),
    );
  } catch (err) {
    // Still shown on its own ticket (ratings are also found by ticket id).
    log?.warn(
      { ticketId: raw.ticket_id, err: (err as Error).message },
      'requester of a rated ticket not read; rating kept without a customer',
    );
    return undefined;
  }
}
