import { checkReply, type ChannelId, type Conversation, type Counterpart } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { SyncRelayedRepliesTable } from '../store/tables/sync';
import { toStoredTime } from '../store/time';
import { TAGS } from '../zendesk/conventions';
import { replyBlockedNoteBody, replyFailedNoteBody, replyRefusedNoteBody } from './agent-notes';
import { MarketplaceRefusal, type Connector, type ConnectorContext, type ConnectorLogger } from './connector';
import { storedMessages } from './conversation-store';
import { conversationChain } from './effects';
import { enqueueEffects } from './outbox';
import { backoffMs, errorText } from './outbox-writer';
import { SerialQueue } from './serial-queue';
import type { ZendeskGateway } from './zendesk-gateway';

/**
 * Americanas conversations have two counterparts in one ticket. The agent addresses Americanas' SAC
 * by starting the public reply with "SAC:" (the prefix is removed before sending); any other reply
 * goes to the customer. A prefix is per reply, so it cannot be left on by mistake like a ticket tag.
 */
export const SAC_PREFIX = /^\s*SAC\s*:\s*/i;

export interface SourceBinding {
  connector: Connector;
  ctx: ConnectorContext;
}

export interface ReplyRelayOptions {
  db: Kysely<Database>;
  tenantId: string;
  zendesk: ZendeskGateway;
  sources: ReadonlyMap<string, SourceBinding>;
  log: ConnectorLogger;
  now?: () => Date;
  /** Transient send failures before the reply is given up (and the agent told). */
  maxAttempts?: number;
  /**
   * How long a send interrupted by a crash waits before it is tried again (the stream may confirm it
   * meanwhile). Default 0: the connectors check the source for the text before sending again.
   */
  unconfirmedSendGraceMs?: number;
}

type RelayRow = SyncRelayedRepliesTable;

/**
 * Delivers agents' public replies to the marketplace, each Zendesk comment at most once: the
 * comment id is recorded (unique per tenant) before anything is sent, and the row's state says
 * where a crash left it.
 */
export class ReplyRelay {
  private readonly db: Kysely<Database>;
  private readonly tenantId: string;
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private readonly sendGraceMs: number;
  private readonly queue = new SerialQueue();

  constructor(private readonly opts: ReplyRelayOptions) {
    this.db = opts.db;
    this.tenantId = opts.tenantId;
    this.now = opts.now ?? (() => new Date());
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.sendGraceMs = opts.unconfirmedSendGraceMs ?? 0;
  }

  /** `ticket.public_reply`: reads the ticket's comments and relays every agent reply not relayed yet. */
  relayTicket(ticketId: string): Promise<void> {
    return this.queue.run(() => this.collectAndDeliver(ticketId));
  }

  /** Sends every reply that is due (new, backing off, or unconfirmed past its grace), oldest first. */
  deliverDue(): Promise<void> {
    return this.queue.run(() => this.deliverDueNow());
  }

