import { isChannelId, type OtherContact, type ZendeskTicketStatus } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { parseLinkReasons } from './link-reasons';

/** A Vitrine conversation's status as the Zendesk status category its ticket is in. */
const TICKET_STATUS_OF_CONVERSATION: Record<string, ZendeskTicketStatus> = {
  open: 'open',
  awaiting_customer: 'pending',
  mediation: 'hold',
  closed: 'solved',
};

const ZENDESK_STATUSES = new Set<string>(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

/**
 * The other tickets of the same customer or order, from the linker's duplicate pairs, with their
 * channel, status, age and why they match; newest first.
 */
export async function loadOtherContacts(
  db: Kysely<Database>,
  tenantId: string,
  ticketId: string,
): Promise<OtherContact[]> {
  // Each pair is stored once, either way round: two indexed lookups in one statement (an OR
  // across the two columns would scan the tenant's links on SQLite).
  const pairs = await db
    .selectFrom('sync_duplicate_links')
    .select(['ticket_a', 'ticket_b', 'reason'])
    .where('tenant_id', '=', tenantId)
    .where('ticket_a', '=', ticketId)
    .unionAll(
      db
        .selectFrom('sync_duplicate_links')
        .select(['ticket_a', 'ticket_b', 'reason'])
        .where('tenant_id', '=', tenantId)
        .where('ticket_b', '=', ticketId),
    )
    .execute();
  const links = pairs
    .map((p) => ({ other: p.ticket_a === ticketId ? p.ticket_b : p.ticket_a, reason: p.reason }))
    .filter((l) => l.other !== ticketId);
  if (links.length === 0) return [];
  const ids = [...new Set(links.map((l) => l.other))];
  const [conversations, tickets] = await Promise.all([
    db
      .selectFrom('sync_conversations')
      .select(['ticket_id', 'channel', 'status', 'subject', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('ticket_id', 'in', ids)
      .execute(),
    db
      .selectFrom('sync_zendesk_tickets')
      .select(['ticket_id', 'channel', 'status', 'subject', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('ticket_id', 'in', ids)
      .execute(),
  ]);

  const contacts: OtherContact[] = [];
  for (const id of ids) {
    const ticketId = Number(id);
    if (!Number.isSafeInteger(ticketId) || ticketId <= 0) continue;
    const reasons = parseLinkReasons(
      links
        .filter((l) => l.other === id)
        .map((l) => l.reason)
        .join('; '),
    );
    if (reasons.length === 0) continue;
    const conversation = conversations.find((c) => c.ticket_id === id);
    const ticket = tickets.find((t) => t.ticket_id === id);
    const channel = conversation?.channel ?? ticket?.channel;
    if (!channel || !isChannelId(channel)) continue;
    const status: ZendeskTicketStatus | undefined =
      ticket && ZENDESK_STATUSES.has(ticket.status)
        ? (ticket.status as ZendeskTicketStatus)
        : conversation
          ? TICKET_STATUS_OF_CONVERSATION[conversation.status]
          : undefined;
    // The export does not keep a creation time: the last update is the closest age we know.
    const createdAt = conversation?.created_at ?? ticket?.updated_at;
    if (!status || !createdAt) continue;
    const contact: OtherContact = { ticketId, channel, status, createdAt, reasons };
    const subject = conversation?.subject ?? ticket?.subject;
    if (subject) contact.subject = subject;
    contacts.push(contact);
  }
  return contacts.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
