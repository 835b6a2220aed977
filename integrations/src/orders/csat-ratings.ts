import { CsatRating } from '@vitrine/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema';
import type { AppCsatRatingsTable } from '../store/tables/app';

/**
 * Saves a Zendesk satisfaction rating (from the "bad rating" webhook or the incremental export);
 * idempotent by rating id, and a later change of score or comment replaces the earlier one.
 */
export async function recordCsatRating(
  db: Kysely<Database>,
  tenantId: string,
  input: CsatRating,
  customerKey?: string,
): Promise<void> {
  const rating = CsatRating.parse(input);
  const row: AppCsatRatingsTable = {
    tenant_id: tenantId,
    external_id: rating.externalId,
    ticket_id: String(rating.ticketId),
    customer_key: customerKey ?? null,
    score: rating.score,
    comment: rating.comment ?? null,
    reason: rating.reason ?? null,
    channel: rating.channel ?? null,
    agent_id: rating.agentId !== undefined ? String(rating.agentId) : null,
    requester_id: rating.requesterId !== undefined ? String(rating.requesterId) : null,
    created_at: rating.createdAt,
  };
  const { tenant_id: _t, external_id: _e, ...changes } = row;
  await db
    .insertInto('app_csat_ratings')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'external_id']).doUpdateSet(changes))
    .execute();
}

/** Ratings of these tickets or filed under these customer keys, newest first. */
export async function listCsatRatings(
  db: Kysely<Database>,
  tenantId: string,
  by: { ticketIds: string[]; customerKeys: string[] },
  limit = 20,
): Promise<CsatRating[]> {
  // Two indexed lookups in one statement: an OR across the two columns would scan the tenant's ratings.
  const select = () => db.selectFrom('app_csat_ratings').selectAll().where('tenant_id', '=', tenantId);
  const byTicket = by.ticketIds.length > 0 ? select().where('ticket_id', 'in', by.ticketIds) : undefined;
  const byCustomer =
    by.customerKeys.length > 0 ? select().where('customer_key', 'in', by.customerKeys) : undefined;
  const query = byTicket && byCustomer ? byTicket.unionAll(byCustomer) : (byTicket ?? byCustomer)!;
  const rows = await query.execute();
  const unique = new Map(rows.map((row) => [row.external_id, row]));
  return [...unique.values()]
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))
    .slice(0, limit)
    .map(ratingOf);
}

function ratingOf(row: Selectable<AppCsatRatingsTable>): CsatRating {
  const rating: CsatRating = {
    externalId: row.external_id,
    ticketId: Number(row.ticket_id),
    score: row.score as CsatRating['score'],
    createdAt: row.created_at,
  };
  if (row.comment !== null) rating.comment = row.comment;
  if (row.reason !== null) rating.reason = row.reason;
  if (row.channel !== null) rating.channel = row.channel as CsatRating['channel'];
  if (row.agent_id !== null) rating.agentId = Number(row.agent_id);
  if (row.requester_id !== null) rating.requesterId = Number(row.requester_id);
  return rating;
}
