import { isChannelId, type ChannelId, type CustomerIdentity } from '@vitrine/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema';
import type { SyncConversationsTable, SyncZendeskTicketsTable } from '../store/tables/sync';

/** What the store knows about one Zendesk ticket, from the sync engine's tables. */
export interface TicketRecords {
  /** The marketplace conversation behind the ticket, when Vitrine created it. */
  conversation?: Selectable<SyncConversationsTable>;
  /** The ticket as read from Zendesk's incremental export (WhatsApp, e-mail, Instagram…). */
  zendeskTicket?: Selectable<SyncZendeskTicketsTable>;
  /** The order an agent linked the ticket to by a manual lookup. */
  link?: { source: string; orderExternalId: string; kind: string; value: string };
}

export async function loadTicketRecords(
  db: Kysely<Database>,
  tenantId: string,
  ticketId: string,
): Promise<TicketRecords> {
  const [conversation, link] = await Promise.all([
    db
      .selectFrom('sync_conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst(),
    db
      .selectFrom('app_ticket_links')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst(),
  ]);
  // The export keeps only tickets Vitrine did not create: a conversation's ticket is never there.
  const zendeskTicket = conversation
    ? undefined
    : await db
        .selectFrom('sync_zendesk_tickets')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst();
  const records: TicketRecords = {};
  if (conversation) records.conversation = conversation;
  if (zendeskTicket) records.zendeskTicket = zendeskTicket;
  if (link) {
    records.link = {
      source: link.source,
      orderExternalId: link.order_external_id,
      kind: link.matched_kind,
      value: link.matched_value,
    };
  }
  return records;
}

export function channelOfRecords(records: TicketRecords): ChannelId | undefined {
  const channel = records.conversation?.channel ?? records.zendeskTicket?.channel;
  return channel && isChannelId(channel) ? channel : undefined;
}

/** The requester as the sync engine stored them, plus the words of the ticket (subject, description). */
export function requesterOf(
  ticket: Selectable<SyncZendeskTicketsTable>,
): Partial<CustomerIdentity> & { text?: string } {
  try {
    const value = JSON.parse(ticket.requester) as Record<string, unknown>;
    const out: Partial<CustomerIdentity> & { text?: string } = {};
    for (const key of ['name', 'email', 'phone', 'document', 'text'] as const) {
      if (typeof value[key] === 'string' && value[key]) out[key] = value[key];
    }
    return out;
  } catch {
    return {};
  }
}

export function customerOfConversation(
  conversation: Selectable<SyncConversationsTable>,
): Partial<CustomerIdentity> {
  try {
    return JSON.parse(conversation.customer) as Partial<CustomerIdentity>;
  } catch {
    return {};
  }
}
