import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { toStoredTime } from '../store/time';
import type { ConnectorLogger } from './connector';
import { comparableText } from './conversation-diff';
import {
  toCommentSpec,
  writesComment,
  type AddCommentEffect,
  type CreateTicketEffect,
  type Effect,
  type EnsureUserEffect,
  type UpdateTicketEffect,
} from './effects';
import {
  chainHeads,
  checkAgainLater,
  markDone,
  markFailed,
  claimForSending,
  recordJob,
  retryLater,
  type OutboxEntry,
} from './outbox';
import {
  ZendeskRejection,
  type BulkItemResult,
  type ZendeskGateway,
  type ZendeskTicketUpdate,
} from './zendesk-gateway';

export interface OutboxWriterOptions {
  db: Kysely<Database>;
  tenantId: string;
  zendesk: ZendeskGateway;
  log: ConnectorLogger;
  now?: () => Date;
  /** Items per create_many / update_many / create_or_update_many (Zendesk's maximum is 100). */
  batchSize?: number;
  /**
   * How long to wait for the account's queued jobs before looking for a write whose answer was lost
   * (its job may be one of them). Past it, the lookup runs anyway: a busy queue must not stall us.
   */
  unconfirmedGraceMs?: number;
  /** Attempts before an effect that keeps failing transiently is marked failed. */
  maxAttempts?: number;
  /**
   * An effect another process marked inflight is left to it this long (it may still be sending);
   * after that it is treated as abandoned by a crash and reconciled. Default 2 min.
   */
  inflightLeaseMs?: number;
}

export interface DrainReport {
  done: number;
  failed: number;
  retried: number;
  reconciled: number;
  cycles: number;
}

type Link = { ticketId: string | null; requesterId: string | null };
type Outcome = 'done' | 'failed' | 'retried' | 'waiting';

/**
 * Drains a tenant's effects outbox into Zendesk in bulk calls. See `OUTBOX.md` for why this is
 * exactly once across crashes: effects are marked inflight before a call, the job id is recorded
 * as soon as Zendesk gives one, and an inflight effect is never resent before we have looked for
 * its result in Zendesk (job results, the ticket by external id, the ticket's comments).
 */
export class OutboxWriter {
  private readonly db: Kysely<Database>;
  private readonly tenantId: string;
  private readonly zendesk: ZendeskGateway;
  private readonly log: ConnectorLogger;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly graceMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private running: Promise<DrainReport> | null = null;
  /** Inflight effects whose answer this process lost: reconciled at once, no lease to wait out. */
  private readonly lostHere = new Set<number>();

  constructor(opts: OutboxWriterOptions) {
    this.db = opts.db;
    this.tenantId = opts.tenantId;
    this.zendesk = opts.zendesk;
    this.log = opts.log;
    this.now = opts.now ?? (() => new Date());
    this.batchSize = Math.min(opts.batchSize ?? 100, 100);
    this.graceMs = opts.unconfirmedGraceMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 12;
    this.leaseMs = opts.inflightLeaseMs ?? 120_000;
  }

