import { Conversation } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { ZodError } from 'zod';
import { advanceCheckpoint, getCheckpoint, recordStreamFailure } from '../store/checkpoints';
import { quarantineRecord, releaseFromQuarantine } from '../store/quarantine';
import { upsertRawRecord } from '../store/raw-records';
import type { Database } from '../store/schema';
import type { Connector, ConnectorContext, ConnectorLogger, StreamDefinition } from './connector';
import { applyConversation } from './conversation-store';

export interface StreamRunOptions {
  db: Kysely<Database>;
  tenantId: string;
  connector: Connector;
  stream: StreamDefinition;
  ctx: ConnectorContext;
  log: ConnectorLogger;
  /** Pages per run before yielding to the other streams (the run resumes from the checkpoint). */
  maxPages?: number;
  now?: () => Date;
}

export interface StreamRunReport {
  stream: string;
  pages: number;
  /** Records whose payload changed since the last read. */
  changed: number;
  newMessages: number;
  quarantined: number;
  caughtUp: boolean;
  error?: string;
}

type Prepared =
  | { ok: true; raw: unknown; externalId: string; conversation: Conversation }
  | { ok: false; raw: unknown; externalId?: string; reason: string };

/**
 * Reads a stream from its checkpoint, page after page: validates each raw record with the
 * stream's schema (a failure is quarantined with zod's message and the stream moves on), maps it
 * to its conversation, then writes the page's records, messages, effects and the new cursor in one
 * transaction. A failed page leaves the cursor where it was: the next run reads it again, and the
 * idempotency keys make that harmless.
 */
export async function runStream(opts: StreamRunOptions): Promise<StreamRunReport> {
  const { db, tenantId, stream, ctx, log } = opts;
  const now = opts.now ?? (() => new Date());
  const maxPages = opts.maxPages ?? 50;
  const report: StreamRunReport = {
    stream: stream.name,
    pages: 0,
    changed: 0,
    newMessages: 0,
    quarantined: 0,
    caughtUp: false,
  };
  let cursor = (await getCheckpoint(db, tenantId, stream.name))?.cursor ?? null;

  try {
    while (report.pages < maxPages) {
      const page = await stream.readPage(ctx, cursor);
      const prepared = await Promise.all(page.records.map((raw) => prepare(stream, raw, ctx)));
      const counts = await db.transaction().execute(async (trx) => {
        let changed = 0;
        let newMessages = 0;
        let quarantined = 0;
        for (const record of prepared) {
          if (!record.ok) {
            quarantined++;
            await quarantineRecord(trx, {
              tenantId,
              stream: stream.name,
              externalId: record.externalId,
              reason: record.reason,
              payload: record.raw,
            });
            continue;
          }
          const upsert = await upsertRawRecord(trx, {
            tenantId,
            source: opts.connector.source,
            stream: stream.name,
            externalId: record.externalId,
            payload: record.raw,
          });
          if (!upsert.changed) continue;
          changed++;
          await releaseFromQuarantine(trx, { tenantId, stream: stream.name, externalId: record.externalId });
          const applied = await applyConversation(trx, tenantId, record.conversation, now());
          newMessages += applied.newMessages;
        }
        await advanceCheckpoint(trx, {
          tenantId,
          stream: stream.name,
          cursor: page.nextCursor,
          records: changed,
          at: now(),
        });
        return { changed, newMessages, quarantined };
      });
      report.pages++;
      report.changed += counts.changed;
      report.newMessages += counts.newMessages;
      report.quarantined += counts.quarantined;
      if (counts.quarantined > 0)
        log.warn({ stream: stream.name, quarantined: counts.quarantined }, 'records quarantined');
      if (report.pages % 10 === 0) {
        log.info(
          { stream: stream.name, pages: report.pages, records: report.changed, messages: report.newMessages },
          'sync progress',
        );
      }
      cursor = page.nextCursor;
      if (page.caughtUp || page.nextCursor === null) {
        report.caughtUp = true;
        break;
      }
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    log.warn({ stream: stream.name, err: report.error }, 'stream run failed; it resumes from its checkpoint');
    await recordStreamFailure(db, { tenantId, stream: stream.name, error: report.error });
  }
  return report;
}

async function prepare(stream: StreamDefinition, raw: unknown, ctx: ConnectorContext): Promise<Prepared> {
  const parsed = stream.schema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, raw, externalId: tryExternalId(stream, raw), reason: zodReason(parsed.error) };
  const externalId = stream.externalId(parsed.data);
  try {
    // The mapping's output is checked too: a connector bug must quarantine a record, not corrupt a ticket.
    const mapped = Conversation.safeParse(await stream.toConversation(parsed.data, ctx));
    if (!mapped.success)
      return {
        ok: false,
        raw,
        externalId,
        reason: `mapping produced an invalid conversation: ${zodReason(mapped.error)}`,
      };
    return { ok: true, raw, externalId, conversation: mapped.data };
  } catch (err) {
    return {
      ok: false,
      raw,
      externalId,
      reason: `mapping failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

function tryExternalId(stream: StreamDefinition, raw: unknown): string | undefined {
  try {
    const id = stream.externalId(raw);
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

function zodReason(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}
