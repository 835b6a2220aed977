import { isChannelId, type ChannelId, type CustomerIdentity } from '@vitrine/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema';
import type { SyncConversationsTable, SyncZendeskTicketsTable } from '../store/tables/sync';

/** The columns of a ticket's conversation the context reads. */
export type TicketConversation = Pick<
  Selectable<SyncConversationsTable>,
  | 'source'
  | 'external_id'
  | 'channel'
  | 'order_number'
  | 'subject'
  | 'status'
  | 'customer'
  | 'reported_due_at'
  | 'created_at'
  | 'updated_at'
>;

export type TicketZendeskRow = Pick<
  Selectable<SyncZendeskTicketsTable>,
  'channel' | 'status' | 'requester' | 'subject' | 'updated_at'
>;

/** What the store knows about one Zendesk ticket, from the sync engine's tables. */
export interface TicketRecords {
  /** The marketplace conversation behind the ticket, when Vitrine created it. */
  conversation?: TicketConversation;
  /** The ticket as read from Zendesk's incremental export (WhatsApp, e-mail, Instagram…). */
  zendeskTicket?: TicketZendeskRow;
  /** The order an agent linked the ticket to by a manual lookup. */
  link?: { source: string; orderExternalId: string; kind: string; value: string };
}

/**
 * The ticket's conversation, export row and manual link in one statement: the tenant's row (a
 * primary-key hit) left-joined to each, by ticket id. This runs on every ticket open.
 */
export async function loadTicketRecords(
  db: Kysely<Database>,
  tenantId: string,
  ticketId: string,
): Promise<TicketRecords> {
  const row = await db
    .selectFrom('tenants as t')
    .leftJoin('sync_conversations as c', (join) =>
      join.onRef('c.tenant_id', '=', 't.id').on('c.ticket_id', '=', ticketId),
    )
    .leftJoin('sync_zendesk_tickets as z', (join) =>
      join.onRef('z.tenant_id', '=', 't.id').on('z.ticket_id', '=', ticketId),
    )
    .leftJoin('app_ticket_links as l', (join) =>
      join.onRef('l.tenant_id', '=', 't.id').on('l.ticket_id', '=', ticketId),
    )
    .select([
      'c.source as c_source',
      'c.external_id as c_external_id',
      'c.channel as c_channel',
      'c.order_number as c_order_number',
      'c.subject as c_subject',
      'c.status as c_status',
      'c.customer as c_customer',
      'c.reported_due_at as c_reported_due_at',
      'c.created_at as c_created_at',
      'c.updated_at as c_updated_at',
      'z.channel as z_channel',
      'z.status as z_status',
      'z.requester as z_requester',
      'z.subject as z_subject',
      'z.updated_at as z_updated_at',
      'l.source as l_source',
      'l.order_external_id as l_order_external_id',
      'l.matched_kind as l_matched_kind',
      'l.matched_value as l_matched_value',
    ])
    .where('t.id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  const records: TicketRecords = {};
  if (!row) return records;
  if (row.c_source !== null && row.c_external_id !== null) {
    records.conversation = {
      source: row.c_source,
      external_id: row.c_external_id,
      channel: row.c_channel!,
      order_number: row.c_order_number,
      subject: row.c_subject,
      status: row.c_status!,
      customer: row.c_customer!,
      reported_due_at: row.c_reported_due_at,
      created_at: row.c_created_at!,
      updated_at: row.c_updated_at!,
    };
  }
  if (row.z_channel !== null && row.z_status !== null) {
    records.zendeskTicket = {
      channel: row.z_channel,
      status: row.z_status,
      requester: row.z_requester!,
      subject: row.z_subject,
      updated_at: row.z_updated_at!,
    };
  }
  if (row.l_source !== null && row.l_order_external_id !== null) {
    records.link = {
      source: row.l_source,
      orderExternalId: row.l_order_external_id,
      kind: row.l_matched_kind!,
      value: row.l_matched_value!,
    };
  }
  return records;
}

export function channelOfRecords(records: TicketRecords): ChannelId | undefined {
  const channel = records.conversation?.channel ?? records.zendeskTicket?.channel;
  return channel && isChannelId(channel) ? channel : undefined;
}

/** The requester as the sync engine stored them, plus the words of the ticket (subject, description). */
export function requesterOf(ticket: TicketZendeskRow): Partial<CustomerIdentity> & { text?: string } {
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

export function customerOfConversation(conversation: TicketConversation): Partial<CustomerIdentity> {
  try {
    return JSON.parse(conversation.customer) as Partial<CustomerIdentity>;
  } catch {
    return {};
  }
}
