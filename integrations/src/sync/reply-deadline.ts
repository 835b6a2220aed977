import {
  createBusinessCalendar,
  deadlineFor,
  type BusinessCalendar,
  type ChannelId,
  type Conversation,
  type Counterpart,
} from '@vitrine/shared';
import { inWrittenOrder } from './conversation-diff';

export interface ConversationDeadlines {
  customer: string | null;
  marketplace: string | null;
  /** What the ticket's "reply due at" field shows: the earliest open deadline. */
  replyDueAt: string | null;
}

const defaultCalendar = createBusinessCalendar();

/**
 * Reply deadlines per counterpart: counted from the oldest message of that counterpart the seller
 * has not answered yet (a seller message on that side answers everything before it). Americanas'
 * SAC runs on its own rule (1 business day, then the chat closes). The deadline the marketplace
 * reports wins for the customer side. A closed conversation has none.
 */
export function conversationDeadlines(
  conversation: Conversation,
  calendar: BusinessCalendar = defaultCalendar,
): ConversationDeadlines {
  if (conversation.status === 'closed') return { customer: null, marketplace: null, replyDueAt: null };
  const customer = deadlineOf(conversation, 'customer', conversation.channel, calendar);
  const marketplace =
    conversation.source === 'americanas' && conversation.counterparts.includes('marketplace')
      ? deadlineOf(conversation, 'marketplace', 'americanas-sac', calendar)
      : null;
  const open = [customer, marketplace].filter((d): d is string => d !== null).sort();
  return { customer, marketplace, replyDueAt: open[0] ?? null };
}

function deadlineOf(
  conversation: Conversation,
  side: Counterpart,
  channel: ChannelId,
  calendar: BusinessCalendar,
): string | null {
  let waitingSince: string | null = null;
  for (const message of inWrittenOrder(conversation.messages)) {
    if (message.counterpart !== side) continue;
    if (message.author === 'seller') waitingSince = null;
    else if (waitingSince === null) waitingSince = message.createdAt;
  }
  const reported =
    side === 'customer' && conversation.reportedDueAt ? new Date(conversation.reportedDueAt) : undefined;
  if (waitingSince === null) return reported ? reported.toISOString() : null;
  return deadlineFor({
    channel,
    receivedAt: new Date(waitingSince),
    calendar,
    reportedDueAt: reported,
  }).dueAt.toISOString();
}