  /** Runs cycles until nothing is due. Concurrent calls share one run (one writer per tenant). */
  drain(maxCycles = 1000): Promise<DrainReport> {
    if (!this.running) {
      this.running = this.drainCycles(maxCycles).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drainCycles(maxCycles: number): Promise<DrainReport> {
    const report: DrainReport = { done: 0, failed: 0, retried: 0, reconciled: 0, cycles: 0 };
    while (report.cycles < maxCycles) {
      const outcomes = await this.cycle(report);
      if (outcomes.length === 0) break;
      report.cycles++;
      // An effect waiting for a lost answer is looked at again as soon as it is due (at once when it
      // just failed, after the grace period when Zendesk did not show it yet); the loop ends when
      // nothing is due.
      for (const o of outcomes) if (o !== 'waiting') report[o]++;
    }
    return report;
  }

  /** One round: every chain's head, grouped into at most one bulk call per kind. */
  private async cycle(report: DrainReport): Promise<Outcome[]> {
    const heads = await chainHeads(this.db, this.tenantId, this.now());
    if (heads.length === 0) return [];
    const outcomes: Outcome[] = [];

    const ready: OutboxEntry[] = [];
    for (const head of heads) {
      if (head.status === 'inflight' && !this.lostHere.has(head.id)) {
        const age = this.now().getTime() - Date.parse(head.updatedAt);
        // Another process may be sending it right now; after the lease, it crashed.
        if (age < this.leaseMs) {
          outcomes.push(await this.waitFor(head, 'inflight in another process', this.leaseMs - age, false));
          continue;
        }
      }
      if (head.status === 'inflight' && writesComment(head.effect)) {
        report.reconciled++;
        outcomes.push(await this.reconcile(head));
      } else {
        // Users (create_or_update by external id) and tag/field updates are idempotent: resend.
        ready.push(head);
      }
    }

    const byKind = (kind: Effect['kind']) =>
      ready.filter((e) => e.effect.kind === kind).slice(0, this.batchSize);
    outcomes.push(...(await this.sendUsers(byKind('ensure_user'))));
    outcomes.push(...(await this.sendCreates(byKind('create_ticket'))));
    const updates = ready.filter((e) => e.effect.kind === 'add_comment' || e.effect.kind === 'update_ticket');
    outcomes.push(...(await this.sendUpdates(updates)));
    return outcomes;
  }

  // ── users ────────────────────────────────────────────────────────────────────────────────

  private async sendUsers(entries: OutboxEntry[]): Promise<Outcome[]> {
    entries = await claimForSending(this.db, entries, this.now());
    if (entries.length === 0) return [];
    const effects = entries.map((e) => e.effect as EnsureUserEffect);
    let results: BulkItemResult[];
    try {
      results = await this.zendesk.upsertUsers(effects.map((e) => e.user));
    } catch (err) {
      return Promise.all(entries.map((e) => this.afterCallError(e, err)));
    }
    return Promise.all(
      entries.map(async (entry, index) => {
        const result = results.find((r) => r.index === index);
        const effect = effects[index]!;
        if (!result) return this.afterItemError(entry, 'Zendesk returned no result for this user', false);
        if (!result.ok) return this.afterItemError(entry, result.error, result.permanent);
        await this.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('sync_conversations')
            .set({ requester_user_id: result.id })
            .where('tenant_id', '=', this.tenantId)
            .where('source', '=', effect.source)
            .where('external_id', '=', effect.conversationExternalId)
            .execute();
          await markDone(trx, entry.id, { userId: result.id }, this.now());
        });
        return 'done';
      }),
    );
  }

  // ── ticket creation ──────────────────────────────────────────────────────────────────────

  private async sendCreates(entries: OutboxEntry[]): Promise<Outcome[]> {
    if (entries.length === 0) return [];
    const outcomes: Outcome[] = [];
    const sendable: { entry: OutboxEntry; requesterId: string }[] = [];
    const links = await this.links(entries.map((e) => e.effect as CreateTicketEffect));
    for (const entry of entries) {
      const effect = entry.effect as CreateTicketEffect;
      const link = links.get(linkKey(effect.source, effect.conversationExternalId));
      if (link?.ticketId) {
        // Already linked (an earlier run finished it): nothing to write.
        await markDone(this.db, entry.id, { ticketId: link.ticketId, alreadyLinked: true }, this.now());
        outcomes.push('done');
      } else if (!link?.requesterId) {
        await markFailed(
          this.db,
          entry.id,
          'The buyer could not be created as a Zendesk user (see the failed user effect).',
          this.now(),
        );
        outcomes.push('failed');
      } else {
        sendable.push({ entry, requesterId: link.requesterId });
      }
    }
    if (sendable.length === 0) return outcomes;

    const batch = await claimForSending(
      this.db,
      sendable.map((s) => s.entry),
      this.now(),
    );
    if (batch.length === 0) return outcomes;
    const requesterOf = new Map(sendable.map((s) => [s.entry.id, s.requesterId]));
    let jobId: string;
    try {
      ({ jobId } = await this.zendesk.submitTicketCreates(
        batch.map((entry) => {
          const requesterId = requesterOf.get(entry.id)!;
          const effect = entry.effect as CreateTicketEffect;
          return {
            externalId: effect.ticketExternalId,
            subject: effect.subject,
            requesterId,
            comment: toCommentSpec(effect.comment, requesterId),
            tags: effect.tags,
            fields: effect.fields,
          };
        }),
      ));
    } catch (err) {
      return outcomes.concat(await Promise.all(batch.map((e) => this.afterCallError(e, err))));
    }
    await this.recordJobPositions(batch, jobId);
    return outcomes.concat(await this.applyJob(batch, jobId));
  }

