import type { MarketplaceSource, Order } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import { acknowledgeQueuedOrder, nextQueuedOrder } from '../connectors/americanas';
import { madeiraMadeiraClient } from '../connectors/madeiramadeira/client';
import { orderIdOfRecord, readOrder } from '../connectors/mercadolivre/client';
import type { Database } from '../store/schema';
import type { ConnectorContext } from '../sync/connector';
import { americanasOrder } from './mapping/americanas';
import { asRaw, text } from './mapping/common';
import { madeiraMadeiraOrder } from './mapping/madeiramadeira';
import { mercadoLivreOrder } from './mapping/mercadolivre';
import { loadOrderByNumber, upsertOrder, type UpsertOutcome } from './order-store';

export interface OrderIngestTarget {
  tenantId: string;
  /** The tenant's marketplace connections, as the sync engine builds them (base URL, credentials). */
  sources: Partial<Record<MarketplaceSource, ConnectorContext>>;
}

export interface SourceIngestReport {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Payloads that are not a usable order (logged with their id). */
  skipped: number;
}

export type IngestReport = Partial<Record<MarketplaceSource, SourceIngestReport>>;

export interface IngestOptions {
  /** Most orders taken from Americanas' queue per run (each is acknowledged after it is saved). */
  maxQueuedOrders?: number;
  /** Most conversation records read per source per run. */
  maxRecords?: number;
}

/**
 * Brings the orders behind the tenant's conversations into the store, through the connectors:
 * - MadeiraMadeira: the order the connector joined to each session record (core API
 *   `/v1/pedido/id/{id}`), fetched again through the connector's client when the record lacks it;
 * - Mercado Livre: the order of each pack record; for a pack met only among unread packs, and for
 *   a claim, the order it names (`GET /orders/{id}`), read once;
 * - Americanas: SkyHub's order queue, acknowledging each order after it is saved (an order lost
 *   between the two comes back and the upsert absorbs it).
 * Idempotent: an unchanged order is not written again. Call it from the scheduler after the
 * conversation streams ran, or `vitrine` CLI; sandbox mode runs it at startup.
 */
export async function ingestOrders(
  db: Kysely<Database>,
  target: OrderIngestTarget,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const report: IngestReport = {};
  const { tenantId, sources } = target;
  const maxRecords = options.maxRecords ?? 10_000;

  const save = async (source: MarketplaceSource, order: Order | null, id: string) => {
    const counts = (report[source] ??= { read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0 });
    counts.read++;
    if (!order) {
      counts.skipped++;
      sources[source]?.log.warn({ id }, 'order payload without id, items or date: not stored');
      return;
    }
    const outcome: UpsertOutcome = await upsertOrder(db, tenantId, order);
    counts[outcome]++;
  };

  const mm = sources.madeiramadeira;
  for (const record of await rawPayloads(db, tenantId, 'madeiramadeira', maxRecords)) {
    let raw: unknown = record.order;
    const session = asRaw(record.session);
    if (!raw && mm) {
      const id = text(session.order_seller) ?? text(session.order);
      // The order API takes the seller's order id (`order_seller`), else the MadeiraMadeira number.
      if (id) raw = await madeiraMadeiraClient(mm).order(id, mm.signal);
    }
    if (raw) await save('madeiramadeira', madeiraMadeiraOrder(raw), text(session.session_id) ?? '?');
  }

  const ml = sources.mercadolivre;
  for (const record of await rawPayloads(db, tenantId, 'mercadolivre', maxRecords)) {
    if (record.order) {
      await save('mercadolivre', mercadoLivreOrder(record.order), text(record.pack_id) ?? '?');
      continue;
    }
    // A pack seen only among unread packs, or a claim: its order is read once, when not stored yet.
    const orderId = orderIdOfRecord(record);
    if (!ml || !orderId || (await loadOrderByNumber(db, tenantId, orderId, 'mercadolivre'))) continue;
    const raw = await readOrder(ml, orderId);
    if (raw) await save('mercadolivre', mercadoLivreOrder(raw), orderId);
  }

  const americanas = sources.americanas;
  if (americanas) {
    for (let n = 0; n < (options.maxQueuedOrders ?? 500); n++) {
      const next = await nextQueuedOrder(americanas);
      if (!next) break;
      await save('americanas', americanasOrder(next.raw), next.order.code);
      await acknowledgeQueuedOrder(americanas, next.order.code);
    }
  }
  return report;
}

async function rawPayloads(
  db: Kysely<Database>,
  tenantId: string,
  source: MarketplaceSource,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('raw_records')
    .select('payload')
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .limit(limit)
    .execute();
  return rows.map((r) => {
    try {
      return asRaw(JSON.parse(r.payload));
    } catch {
      return {};
    }
  });
}
