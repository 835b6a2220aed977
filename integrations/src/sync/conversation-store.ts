import type { Conversation } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { toStoredTime } from '../store/time';
import { comparableText, diffMessages, type StoredMessage } from './conversation-diff';
import { planConversationEffects } from './conversation-effects';
import { effectExists, enqueueEffects } from './outbox';
import { conversationDeadlines } from './reply-deadline';

export interface AppliedConversation {
  newMessages: number;
  effects: number;
}

/**
 * Stores one read of a conversation and queues the Zendesk effects it needs. Call it inside the
 * transaction that also moves the stream's checkpoint: messages, conversation state, effects and
 * checkpoint commit together or not at all, so a crash can neither lose nor repeat a message.
 */
export async function applyConversation(
  trx: Kysely<Database>,
  tenantId: string,
  conversation: Conversation,
  now: Date = new Date(),
): Promise<AppliedConversation> {
  const { source, externalId } = conversation;
  const existing = await trx
    .selectFrom('sync_conversations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  const stored = await storedMessages(trx, tenantId, source, externalId);
  const fresh = diffMessages(conversation, stored);
  const relays = await trx
    .selectFrom('sync_relayed_replies')
    .select(['text', 'status', 'comment_id'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .where('conversation_external_id', '=', externalId)
    .where('status', 'in', ['sent', 'sending'])
    .execute();
  const deadlines = conversationDeadlines(conversation);
  const plan = planConversationEffects(
    conversation,
    fresh,
    {
      ticketPlanned: await effectExists(trx, tenantId, `ticket:${source}:${externalId}`),
      status: existing?.status ?? null,
      replyDueAt: existing ? earliest(existing.customer_due_at, existing.marketplace_due_at) : null,
      relayedTexts: relays.map((r) => r.text),
    },
    deadlines.replyDueAt,
  );

  const at = toStoredTime(now);
  const row = {
    channel: conversation.channel,
    order_number: conversation.orderNumber ?? null,
    subject: conversation.subject ?? null,
    status: conversation.status,
    source_status: conversation.sourceStatus ?? null,
    customer: JSON.stringify(conversation.customer),
    counterparts: JSON.stringify(conversation.counterparts),
    customer_due_at: deadlines.customer,
    marketplace_due_at: deadlines.marketplace,
    reported_due_at: conversation.reportedDueAt ?? null,
    source_updated_at: conversation.updatedAt,
    updated_at: at,
  };
  await trx
    .insertInto('sync_conversations')
    .values({
      tenant_id: tenantId,
      source,
      external_id: externalId,
      requester_user_id: null,
      ticket_id: null,
      created_at: at,
      ...row,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'source', 'external_id']).doUpdateSet(row))
    .execute();

  for (const { message, position } of fresh) {
    await trx
      .insertInto('sync_messages')
      .values({
        tenant_id: tenantId,
        source,
        conversation_external_id: externalId,
        external_id: message.externalId,
        position,
        author: message.author,
        counterpart: message.counterpart,
        text: message.text,
        created_at: message.createdAt,
        comment_state: plan.commentStates.get(message.externalId) ?? 'none',
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'source', 'conversation_external_id', 'external_id']).doNothing(),
      )
      .execute();
  }
  await enqueueEffects(trx, tenantId, plan.effects, now);

  // A reply whose send answer was lost and that now shows up at the source was delivered.
  for (const relay of relays.filter((r) => r.status === 'sending')) {
    if (plan.confirmedRelays.includes(comparableText(relay.text))) {
      await trx
        .updateTable('sync_relayed_replies')
        .set({ status: 'sent', error: null, updated_at: at })
        .where('tenant_id', '=', tenantId)
        .where('comment_id', '=', relay.comment_id)
        .execute();
    }
  }
  return { newMessages: fresh.length, effects: plan.effects.length };
}

export async function storedMessages(
  db: Kysely<Database>,
  tenantId: string,
  source: string,
  conversationExternalId: string,
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('sync_messages')
    .select(['external_id', 'position', 'author', 'counterpart', 'text', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .where('conversation_external_id', '=', conversationExternalId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    externalId: r.external_id,
    position: Number(r.position),
    author: r.author,
    counterpart: r.counterpart,
    text: r.text,
    createdAt: r.created_at,
  }));
}

function earliest(a: string | null, b: string | null): string | null {
  if (a && b) return a < b ? a : b;
  return a ?? b;
}