  // ── ticket updates (comments, notes, tags, fields) ───────────────────────────────────────

  private async sendUpdates(entries: OutboxEntry[]): Promise<Outcome[]> {
    if (entries.length === 0) return [];
    const outcomes: Outcome[] = [];
    const links = await this.links(entries.map((e) => e.effect as AddCommentEffect | UpdateTicketEffect));
    const batch: { entry: OutboxEntry; update: ZendeskTicketUpdate }[] = [];
    const tickets = new Set<string>();
    for (const entry of entries) {
      if (batch.length === this.batchSize) break;
      const effect = entry.effect as AddCommentEffect | UpdateTicketEffect;
      const link = this.linkOf(effect, links);
      if (!link.ticketId) {
        await markFailed(
          this.db,
          entry.id,
          'The ticket of this conversation was never created (see the failed ticket effect).',
          this.now(),
        );
        outcomes.push('failed');
        continue;
      }
      // One ticket at most once per bulk call: Zendesk applies a batch's items in no promised order.
      if (tickets.has(link.ticketId)) continue;
      tickets.add(link.ticketId);
      batch.push({ entry, update: toUpdate(effect, link) });
    }
    if (batch.length === 0) return outcomes;

    const sent = await claimForSending(
      this.db,
      batch.map((b) => b.entry),
      this.now(),
    );
    if (sent.length === 0) return outcomes;
    const updateOf = new Map(batch.map((b) => [b.entry.id, b.update]));
    let jobId: string;
    try {
      ({ jobId } = await this.zendesk.submitTicketUpdates(sent.map((e) => updateOf.get(e.id)!)));
    } catch (err) {
      return outcomes.concat(await Promise.all(sent.map((e) => this.afterCallError(e, err))));
    }
    await this.recordJobPositions(sent, jobId);
    return outcomes.concat(await this.applyJob(sent, jobId));
  }

  // ── job results ──────────────────────────────────────────────────────────────────────────

