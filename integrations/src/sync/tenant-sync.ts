import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { ConnectorLogger, StreamDefinition } from './connector';
import { processInboundEvents, type InboundEvent } from './inbound-events';
import { OutboxWriter, type DrainReport } from './outbox-writer';
import { ReplyRelay, type SourceBinding } from './reply-relay';
import { runStream, type StreamRunReport } from './stream-runner';
import type { ZendeskGateway } from './zendesk-gateway';

export interface TenantSyncOptions {
  db: Kysely<Database>;
  tenantId: string;
  zendesk: ZendeskGateway;
  sources: ReadonlyMap<string, SourceBinding>;
  log: ConnectorLogger;
  /** See `OutboxWriterOptions.unconfirmedGraceMs`. */
  unconfirmedWriteGraceMs?: number;
  /** See `OutboxWriterOptions.inflightLeaseMs`. */
  inflightLeaseMs?: number;
  /** See `ReplyRelayOptions.unconfirmedSendGraceMs`. */
  unconfirmedSendGraceMs?: number;
  /** Pages a stream reads per run before the others get their turn. */
  maxPagesPerRun?: number;
  /** Called after each stream run (console progress, metrics). */
  onStreamRun?(report: StreamRunReport): void;
  /** A Mercado Livre notification (or another source's push) asks for a stream to run now. */
  onStreamWanted?(stream: string): void;
  /** A requester rated a ticket bad: read the satisfaction ratings now (`ingestCsatRatings`). */
  onRatingsWanted?(): void;
}

export interface TenantStream {
  source: string;
  stream: StreamDefinition;
  binding: SourceBinding;
}

/**
 * Everything the engine does for one tenant: its streams, its effects outbox, its reply relay and
 * its inbound events. The scheduler (`runtime.ts`) decides when each part runs.
 */
export class TenantSync {
  readonly writer: OutboxWriter;
  readonly relay: ReplyRelay;

  constructor(private readonly opts: TenantSyncOptions) {
    this.writer = new OutboxWriter({
      db: opts.db,
      tenantId: opts.tenantId,
      zendesk: opts.zendesk,
      log: opts.log,
      unconfirmedGraceMs: opts.unconfirmedWriteGraceMs,
      inflightLeaseMs: opts.inflightLeaseMs,
    });
    this.relay = new ReplyRelay({
      db: opts.db,
      tenantId: opts.tenantId,
      zendesk: opts.zendesk,
      sources: opts.sources,
      log: opts.log,
      unconfirmedSendGraceMs: opts.unconfirmedSendGraceMs,
    });
  }

  get zendesk(): ZendeskGateway {
    return this.opts.zendesk;
  }

  get tenantId(): string {
    return this.opts.tenantId;
  }

  streams(source?: string): TenantStream[] {
    const out: TenantStream[] = [];
    for (const [name, binding] of this.opts.sources) {
      if (source && name !== source) continue;
      for (const stream of binding.connector.streams) out.push({ source: name, stream, binding });
    }
    return out;
  }

  /** Reads a stream until it is caught up (or `maxRuns` runs of `maxPagesPerRun` pages). */
  async syncStream(target: TenantStream, maxRuns = 1): Promise<StreamRunReport> {
    let last: StreamRunReport | undefined;
    for (let run = 0; run < maxRuns; run++) {
      last = await runStream({
        db: this.opts.db,
        tenantId: this.opts.tenantId,
        connector: target.binding.connector,
        stream: target.stream,
        ctx: target.binding.ctx,
        log: this.opts.log,
        maxPages: this.opts.maxPagesPerRun,
      });
      this.opts.onStreamRun?.(last);
      if (last.caughtUp || last.error) break;
    }
    return last!;
  }

  /** Webhooks and notifications, then Zendesk writes, then replies due for delivery. */
  async pump(): Promise<DrainReport> {
    await processInboundEvents(this.opts.db, this.opts.tenantId, (event) => this.handleEvent(event));
    const report = await this.writer.drain();
    await this.relay.deliverDue();
    // Notes the relay just queued (refusals) go out in the same pump.
    const notes = await this.writer.drain();
    return { ...report, done: report.done + notes.done, failed: report.failed + notes.failed };
  }

  private async handleEvent(event: InboundEvent): Promise<void> {
    const payload = event.payload as { ticket_id?: string | number; stream?: string };
    switch (event.kind) {
      case 'zendesk.ticket.public_reply':
        await this.relay.relayTicket(String(payload.ticket_id));
        return;
      case 'zendesk.ticket.solved':
        await this.relay.finalizeTicket(String(payload.ticket_id));
        return;
      case 'stream.wanted':
        if (payload.stream) this.opts.onStreamWanted?.(payload.stream);
        return;
      case 'zendesk.ticket.rated_bad':
        // Only a wake-up: the ratings loop reads the list from its checkpoint, outside the pump.
        this.opts.onRatingsWanted?.();
        return;
      default:
        return;
    }
  }
}
