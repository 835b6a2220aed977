import type { Order, TicketLookupRequest } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import {
  normalizeCustomerEmail,
  normalizeCustomerPhone,
  normalizeDocument,
  type CustomerKeyKind,
} from '../orders/customer-keys';
import { findOrdersByCustomerKey, findOrdersByNumber, loadOrder, type OrderRef } from '../orders/order-store';
import type { Database } from '../store/schema';
import { toStoredTime } from '../store/time';
import { withTrackingLinks } from './shipment-view';

export type LookupKind = TicketLookupRequest['kind'];

/** A search value that cannot be what it claims (a CPF with a wrong check digit…); pt-BR first. */
export class LookupValueError extends Error {
  constructor(readonly kind: LookupKind) {
    super(INVALID[kind]);
    this.name = 'LookupValueError';
  }
}

const INVALID: Record<LookupKind, string> = {
  order: 'Informe o número do pedido. / Enter the order number.',
  document: 'CPF ou CNPJ inválido: confira os dígitos. / Invalid CPF or CNPJ: check the digits.',
  phone: 'Telefone inválido: informe DDD e número. / Invalid phone: enter the area code and number.',
  email: 'E-mail inválido. / Invalid e-mail address.',
};

export interface LookupResult {
  kind: LookupKind;
  /** The normalized value searched for. */
  value: string;
  refs: OrderRef[];
}

/**
 * Orders by what an agent typed: an order number (or pack, SAC code, pedido_mm), a CPF/CNPJ, a phone
 * or an e-mail, in any common format ("529.982.247-25", "(41) 99876-5432", "+55 41 9 9876 5432").
 * Newest first.
 */
export async function findOrdersBy(
  db: Kysely<Database>,
  tenantId: string,
  query: TicketLookupRequest,
  limit = 10,
): Promise<LookupResult> {
  if (query.kind === 'order') {
    const value = query.value.trim();
    if (!value) throw new LookupValueError('order');
    return { kind: 'order', value, refs: (await findOrdersByNumber(db, tenantId, value)).slice(0, limit) };
  }
  const normalize = {
    document: normalizeDocument,
    phone: normalizeCustomerPhone,
    email: normalizeCustomerEmail,
  }[query.kind];
  const value = normalize(query.value);
  if (!value) throw new LookupValueError(query.kind);
  const refs = await findOrdersByCustomerKey(db, tenantId, query.kind as CustomerKeyKind, value, limit);
  return { kind: query.kind, value, refs };
}

export async function loadOrders(db: Kysely<Database>, tenantId: string, refs: OrderRef[]): Promise<Order[]> {
  const orders = await Promise.all(refs.map((ref) => loadOrder(db, tenantId, ref)));
  return orders.filter((o): o is Order => o !== undefined).map(withTrackingLinks);
}

/** Remembers the agent's choice: the ticket's context shows this order from now on. */
export async function linkTicketToOrder(
  db: Kysely<Database>,
  tenantId: string,
  ticketId: number,
  ref: OrderRef,
  matched: { kind: LookupKind; value: string },
  now: Date = new Date(),
): Promise<void> {
  const row = {
    source: ref.source,
    order_external_id: ref.externalId,
    matched_kind: matched.kind,
    matched_value: matched.value,
    created_at: toStoredTime(now),
  };
  await db
    .insertInto('app_ticket_links')
    .values({ tenant_id: tenantId, ticket_id: String(ticketId), ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'ticket_id']).doUpdateSet(row))
    .execute();
}
