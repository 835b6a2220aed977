import {
  createBusinessCalendar,
  displayValue,
  extractIdentifiers,
  type BusinessCalendar,
  MARKETPLACE_SOURCES,
  type ContactMatchReason,
  type MarketplaceSource,
  type Order,
  type PendingOrder,
  type TicketContext,
} from '@vitrine/shared';
import type { Kysely } from 'kysely';
import { listCsatRatings } from '../orders/csat-ratings';
import { listCustomerNotes } from '../orders/customer-notes';
import {
  customerKeyStrings,
  customerKeysOf,
  mergeCustomerKeys,
  type CustomerKeys,
} from '../orders/customer-keys';
import {
  findLatestOrderOfCustomer,
  loadOrder,
  loadOrderByNumber,
  storedCustomerKeys,
} from '../orders/order-store';
import type { Database } from '../store/schema';
import { conversationDeadline } from './deadline';
import { withTrackingLinks } from './shipment-view';
import { loadOtherContacts } from './other-contacts';
import {
  channelOfRecords,
  customerOfConversation,
  loadTicketRecords,
  requesterOf,
  type TicketRecords,
} from './ticket-records';

export interface ContextDeps {
  db: Kysely<Database>;
  /** The tenant's business calendar (holidays of its state); the national one by default. */
  calendar?: BusinessCalendar;
  now?: () => Date;
  /**
   * Told (never awaited) when the ticket names an order the store does not hold yet, so ingestion
   * can bring it now instead of at its next scheduled run.
   */
  onOrderMissing?: (tenantId: string, order: PendingOrder) => void;
}

const defaultCalendar = createBusinessCalendar();

/**
 * Everything Vitrine knows about one ticket, as the sidebar shows it. The order is found, in order
 * of confidence: the agent's manual link; the marketplace conversation's order number; an order
 * number the customer wrote in the ticket; the requester's CPF/CNPJ, phone or e-mail (their newest
 * order). No match is an answer (`match: 'none'`), not an error.
 *
 * When the ticket names an order (link, conversation, written number) that is not synced yet, the
 * context says so (`pendingOrder`) and does not fall back to the customer's identity for the order:
 * their newest order may be another purchase, on another marketplace, and an agent would answer
 * about it. Identity still feeds other contacts, CSAT and notes, which belong to the customer.
 */
export async function buildTicketContext(
  deps: ContextDeps,
  tenantId: string,
  ticketId: number,
): Promise<TicketContext> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const calendar = deps.calendar ?? defaultCalendar;
  const ticketKey = String(ticketId);

  const records = await loadTicketRecords(db, tenantId, ticketKey);
  const channel = channelOfRecords(records);
  const [{ found, pending }, otherContacts, deadline, lastSyncedAt] = await Promise.all([
    findTicketOrder(db, tenantId, records).then((result) => {
      if (result.pending) deps.onOrderMissing?.(tenantId, result.pending);
      return result;
    }),
    loadOtherContacts(db, tenantId, ticketKey),
    records.conversation && channel
      ? conversationDeadline(db, tenantId, records.conversation, channel, calendar, now)
      : undefined,
    lastSyncOf(db, tenantId, records, now),
  ]);

  const keys = mergeCustomerKeys(
    found ? storedCustomerKeys(found.order) : {},
    records.conversation ? customerKeysOf(customerOfConversation(records.conversation)) : {},
    records.zendeskTicket ? customerKeysOf(requesterOf(records.zendeskTicket)) : {},
  );
  const customerKeys = customerKeyStrings(keys);
  const [csat, notes] = await Promise.all([
    listCsatRatings(db, tenantId, {
      ticketIds: [ticketKey, ...otherContacts.map((c) => String(c.ticketId))],
      customerKeys,
    }),
    listCustomerNotes(db, tenantId, customerKeys),
  ]);

  const matched = Boolean(found || pending || records.conversation || otherContacts.length > 0);
  const context: TicketContext = {
    ticketId,
    match: matched ? 'matched' : 'none',
    otherContacts,
    csat,
    notes,
    lastSyncedAt,
  };
  if (channel) context.channel = channel;
  if (found) {
    context.order = withTrackingLinks(found.order);
    context.matchedBy = found.matchedBy;
  } else if (pending) {
    context.pendingOrder = pending;
    context.matchedBy = { kind: 'order', value: pending.number };
  }
  if (deadline) context.deadline = deadline;
  return context;
}

/** The customer keys of a ticket's context: where a note added on that ticket is filed. */
export async function ticketCustomerKeys(
  db: Kysely<Database>,
  tenantId: string,
  ticketId: number,
): Promise<CustomerKeys> {
  const records = await loadTicketRecords(db, tenantId, String(ticketId));
  const { found } = await findTicketOrder(db, tenantId, records);
  return mergeCustomerKeys(
    found ? storedCustomerKeys(found.order) : {},
    records.conversation ? customerKeysOf(customerOfConversation(records.conversation)) : {},
    records.zendeskTicket ? customerKeysOf(requesterOf(records.zendeskTicket)) : {},
  );
}