  private async collectAndDeliver(ticketId: string): Promise<void> {
    const conversation = await this.conversationOfTicket(ticketId);
    if (!conversation) {
      await this.failIfNotLinkedYet(ticketId);
      return; // not a marketplace ticket of ours
    }
    const requesterId =
      conversation.requesterId ?? (await this.opts.zendesk.getTicket(ticketId))?.requesterId ?? null;
    const comments = await this.opts.zendesk.listComments(ticketId);
    const at = toStoredTime(this.now());
    for (const comment of comments) {
      // Buyer messages are public comments by the requester; Vitrine's own notes are private.
      if (!comment.public || comment.authorId === requesterId) continue;
      const { counterpart, text } = addressee(conversation.source, comment.body);
      await this.db
        .insertInto('sync_relayed_replies')
        .values({
          tenant_id: this.tenantId,
          comment_id: comment.id,
          ticket_id: ticketId,
          source: conversation.source,
          conversation_external_id: conversation.externalId,
          counterpart,
          text,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          marketplace_message_id: null,
          error: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'comment_id']).doNothing())
        .execute();
    }
    await this.deliverDueNow(ticketId);
  }

  private async deliverDueNow(ticketId?: string): Promise<void> {
    let query = this.db
      .selectFrom('sync_relayed_replies')
      .selectAll()
      .where('tenant_id', '=', this.tenantId)
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', toStoredTime(this.now()));
    if (ticketId) query = query.where('ticket_id', '=', ticketId);
    const rows = await query.orderBy('created_at').orderBy('comment_id').execute();
    for (const row of rows) await this.deliver(row);
  }

  /**
   * A ticket of ours whose creation the writer has not confirmed yet (its answer was lost, it is
   * being reconciled) is not linked to its conversation: the event must be retried, not dropped.
   */
  private async failIfNotLinkedYet(ticketId: string): Promise<void> {
    const ticket = await this.opts.zendesk.getTicket(ticketId);
    const match = /^vitrine:([^:]+):(.+)$/.exec(ticket?.externalId ?? '');
    if (!match) return;
    const known = await this.db
      .selectFrom('sync_conversations')
      .select('external_id')
      .where('tenant_id', '=', this.tenantId)
      .where('source', '=', match[1]!)
      .where('external_id', '=', match[2]!)
      .executeTakeFirst();
    if (known) throw new Error(`ticket ${ticketId} is not linked to its conversation yet; will retry`);
  }

  /** `ticket.solved`: "Finalizar tratativa" where the marketplace has it. */
  finalizeTicket(ticketId: string): Promise<void> {
    return this.queue.run(() => this.finalizeNow(ticketId));
  }

  private async finalizeNow(ticketId: string): Promise<void> {
    const conversation = await this.conversationOfTicket(ticketId);
    if (!conversation) {
      await this.failIfNotLinkedYet(ticketId);
      return;
    }
    const binding = this.opts.sources.get(conversation.source);
    if (!binding?.connector.finalize || conversation.conversation.status === 'closed') return;
    try {
      await binding.connector.finalize(binding.ctx, conversation.conversation);
    } catch (err) {
      if (!(err instanceof MarketplaceRefusal)) throw err;
      await this.note(
        conversation.source,
        conversation.externalId,
        `finalize:${ticketId}`,
        replyRefusedNoteBody(conversation.conversation.source, err.agentMessage),
      );
    }
  }

  private async deliver(row: RelayRow): Promise<void> {
    const conv = await this.conversationOfTicket(row.ticket_id);
    const binding = this.opts.sources.get(row.source);
    if (!conv || !binding) return this.setStatus(row, 'failed', `no ${row.source} connector configured`);

    if (row.status === 'sending') {
      // The process stopped after we started sending and before we recorded the answer. The
      // stream confirms it if the reply shows up at the source; only after the grace period do we
      // conclude it never arrived and send again.
      const age = this.now().getTime() - Date.parse(row.updated_at);
      if (age < this.sendGraceMs) {
        await this.db
          .updateTable('sync_relayed_replies')
          .set({ next_attempt_at: toStoredTime(new Date(this.now().getTime() + this.sendGraceMs - age)) })
          .where('tenant_id', '=', this.tenantId)
          .where('comment_id', '=', row.comment_id)
          .execute();
        return;
      }
      this.opts.log.warn(
        { commentId: row.comment_id },
        'reply not confirmed by the marketplace after a crash; sending again',
      );
    }

    const channel: ChannelId =
      row.counterpart === 'marketplace' && row.source === 'americanas'
        ? 'americanas-sac'
        : conv.conversation.channel;
    const check = checkReply({ channel, text: row.text });
    if (!check.ok) {
      const blocking = check.findings
        .filter((f) => f.severity === 'block')
        .map((f) => `${f.message} ("${f.excerpt}")`);
      await this.setStatus(row, 'blocked', blocking.join(' | '));
      await this.note(
        row.source,
        row.conversation_external_id,
        `relay-blocked:${row.comment_id}`,
        replyBlockedNoteBody(blocking),
      );
      return;
    }

    // Claim the reply before sending: only the run that moves it to `sending` may send it.
    const claimed = await this.db
      .updateTable('sync_relayed_replies')
      .set({ status: 'sending', error: null, updated_at: toStoredTime(this.now()) })
      .where('tenant_id', '=', this.tenantId)
      .where('comment_id', '=', row.comment_id)
      .where('status', '=', row.status)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return;
    try {
      const sent = await binding.connector.sendReply(binding.ctx, {
        conversation: conv.conversation,
        counterpart: row.counterpart as Counterpart,
        text: row.text,
        attachments: [],
        idempotencyKey: row.comment_id,
        // When we first saw the comment (never earlier than the agent wrote it): the connector checks
        // the source for this text since then before sending, so a retried send is not delivered twice.
        writtenAt: row.created_at,
      });
      await this.setStatus(row, 'sent', null, sent.externalMessageId ?? null);
      this.opts.log.info(
        { ticketId: row.ticket_id, commentId: row.comment_id, source: row.source },
        'reply delivered',
      );
    } catch (err) {
      if (err instanceof MarketplaceRefusal) {
        await this.setStatus(row, 'refused', `${err.reason}: ${err.agentMessage}`);
        await this.note(
          row.source,
          row.conversation_external_id,
          `relay-refused:${row.comment_id}`,
          replyRefusedNoteBody(conv.conversation.source, err.agentMessage),
        );
        return;
      }
      const attempts = row.attempts + 1;
      if (attempts >= this.maxAttempts) {
        await this.setStatus(row, 'failed', errorText(err));
        await this.note(
          row.source,
          row.conversation_external_id,
          `relay-failed:${row.comment_id}`,
          replyFailedNoteBody(conv.conversation.source, errorText(err)),
        );
        return;
      }
      // The marketplace did not take it (network, 5xx, 429): send again after a pause.
      await this.db
        .updateTable('sync_relayed_replies')
        .set({
          status: 'pending',
          attempts,
          error: errorText(err),
          next_attempt_at: toStoredTime(new Date(this.now().getTime() + backoffMs(attempts))),
          updated_at: toStoredTime(this.now()),
        })
        .where('tenant_id', '=', this.tenantId)
        .where('comment_id', '=', row.comment_id)
        .execute();
    }
  }

  private async note(
    source: string,
    conversationExternalId: string,
    key: string,
    body: string,
  ): Promise<void> {
    await enqueueEffects(
      this.db,
      this.tenantId,
      [
        {
          idempotencyKey: key,
          chain: conversationChain(source, conversationExternalId),
          effect: {
            kind: 'add_comment',
            source: source as Conversation['source'],
            conversationExternalId,
            comment: { body, public: false, byRequester: false },
            addTags: [TAGS.replyRefused],
          },
        },
      ],
      this.now(),
    );
  }

  private async setStatus(
    row: RelayRow,
    status: RelayRow['status'],
    error: string | null,
    messageId?: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('sync_relayed_replies')
      .set({
        status,
        error,
        updated_at: toStoredTime(this.now()),
        ...(messageId !== undefined ? { marketplace_message_id: messageId } : {}),
      })
      .where('tenant_id', '=', this.tenantId)
      .where('comment_id', '=', row.comment_id)
      .execute();
  }

  private async conversationOfTicket(ticketId: string) {
    const row = await this.db
      .selectFrom('sync_conversations')
      .selectAll()
      .where('tenant_id', '=', this.tenantId)
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (!row) return null;
    const messages = await storedMessages(this.db, this.tenantId, row.source, row.external_id);
    const conversation: Conversation = {
      source: row.source as Conversation['source'],
      externalId: row.external_id,
      channel: row.channel as ChannelId,
      ...(row.order_number ? { orderNumber: row.order_number } : {}),
      ...(row.subject ? { subject: row.subject } : {}),
      status: row.status as Conversation['status'],
      ...(row.source_status ? { sourceStatus: row.source_status } : {}),
      ...(row.reported_due_at ? { reportedDueAt: row.reported_due_at } : {}),
      counterparts: JSON.parse(row.counterparts) as Counterpart[],
      customer: JSON.parse(row.customer) as Conversation['customer'],
      messages: messages.map((m) => ({
        externalId: m.externalId,
        author: m.author as Conversation['messages'][number]['author'],
        counterpart: m.counterpart as Counterpart,
        text: m.text,
        createdAt: m.createdAt,
        attachments: [],
      })),
      updatedAt: row.source_updated_at,
    };
    return {
      source: row.source,
      externalId: row.external_id,
      requesterId: row.requester_user_id,
      conversation,
    };
  }
}

/** Whom an agent's reply is for, and the text to send. */
export function addressee(source: string, body: string): { counterpart: Counterpart; text: string } {
  if (source === 'americanas' && SAC_PREFIX.test(body))
    return { counterpart: 'marketplace', text: body.replace(SAC_PREFIX, '').trim() };
  return { counterpart: 'customer', text: body.trim() };
}
