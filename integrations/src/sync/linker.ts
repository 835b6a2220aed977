import {
  groupDuplicateContacts,
  type ContactInput,
  type CustomerIdentity,
  type DuplicateLink,
} from '@vitrine/shared';
import type { Kysely } from 'kysely';
import { advanceCheckpoint, getCheckpoint } from '../store/checkpoints';
import { upsertRawRecord } from '../store/raw-records';
import type { Database } from '../store/schema';
import { toStoredTime } from '../store/time';
import { TAGS } from '../zendesk/conventions';
import { duplicateNoteBody } from './agent-notes';
import type { ConnectorLogger } from './connector';
import { conversationChain, ticketChain, type PlannedEffect } from './effects';
import { enqueueEffects } from './outbox';
import { recordInboundEvent } from './inbound-events';
import type { ExportedTicket, ZendeskGateway } from './zendesk-gateway';

/** The incremental export of tickets that reach Zendesk through its own channels. */
export const ZENDESK_TICKETS_STREAM = 'zendesk.tickets';
/** First run: tickets updated in the last 30 days are enough to find open duplicates. */
const FIRST_EXPORT_DAYS = 30;
const CLOSED_TICKET = new Set(['solved', 'closed', 'deleted']);

/** Zendesk's `via.channel` → Vitrine's channel ids. */
function channelOf(via: string): string {
  if (via === 'whatsapp' || via === 'native_messaging' || via === 'sunshine_conversations_api')
    return 'whatsapp';
  if (via === 'instagram_dm' || via === 'instagram') return 'instagram';
  if (via === 'facebook' || via === 'facebook_messenger') return 'facebook';
  if (via === 'voice' || via === 'phone') return 'phone';
  return 'email';
}

/**
 * Reads the incremental ticket export from its checkpoint and keeps the tickets Vitrine did not
 * create (WhatsApp, e-mail, Instagram…) with their requester's identities, for the linker.
 */
export async function syncZendeskTickets(
  db: Kysely<Database>,
  tenantId: string,
  zendesk: ZendeskGateway,
  now: Date = new Date(),
): Promise<{ tickets: number }> {
  let cursor = (await getCheckpoint(db, tenantId, ZENDESK_TICKETS_STREAM))?.cursor ?? null;
  const start = new Date(now.getTime() - FIRST_EXPORT_DAYS * 86_400_000);
  let total = 0;
  for (let page = 0; page < 100; page++) {
    const result = await zendesk.exportTickets(cursor, start);
    await db.transaction().execute(async (trx) => {
      let changed = 0;
      for (const ticket of result.tickets) {
        if (ticket.externalId?.startsWith('vitrine:')) {
          await catchMissedWebhook(trx, tenantId, ticket);
          continue;
        }
        const upsert = await upsertRawRecord(trx, {
          tenantId,
          source: 'zendesk',
          stream: ZENDESK_TICKETS_STREAM,
          externalId: ticket.id,
          payload: ticket,
        });
        if (!upsert.changed) continue;
        changed++;
        const row = {
          channel: channelOf(ticket.channel),
          status: ticket.status,
          // Who wrote and what: the linker reads identifiers (order numbers, CPF) in the words too.
          requester: JSON.stringify({
            ...ticket.requester,
            text: [ticket.subject, ticket.description].filter(Boolean).join('\n'),
          }),
          subject: ticket.subject,
          external_id: ticket.externalId,
          updated_at: ticket.updatedAt,
        };
        await trx
          .insertInto('sync_zendesk_tickets')
          .values({ tenant_id: tenantId, ticket_id: ticket.id, ...row })
          .onConflict((oc) => oc.columns(['tenant_id', 'ticket_id']).doUpdateSet(row))
          .execute();
      }
      await advanceCheckpoint(trx, {
        tenantId,
        stream: ZENDESK_TICKETS_STREAM,
        cursor: result.cursor,
        records: changed,
        at: now,
      });
      total += changed;
    });
    cursor = result.cursor;
    if (result.endOfStream) break;
  }
  return { tickets: total };
}

/**
 * Zendesk may give up on a webhook (its receiver was down too long, a circuit breaker tripped).
 * The export shows every ticket that changed: one of ours that changed after our last write to it
 * was changed by someone else (an agent's reply, a solve), so it gets the check a webhook would
 * have triggered. Each change is looked at once (the export's copy is kept as a raw record), and
 * the event shares the webhook's dedupe key, so a webhook waiting for the same ticket is not doubled.
 */
