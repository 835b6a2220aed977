import { Order, type Shipment } from '@vitrine/shared';
import type { Kysely, Selectable } from 'kysely';
import { canonicalJson } from '../store/payload-hash';
import type { Database } from '../store/schema';
import type { AppOrderNumbersTable, AppOrdersTable, AppShipmentsTable } from '../store/tables/app';
import { toStoredTime } from '../store/time';
import { customerKeysOf, normalizeOrderKey, type CustomerKeyKind, type CustomerKeys } from './customer-keys';

/** Where a stored order lives: its source and its id there. */
export interface OrderRef {
  source: string;
  externalId: string;
}

/** What `upsertOrder` accepts: an `Order` before its defaults are applied. */
export type OrderInput = (typeof Order)['_zod']['input'];

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Saves an order and its shipments; idempotent: the same order saved twice is one row, and a newer
 * version replaces the older one (numbers and shipments are rewritten with it, in one transaction).
 * An order whose source `updatedAt` is older than the stored one is ignored (a late page).
 */
export async function upsertOrder(
  db: Kysely<Database>,
  tenantId: string,
  input: OrderInput,
): Promise<UpsertOutcome> {
  const order = Order.parse(input);
  const rows = orderRows(tenantId, order);
  const row = rows.order;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('app_orders')
      .select(['source_updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('source', '=', order.source)
      .where('external_id', '=', order.externalId)
      .executeTakeFirst();
    if (existing && existing.source_updated_at > row.source_updated_at) return 'unchanged';
    if (existing && existing.source_updated_at === row.source_updated_at) {
      // Same version: nothing to write unless the content differs (a re-ingested page).
      const current = await loadOrder(trx, tenantId, { source: order.source, externalId: order.externalId });
      if (current && canonicalJson(current) === canonicalJson(order)) return 'unchanged';
    }
    const { tenant_id: _t, source: _s, external_id: _e, ...changes } = row;
    await trx
      .insertInto('app_orders')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'source', 'external_id']).doUpdateSet(changes))
      .execute();
    // Numbers and shipments are rewritten whole: an alias or a shipment can disappear at the source.
    for (const table of ['app_order_numbers', 'app_shipments'] as const) {
      await trx
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where('source', '=', order.source)
        .where('order_external_id', '=', order.externalId)
        .execute();
    }
    await trx.insertInto('app_order_numbers').values(rows.numbers).execute();
    if (rows.shipments.length > 0) await trx.insertInto('app_shipments').values(rows.shipments).execute();
    return existing ? 'updated' : 'inserted';
  });
}

export async function loadOrder(
  db: Kysely<Database>,
  tenantId: string,
  ref: OrderRef,
): Promise<Order | undefined> {
  const [row, shipments] = await Promise.all([
    db
      .selectFrom('app_orders')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('source', '=', ref.source)
      .where('external_id', '=', ref.externalId)
      .executeTakeFirst(),
    loadShipments(db, tenantId, ref),
  ]);
  return row && orderOf(row, shipments);
}

/**
 * Orders known by this number (main number or alias), any source. `hint` (a source or channel) only
 * guides how the number is read: "02-1000000004" is a MadeiraMadeira order as is, while without a
 * hint the "02-" reads as an Americanas channel prefix; both readings are tried.
 */
