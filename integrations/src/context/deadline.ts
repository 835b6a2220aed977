import {
  deadlineFor,
  slaState,
  type BusinessCalendar,
  type ChannelId,
  type TicketDeadline,
} from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { TicketConversation } from './ticket-records';

/**
 * The reply deadline of the conversation's oldest customer message the seller has not answered
 * yet (a seller message answers everything before it), the way `sync/reply-deadline.ts` sets the
 * ticket field — with the rule and the live status the sidebar shows. The marketplace's reported
 * deadline wins. None when the conversation is closed or nobody is waiting.
 */
export async function conversationDeadline(
  db: Kysely<Database>,
  tenantId: string,
  conversation: TicketConversation,
  channel: ChannelId,
  calendar: BusinessCalendar,
  now: Date,
): Promise<TicketDeadline | undefined> {
  if (conversation.status === 'closed') return undefined;
  const messages = await db
    .selectFrom('sync_messages')
    .select(['author', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', conversation.source)
    .where('conversation_external_id', '=', conversation.external_id)
    .where('counterpart', '=', 'customer')
    .orderBy('position')
    .execute();
  let waitingSince: string | null = null;
  for (const message of messages) {
    if (message.author === 'seller') waitingSince = null;
    else if (waitingSince === null) waitingSince = message.created_at;
  }
  const reported = conversation.reported_due_at ? new Date(conversation.reported_due_at) : undefined;
  if (waitingSince === null) return undefined;
  const deadline = deadlineFor({
    channel,
    receivedAt: new Date(waitingSince),
    calendar,
    reportedDueAt: reported,
  });
  const state = slaState(deadline, now, calendar);
  const out: TicketDeadline = {
    dueAt: deadline.dueAt.toISOString(),
    computedDueAt: deadline.computedDueAt.toISOString(),
    source: deadline.source,
    rule: { ...deadline.rule },
    status: state.status,
    businessMsLeft: state.businessMsLeft,
    computedAt: now.toISOString(),
  };
  if (deadline.reportedDueAt) out.reportedDueAt = deadline.reportedDueAt.toISOString();
  return out;
}