async function catchMissedWebhook(
  trx: Kysely<Database>,
  tenantId: string,
  ticket: ExportedTicket,
): Promise<void> {
  const upsert = await upsertRawRecord(trx, {
    tenantId,
    source: 'zendesk',
    stream: ZENDESK_TICKETS_STREAM,
    externalId: ticket.id,
    payload: ticket,
  });
  if (!upsert.changed) return;
  const conversation = await trx
    .selectFrom('sync_conversations')
    .select(['source', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirst();
  if (!conversation) return;
  const lastWrite = await trx
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('tenant_id', '=', tenantId)
    .where('chain', '=', conversationChain(conversation.source, conversation.external_id))
    .where('status', '=', 'done')
    .executeTakeFirst();
  const changedAt = Date.parse(ticket.updatedAt);
  if (lastWrite?.at && changedAt <= Date.parse(lastWrite.at)) return;
  const event = ticket.status === 'solved' ? 'ticket.solved' : 'ticket.public_reply';
  await recordInboundEvent(trx, {
    tenantId,
    kind: `zendesk.${event}`,
    dedupeKey: `zendesk:${event}:${ticket.id}`,
    payload: { event, ticket_id: ticket.id, via: 'export' },
  });
  if (event === 'ticket.solved') {
    // A reply may have been posted together with the solve.
    await recordInboundEvent(trx, {
      tenantId,
      kind: 'zendesk.ticket.public_reply',
      dedupeKey: `zendesk:ticket.public_reply:${ticket.id}`,
      payload: { event: 'ticket.public_reply', ticket_id: ticket.id, via: 'export' },
    });
  }
}

interface TicketContact {
  contact: ContactInput;
  /** Our conversation's chain (its notes queue after its ticket's creation), or the ticket's own. */
  chain: string;
}

/**
 * Marks open tickets of the same customer or order: one tag and one internal note per ticket
 * listing the others and why ("mesmo pedido 7001234"). Never merges: a Zendesk merge cannot be
 * undone. Each pair is recorded once, so a ticket is noted again only when its group changes.
 */
export async function linkDuplicateTickets(
  db: Kysely<Database>,
  tenantId: string,
  log: ConnectorLogger,
  now: Date = new Date(),
): Promise<{ groups: number; notes: number }> {
  const contacts = await openTicketContacts(db, tenantId);
  const byId = new Map(contacts.map((c) => [c.contact.id, c]));
  const result = groupDuplicateContacts(contacts.map((c) => c.contact));
  const known = new Set(
    (
      await db
        .selectFrom('sync_duplicate_links')
        .select(['ticket_a', 'ticket_b'])
        .where('tenant_id', '=', tenantId)
        .execute()
    ).map((r) => `${r.ticket_a}|${r.ticket_b}`),
  );
  const effects: PlannedEffect[] = [];
  const newPairs: { a: string; b: string; reason: string }[] = [];
  for (const group of result.groups) {
    const links = result.links.filter((l) => group.includes(l.a));
    const pairs = group.flatMap((a, i) => group.slice(i + 1).map((b) => ({ a, b })));
    const fresh = pairs.filter(({ a, b }) => !known.has(`${a}|${b}`));
    if (fresh.length === 0) continue;
    for (const { a, b } of fresh) newPairs.push({ a, b, reason: reasonsBetween(a, b, links).join('; ') });
    for (const ticketId of group) {
      if (!fresh.some((p) => p.a === ticketId || p.b === ticketId)) continue;
      const others = group
        .filter((o) => o !== ticketId)
        .map((o) => ({ ticketId: o, reasons: reasonsBetween(ticketId, o, links) }));
      effects.push({
        idempotencyKey: `duplicate:${ticketId}:${group.join(',')}`,
        chain: byId.get(ticketId)!.chain,
        effect: {
          kind: 'add_comment',
          ticketId,
          comment: { body: duplicateNoteBody(others), public: false, byRequester: false },
          addTags: [TAGS.duplicate],
        },
      });
    }
  }
  if (effects.length === 0) return { groups: result.groups.length, notes: 0 };
  await db.transaction().execute(async (trx) => {
    for (const pair of newPairs) {
      await trx
        .insertInto('sync_duplicate_links')
        .values({
          tenant_id: tenantId,
          ticket_a: pair.a,
          ticket_b: pair.b,
          reason: pair.reason,
          created_at: toStoredTime(now),
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'ticket_a', 'ticket_b']).doNothing())
        .execute();
    }
    await enqueueEffects(trx, tenantId, effects, now);
  });
  log.info({ tenant: tenantId, tickets: effects.length }, 'duplicate contacts marked');
  return { groups: result.groups.length, notes: effects.length };
}

/** Why two tickets of a group belong together: their direct links, else what ties each to the group. */
function reasonsBetween(a: string, b: string, links: readonly DuplicateLink[]): string[] {
  const direct = links.filter((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  const chosen = direct.length > 0 ? direct : links.filter((l) => l.a === b || l.b === b);
  return [...new Set(chosen.map((l) => l.reason))];
}

async function openTicketContacts(db: Kysely<Database>, tenantId: string): Promise<TicketContact[]> {
  const conversations = await db
    .selectFrom('sync_conversations')
    .select(['source', 'external_id', 'channel', 'ticket_id', 'customer', 'order_number', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', 'is not', null)
    .where('status', '!=', 'closed')
    .execute();
  const native = await db
    .selectFrom('sync_zendesk_tickets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute();
  const out: TicketContact[] = conversations.map((c) => {
    const customer = JSON.parse(c.customer) as CustomerIdentity;
    return {
      chain: conversationChain(c.source, c.external_id),
      contact: {
        id: c.ticket_id!,
        channel: c.channel,
        ...(customer.email ? { email: customer.email } : {}),
        ...(customer.phone ? { phone: customer.phone } : {}),
        ...(customer.document ? { document: customer.document } : {}),
        ...(customer.name ? { name: customer.name } : {}),
        ...(c.order_number ? { orderNumbers: [c.order_number] } : {}),
      },
    };
  });
  for (const t of native) {
    if (CLOSED_TICKET.has(t.status)) continue;
    const requester = JSON.parse(t.requester) as {
      name?: string;
      email?: string;
      phone?: string;
      text?: string;
    };
    out.push({
      chain: ticketChain(t.ticket_id),
      contact: {
        id: t.ticket_id,
        channel: t.channel,
        ...(requester.email ? { email: requester.email } : {}),
        ...(requester.phone ? { phone: requester.phone } : {}),
        ...(requester.name ? { name: requester.name } : {}),
        // A WhatsApp or e-mail customer often writes the order number in the message.
        ...(requester.text ? { text: requester.text } : {}),
      },
    });
  }
  return out;
}