export async function findOrdersByNumber(
  db: Kysely<Database>,
  tenantId: string,
  number: string,
  hint?: string,
): Promise<OrderRef[]> {
  const keys = orderNumberKeys(number, hint);
  const rows = await db
    .selectFrom('app_order_numbers')
    .select(['source', 'order_external_id'])
    .where('tenant_id', '=', tenantId)
    .where('number', 'in', keys)
    .limit(20)
    .execute();
  const seen = new Set<string>();
  const refs: OrderRef[] = [];
  for (const r of rows) {
    const id = `${r.source}|${r.order_external_id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    refs.push({ source: r.source, externalId: r.order_external_id });
  }
  return refs;
}

/**
 * The order known by this number, in one indexed join (the context's hot path); an order of
 * `preferSource` wins when several sources use the same number.
 */
export async function loadOrderByNumber(
  db: Kysely<Database>,
  tenantId: string,
  number: string,
  preferSource?: string,
): Promise<Order | undefined> {
  // The source's own reading first (what its orders are indexed under): one statement, one order,
  // in the common case; the other readings only when it finds nothing.
  const keys = orderNumberKeys(number, preferSource);
  const preferred = preferSource ? [normalizeOrderKey(number, preferSource)] : keys;
  const found = await orderWithShipments(db, tenantId, preferred, preferSource);
  if (found || preferred.length === keys.length) return found;
  return orderWithShipments(db, tenantId, keys, preferSource);
}

async function orderWithShipments(
  db: Kysely<Database>,
  tenantId: string,
  numberKeys: string[],
  preferSource: string | undefined,
): Promise<Order | undefined> {
  // Order and shipments in one statement (one row per shipment): this runs on every ticket open.
  const rows = await db
    .selectFrom('app_order_numbers as n')
    .innerJoin('app_orders as o', (join) =>
      join
        .onRef('o.tenant_id', '=', 'n.tenant_id')
        .onRef('o.source', '=', 'n.source')
        .onRef('o.external_id', '=', 'n.order_external_id'),
    )
    .leftJoin('app_shipments as s', (join) =>
      join
        .onRef('s.tenant_id', '=', 'o.tenant_id')
        .onRef('s.source', '=', 'o.source')
        .onRef('s.order_external_id', '=', 'o.external_id'),
    )
    .selectAll('o')
    .select([
      's.position as s_position',
      's.carrier as s_carrier',
      's.carrier_name as s_carrier_name',
      's.tracking_code as s_tracking_code',
      's.tracking_url as s_tracking_url',
      's.status as s_status',
      's.items as s_items',
      's.posted_at as s_posted_at',
      's.estimated_delivery_date as s_estimated_delivery_date',
      's.delivered_at as s_delivered_at',
      's.events as s_events',
      's.last_checked_at as s_last_checked_at',
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.number', 'in', numberKeys)
    .limit(50)
    .execute();
  const first = rows.find((r) => r.source === preferSource) ?? rows[0];
  if (!first) return undefined;
  const mine = rows.filter((r) => r.source === first.source && r.external_id === first.external_id);
  const shipments: Selectable<AppShipmentsTable>[] = [];
  for (const r of mine) {
    if (r.s_position === null || r.s_carrier === null || r.s_status === null) continue;
    shipments.push({
      tenant_id: tenantId,
      source: first.source,
      order_external_id: first.external_id,
      position: Number(r.s_position),
      carrier: r.s_carrier,
      carrier_name: r.s_carrier_name,
      tracking_code: r.s_tracking_code,
      tracking_url: r.s_tracking_url,
      status: r.s_status,
      items: r.s_items ?? '[]',
      posted_at: r.s_posted_at,
      estimated_delivery_date: r.s_estimated_delivery_date,
      delivered_at: r.s_delivered_at,
      events: r.s_events ?? '[]',
      last_checked_at: r.s_last_checked_at,
    });
  }
  shipments.sort((x, y) => x.position - y.position);
  return orderOf(first, shipments);
}

/** The forms a number is indexed and searched under: read with and without the source's rules. */
export function orderNumberKeys(number: string, hint?: string): string[] {
  const keys = new Set([normalizeOrderKey(number)]);
  if (hint) keys.add(normalizeOrderKey(number, hint));
  return [...keys];
}

/** The customer's orders by one normalized key, newest first. */
export async function findOrdersByCustomerKey(
  db: Kysely<Database>,
  tenantId: string,
  kind: CustomerKeyKind,
  value: string,
  limit = 20,
): Promise<OrderRef[]> {
  const column = `customer_${kind}` as const;
  const rows = await db
    .selectFrom('app_orders')
    .select(['source', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where(column, '=', value)
    .orderBy('placed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ source: r.source, externalId: r.external_id }));
}

/** The newest order of a customer, trying the keys in precedence order (document, phone, e-mail). */
export async function findLatestOrderOfCustomer(
  db: Kysely<Database>,
  tenantId: string,
  keys: CustomerKeys,
): Promise<{ ref: OrderRef; kind: CustomerKeyKind; value: string } | undefined> {
  for (const kind of ['document', 'phone', 'email'] as const) {
    const value = keys[kind];
    if (!value) continue;
    const [ref] = await findOrdersByCustomerKey(db, tenantId, kind, value, 1);
    if (ref) return { ref, kind, value };
  }
  return undefined;
}

async function loadShipments(
  db: Kysely<Database>,
  tenantId: string,
  ref: OrderRef,
): Promise<Selectable<AppShipmentsTable>[]> {
  return db
    .selectFrom('app_shipments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('source', '=', ref.source)
    .where('order_external_id', '=', ref.externalId)
    .orderBy('position')
    .execute();
}

/** The rows an order is stored as (used by `upsertOrder` and by bulk seeding). */
export function orderRows(
  tenantId: string,
  order: Order,
): { order: AppOrdersTable; numbers: AppOrderNumbersTable[]; shipments: AppShipmentsTable[] } {
  const ref = { tenant_id: tenantId, source: order.source, order_external_id: order.externalId };
  const numbers = [
    ...new Set([order.number, ...order.aliases].flatMap((n) => orderNumberKeys(n, order.source))),
  ];
  return {
    order: orderRow(tenantId, order, customerKeysOf(order.customer)),
    numbers: numbers.map((number) => ({ ...ref, number })),
    shipments: order.shipments.map((shipment, position) => shipmentRow(ref, position, shipment)),
  };
}

function orderRow(tenantId: string, order: Order, keys: CustomerKeys): AppOrdersTable {
  return {
    tenant_id: tenantId,
    source: order.source,
    external_id: order.externalId,
    number: order.number,
    status: order.status,
    source_status: order.sourceStatus ?? null,
    customer_document: keys.document ?? null,
    customer_phone: keys.phone ?? null,
    customer_email: keys.email ?? null,
    customer: JSON.stringify(order.customer),
    items: JSON.stringify(order.items),
    items_total_cents: order.itemsTotalCents,
    shipping_cents: order.shippingCents,
    discount_cents: order.discountCents,
    total_cents: order.totalCents,
    placed_at: order.placedAt,
    approved_at: order.approvedAt ?? null,
    invoiced_at: order.invoicedAt ?? null,
    shipped_at: order.shippedAt ?? null,
    delivered_at: order.deliveredAt ?? null,
    canceled_at: order.canceledAt ?? null,
    estimated_delivery_date: order.estimatedDeliveryDate ?? null,
    revised_delivery_date: order.revisedDeliveryDate ?? null,
    invoices: JSON.stringify(order.invoices),
    shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
    aliases: JSON.stringify(order.aliases),
    source_updated_at: order.updatedAt,
    ingested_at: toStoredTime(),
  };
}

function shipmentRow(
  ref: { tenant_id: string; source: string; order_external_id: string },
  position: number,
  shipment: Shipment,
): AppShipmentsTable {
  return {
    ...ref,
    position,
    carrier: shipment.carrier,
    carrier_name: shipment.carrierName ?? null,
    tracking_code: shipment.trackingCode ?? null,
    tracking_url: shipment.trackingUrl ?? null,
    status: shipment.status,
    items: JSON.stringify(shipment.items),
    posted_at: shipment.postedAt ?? null,
    estimated_delivery_date: shipment.estimatedDeliveryDate ?? null,
    delivered_at: shipment.deliveredAt ?? null,
    events: JSON.stringify(shipment.events),
    last_checked_at: shipment.lastCheckedAt ?? null,
  };
}

/**
 * The normalized customer keys an order was indexed under, for orders read from the store: reading
 * them back is cheaper than normalizing the phone and e-mail again on every context request.
 */
const storedKeys = new WeakMap<Order, CustomerKeys>();

export function storedCustomerKeys(order: Order): CustomerKeys {
  return storedKeys.get(order) ?? customerKeysOf(order.customer);
}

/** Rows back into the shared `Order` (plain data; the schema was checked when it was saved). */
export function orderOf(row: Selectable<AppOrdersTable>, shipments: Selectable<AppShipmentsTable>[]): Order {
  const order: Order = {
    source: row.source as Order['source'],
    externalId: row.external_id,
    number: row.number,
    aliases: JSON.parse(row.aliases) as string[],
    status: row.status as Order['status'],
    customer: JSON.parse(row.customer) as Order['customer'],
    items: JSON.parse(row.items) as Order['items'],
    currency: 'BRL',
    itemsTotalCents: Number(row.items_total_cents),
    shippingCents: Number(row.shipping_cents),
    discountCents: Number(row.discount_cents),
    totalCents: Number(row.total_cents),
    placedAt: row.placed_at,
    invoices: JSON.parse(row.invoices) as Order['invoices'],
    shipments: shipments.map(shipmentOf),
    updatedAt: row.source_updated_at,
  };
  if (row.source_status !== null) order.sourceStatus = row.source_status;
  if (row.shipping_address !== null)
    order.shippingAddress = JSON.parse(row.shipping_address) as Order['shippingAddress'];
  if (row.approved_at !== null) order.approvedAt = row.approved_at;
  if (row.invoiced_at !== null) order.invoicedAt = row.invoiced_at;
  if (row.shipped_at !== null) order.shippedAt = row.shipped_at;
  if (row.delivered_at !== null) order.deliveredAt = row.delivered_at;
  if (row.canceled_at !== null) order.canceledAt = row.canceled_at;
  if (row.estimated_delivery_date !== null) order.estimatedDeliveryDate = row.estimated_delivery_date;
  if (row.revised_delivery_date !== null) order.revisedDeliveryDate = row.revised_delivery_date;
  const keys: CustomerKeys = {};
  if (row.customer_document !== null) keys.document = row.customer_document;
  if (row.customer_phone !== null) keys.phone = row.customer_phone;
  if (row.customer_email !== null) keys.email = row.customer_email;
  storedKeys.set(order, keys);
  return order;
}

function shipmentOf(row: Selectable<AppShipmentsTable>): Shipment {
  const shipment: Shipment = {
    carrier: row.carrier as Shipment['carrier'],
    status: row.status as Shipment['status'],
    items: JSON.parse(row.items) as Shipment['items'],
    events: JSON.parse(row.events) as Shipment['events'],
  };
  if (row.carrier_name !== null) shipment.carrierName = row.carrier_name;
  if (row.tracking_code !== null) shipment.trackingCode = row.tracking_code;
  if (row.tracking_url !== null) shipment.trackingUrl = row.tracking_url;
  if (row.posted_at !== null) shipment.postedAt = row.posted_at;
  if (row.estimated_delivery_date !== null) shipment.estimatedDeliveryDate = row.estimated_delivery_date;
  if (row.delivered_at !== null) shipment.deliveredAt = row.delivered_at;
  if (row.last_checked_at !== null) shipment.lastCheckedAt = row.last_checked_at;
  return shipment;
}