  /** Remembers each effect's place in the job (`<job id>#<index>`), so a restart can read its result. */
  private async recordJobPositions(entries: OutboxEntry[], jobId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [index, entry] of entries.entries()) await recordJob(trx, [entry.id], `${jobId}#${index}`);
    });
  }

  private async applyJob(entries: OutboxEntry[], jobId: string): Promise<Outcome[]> {
    let results: BulkItemResult[] | null;
    try {
      results = await this.zendesk.jobResults(jobId);
    } catch (err) {
      this.log.warn({ jobId, err: errorText(err) }, 'could not read a Zendesk job; will check again');
      return Promise.all(
        entries.map((e) => this.waitFor(e, `job ${jobId} not readable yet: ${errorText(err)}`)),
      );
    }
    if (!results) {
      return Promise.all(entries.map((e) => this.waitFor(e, `Zendesk no longer knows job ${jobId}`, 0)));
    }
    return Promise.all(
      entries.map((entry, index) =>
        this.applyItem(
          entry,
          results.find((r) => r.index === index),
        ),
      ),
    );
  }

  private async applyItem(entry: OutboxEntry, result: BulkItemResult | undefined): Promise<Outcome> {
    if (!result) return this.afterItemError(entry, 'Zendesk returned no result for this item', false);
    if (!result.ok) return this.afterItemError(entry, result.error, result.permanent);
    await this.completeWrite(entry, result.id);
    return 'done';
  }

  /** Records a write Zendesk confirmed: the effect, the ticket link and the message's comment state. */
  private async completeWrite(entry: OutboxEntry, ticketId: string): Promise<void> {
    const effect = entry.effect;
    await this.db.transaction().execute(async (trx) => {
      if (effect.kind === 'create_ticket') {
        await trx
          .updateTable('sync_conversations')
          .set({ ticket_id: ticketId, updated_at: toStoredTime(this.now()) })
          .where('tenant_id', '=', this.tenantId)
          .where('source', '=', effect.source)
          .where('external_id', '=', effect.conversationExternalId)
          .execute();
      }
      const messageId =
        effect.kind === 'create_ticket' || effect.kind === 'add_comment'
          ? effect.messageExternalId
          : undefined;
      if (messageId && effect.source && effect.conversationExternalId) {
        await trx
          .updateTable('sync_messages')
          .set({ comment_state: 'done' })
          .where('tenant_id', '=', this.tenantId)
          .where('source', '=', effect.source)
          .where('conversation_external_id', '=', effect.conversationExternalId)
          .where('external_id', '=', messageId)
          .execute();
      }
      await markDone(trx, entry.id, { ticketId }, this.now());
    });
  }

  // ── reconciliation of writes whose answer was lost ───────────────────────────────────────

  private async reconcile(entry: OutboxEntry): Promise<Outcome> {
    try {
      if (entry.jobId) {
        const [jobId, index] = entry.jobId.split('#');
        const results = await this.zendesk.jobResults(jobId!);
        if (results)
          return await this.applyItem(
            entry,
            results.find((r) => r.index === Number(index)),
          );
      }
      const age = this.now().getTime() - Date.parse(entry.updatedAt);
      // A submission whose answer was lost may be a job still queued: look only once the account's
      // jobs are done (bounded by the grace period, in case other jobs keep the queue busy).
      if (age < this.graceMs && (await this.zendesk.hasUnfinishedJobs())) {
        return this.waitFor(
          entry,
          'waiting for queued Zendesk jobs before looking for an unconfirmed write',
          1_000,
        );
      }
      const found = await this.findWritten(entry);
      if (found) {
        this.log.info(
          { effect: entry.idempotencyKey, ticketId: found },
          'found an unconfirmed write in Zendesk',
        );
        await this.completeWrite(entry, found);
        return 'done';
      }
      this.log.info({ effect: entry.idempotencyKey }, 'unconfirmed write not in Zendesk; sending it again');
      await retryLater(
        this.db,
        entry.id,
        'not found in Zendesk after an unconfirmed write; sending again',
        0,
        this.now(),
      );
      return 'retried';
    } catch (err) {
      if (err instanceof ZendeskRejection) return this.afterItemError(entry, err.message, true);
      return this.waitFor(entry, `reconciliation failed: ${errorText(err)}`, 5_000);
    }
  }

  /** The id of the ticket that already holds this effect's write, or null. */
  private async findWritten(entry: OutboxEntry): Promise<string | null> {
    const effect = entry.effect;
    if (effect.kind === 'create_ticket') {
      const tickets = await this.zendesk.findTicketsByExternalId(effect.ticketExternalId);
      const ours = tickets.map((t) => t.id).sort((a, b) => Number(a) - Number(b));
      return ours[0] ?? null;
    }
    if (effect.kind !== 'add_comment') return null;
    const link = this.linkOf(effect, await this.links([effect]));
    if (!link.ticketId) return null;
    const comments = await this.zendesk.listComments(link.ticketId);
    const body = comparableText(effect.comment.body);
    const matches = comments.filter(
      (c) =>
        c.public === effect.comment.public &&
        comparableText(c.body) === body &&
        (!effect.comment.byRequester || c.authorId === link.requesterId),
    ).length;
    // The same words may legitimately be on the ticket already ("ok", "obrigado"): the write is
    // there only if the ticket holds more copies than the effects of this chain written before it.
    const earlier = await this.sameCommentsWrittenBefore(entry, body);
    return matches > earlier ? link.ticketId : null;
  }

  private async sameCommentsWrittenBefore(entry: OutboxEntry, body: string): Promise<number> {
    const rows = await this.db
      .selectFrom('sync_outbox')
      .select('payload')
      .where('tenant_id', '=', this.tenantId)
      .where('chain', '=', entry.chain)
      .where('status', '=', 'done')
      .where('id', '<', entry.id)
      .execute();
    return rows.filter((row) => {
      const effect = JSON.parse(row.payload) as Effect;
      return writesComment(effect) && comparableText(effect.comment.body) === body;
    }).length;
  }

  // ── failures ─────────────────────────────────────────────────────────────────────────────

  /** The whole bulk call failed. A rejection is final; anything else may have reached Zendesk. */
  private async afterCallError(entry: OutboxEntry, err: unknown): Promise<Outcome> {
    if (err instanceof ZendeskRejection) return this.afterItemError(entry, err.message, true);
    this.log.warn({ effect: entry.idempotencyKey, err: errorText(err) }, 'Zendesk write not confirmed');
    if (!writesComment(entry.effect)) return this.afterItemError(entry, errorText(err), false);
    // Leave it inflight: the next cycle looks for it in Zendesk before sending it again.
    return this.waitFor(entry, `answer lost: ${errorText(err)}`, 0);
  }

  private async afterItemError(entry: OutboxEntry, error: string, permanent: boolean): Promise<Outcome> {
    const attempts = entry.attempts + 1;
    if (permanent || attempts >= this.maxAttempts) {
      const reason = permanent
        ? `Zendesk refused it: ${error}`
        : `Gave up after ${attempts} attempts: ${error}`;
      this.log.error({ effect: entry.idempotencyKey, reason }, 'Zendesk effect failed');
      await markFailed(this.db, entry.id, reason, this.now());
      return 'failed';
    }
    await retryLater(this.db, entry.id, error, backoffMs(attempts), this.now());
    return 'retried';
  }

  private async waitFor(entry: OutboxEntry, reason: string, delayMs = 2_000, ours = true): Promise<Outcome> {
    if (ours) this.lostHere.add(entry.id);
    await checkAgainLater(this.db, entry.id, reason, delayMs, this.now());
    return 'waiting';
  }

  // ── conversation links ───────────────────────────────────────────────────────────────────

  private linkOf(
    effect: { source?: string; conversationExternalId?: string; ticketId?: string },
    links: Map<string, Link>,
  ): Link {
    if (effect.ticketId) return { ticketId: effect.ticketId, requesterId: null };
    if (!effect.source || !effect.conversationExternalId) return { ticketId: null, requesterId: null };
    return (
      links.get(linkKey(effect.source, effect.conversationExternalId)) ?? {
        ticketId: null,
        requesterId: null,
      }
    );
  }

  private async links(
    effects: { source?: string; conversationExternalId?: string }[],
  ): Promise<Map<string, Link>> {
    const keys = effects.filter((e) => e.source && e.conversationExternalId);
    const map = new Map<string, Link>();
    if (keys.length === 0) return map;
    const externalIds = [...new Set(keys.map((k) => k.conversationExternalId!))];
    const rows = await this.db
      .selectFrom('sync_conversations')
      .select(['source', 'external_id', 'ticket_id', 'requester_user_id'])
      .where('tenant_id', '=', this.tenantId)
      .where('external_id', 'in', externalIds)
      .execute();
    for (const row of rows) {
      map.set(linkKey(row.source, row.external_id), {
        ticketId: row.ticket_id,
        requesterId: row.requester_user_id,
      });
    }
    return map;
  }
}

function toUpdate(effect: AddCommentEffect | UpdateTicketEffect, link: Link): ZendeskTicketUpdate {
  return {
    id: link.ticketId!,
    ...(effect.kind === 'add_comment' ? { comment: toCommentSpec(effect.comment, link.requesterId) } : {}),
    ...(effect.addTags?.length ? { addTags: effect.addTags } : {}),
    ...(effect.fields ? { fields: effect.fields } : {}),
  };
}

function linkKey(source: string, conversationExternalId: string): string {
  return `${source}\u0000${conversationExternalId}`;
}

/** 1 s, 2 s, 4 s… capped at 5 min, with jitter so a burst of failures does not retry in lockstep. */
export function backoffMs(attempts: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 300_000);
  return Math.round(base * (0.5 + Math.random() / 2));
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