interface FoundOrder {
  order: Order;
  matchedBy: ContactMatchReason;
}

/** The ticket's order when stored; else the order it names but is not stored yet; else neither. */
interface TicketOrder {
  found?: FoundOrder;
  pending?: PendingOrder;
}

async function findTicketOrder(
  db: Kysely<Database>,
  tenantId: string,
  records: TicketRecords,
): Promise<TicketOrder> {
  if (records.link) {
    const { link } = records;
    const order = await loadOrder(db, tenantId, { source: link.source, externalId: link.orderExternalId });
    if (order) return { found: { order, matchedBy: reasonOf(link.kind, link.value) } };
    // The agent chose this order: nothing else stands in for it.
    return {
      pending: pendingOrder(link.kind === 'order' ? link.value : link.orderExternalId, link.source),
    };
  }

  const conversation = records.conversation;
  if (conversation?.order_number) {
    const order = await loadOrderByNumber(db, tenantId, conversation.order_number, conversation.source);
    if (order) return { found: { order, matchedBy: { kind: 'order', value: order.number } } };
    // The conversation is about this order; ingestion brings it shortly after the conversation.
    return { pending: pendingOrder(conversation.order_number, conversation.source) };
  }

  const requester = records.zendeskTicket ? requesterOf(records.zendeskTicket) : {};
  if (requester.text) {
    // "Meu pedido 7001234 não chegou": the number the customer wrote is better than any identity.
    const written = extractIdentifiers(requester.text).orderNumbers.slice(0, 3);
    for (const number of written) {
      const order = await loadOrderByNumber(db, tenantId, number);
      if (order) return { found: { order, matchedBy: { kind: 'order', value: order.number } } };
    }
    if (written[0]) return { pending: pendingOrder(written[0]) };
  }

  const keys = mergeCustomerKeys(
    conversation ? customerKeysOf(customerOfConversation(conversation)) : {},
    customerKeysOf(requester),
    requester.text ? keysInText(requester.text) : {},
  );
  const byCustomer = await findLatestOrderOfCustomer(db, tenantId, keys);
  if (!byCustomer) return {};
  const order = await loadOrder(db, tenantId, byCustomer.ref);
  return order ? { found: { order, matchedBy: reasonOf(byCustomer.kind, byCustomer.value) } } : {};
}

function pendingOrder(number: string, source?: string): PendingOrder {
  const marketplace = MARKETPLACE_SOURCES.find((s): s is MarketplaceSource => s === source);
  return marketplace ? { number, source: marketplace } : { number };
}

function keysInText(text: string): CustomerKeys {
  const found = extractIdentifiers(text);
  const keys: CustomerKeys = {};
  if (found.documents[0]) keys.document = found.documents[0];
  return keys;
}

/** A match reason as agents read it: masked document, spaced phone. */
export function reasonOf(kind: string, value: string): ContactMatchReason {
  if (kind === 'document' || kind === 'phone' || kind === 'email') {
    return { kind, value: displayValue(kind, value) };
  }
  return { kind: 'order', value };
}

/**
 * Checkpoints move every poll interval (a minute or more): a few seconds of caching spares the hot
 * path a query without making "last synced at" noticeably older.
 */
const LAST_SYNC_CACHE_MS = 5_000;
const lastSyncCache = new Map<string, { until: number; at: Promise<string | null> }>();

async function lastSyncOf(
  db: Kysely<Database>,
  tenantId: string,
  records: TicketRecords,
  now: Date,
): Promise<string> {
  const source = records.conversation?.source;
  const key = `${tenantId}|${source ?? ''}`;
  let entry = lastSyncCache.get(key);
  if (!entry || entry.until < Date.now()) {
    entry = { until: Date.now() + LAST_SYNC_CACHE_MS, at: latestCheckpoint(db, tenantId, source) };
    lastSyncCache.set(key, entry);
    entry.at.catch(() => lastSyncCache.delete(key));
  }
  return (await entry.at) ?? records.conversation?.updated_at ?? now.toISOString();
}

async function latestCheckpoint(
  db: Kysely<Database>,
  tenantId: string,
  source: string | undefined,
): Promise<string | null> {
  let query = db
    .selectFrom('stream_checkpoints')
    .select((eb) => eb.fn.max('last_synced_at').as('at'))
    .where('tenant_id', '=', tenantId);
  if (source) query = query.where('stream', 'like', `${source}.%`);
  const row = await query.executeTakeFirst();
  return row?.at ?? null;
}
