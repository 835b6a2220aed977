import { TicketContext, type CsatRating, type PendingOrder } from '@vitrine/shared';
import { recordCsatRating } from '../orders/csat-ratings';
import { ingestOrders } from '../orders/ingest';
import { upsertOrder, type OrderInput } from '../orders/order-store';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { buildTicketContext } from './build-context';
import { MARIA } from './testing/madeiramadeira-ticket';

const TENANT = 'loja-pendente';
const MM_TICKET = 501;
const WHATSAPP_TICKET = 502;
/** The MadeiraMadeira order the conversation is about, not ingested when the ticket first opens. */
const MM_NUMBER = '72020134';
/** Maria's newest order, on another marketplace: the one identity matching would pick. */
const AMERICANAS_NUMBER = 'Lojas Americanas-300000777';
const NOW = new Date('2026-11-22T12:00:00.000Z');

function americanasOrder(): OrderInput {
  return {
    source: 'americanas',
    externalId: AMERICANAS_NUMBER,
    number: AMERICANAS_NUMBER,
    status: 'approved',
    customer: { name: MARIA.name, email: MARIA.email, phone: MARIA.phone, document: MARIA.cpf },
    items: [{ sku: 'LUM-01', name: 'Luminária', quantity: 1, unitPriceCents: 11990, totalCents: 11990 }],
    itemsTotalCents: 11990,
    shippingCents: 0,
    totalCents: 11990,
    placedAt: '2026-11-21T10:00:00.000Z',
    shipments: [],
    updatedAt: '2026-11-21T10:00:00.000Z',
  };
}

/** The core-API order the MadeiraMadeira connector joins to the session once the order API knows it. */
const mmOrderPayload = {
  id_pedido: '555001',
  id_seller: '225',
  pedido_mm: MM_NUMBER,
  data_criacao: '2026-11-19 09:00:00',
  status: '3',
  comprador: { nome: MARIA.name, documento: MARIA.cpf, email: 'x9y8@madeiramadeira.com.br' },
  skus: [
    {
      sku: 'MESA-6',
      nome: 'Mesa de jantar 6 lugares',
      quantidade: 1,
      valor_unitario: '1299.00',
      total: 1299,
    },
  ],
};

describeEachEngine('ticket context before its order is synced', (engine) => {
  const missing: Array<[string, PendingOrder]> = [];
  const contextOf = async (ticketId: number) =>
    TicketContext.parse(
      await buildTicketContext(
        { db: engine.store.db, now: () => NOW, onOrderMissing: (t, o) => missing.push([t, o]) },
        TENANT,
        ticketId,
      ),
    );

  beforeAll(async () => {
    const { db } = engine.store;
    await upsertTenant(db, {
      id: TENANT,
      subdomain: TENANT,
      name: TENANT,
      zendeskBaseUrl: 'https://x.zendesk.com',
    });
    await upsertOrder(db, TENANT, americanasOrder());
    const rating: CsatRating = {
      externalId: 'csat-pendente',
      ticketId: 77,
      score: 'good',
      channel: 'email',
      createdAt: '2026-10-01T12:00:00.000Z',
    };
    await recordCsatRating(db, TENANT, rating, `document:${MARIA.cpf}`);
    await db
      .insertInto('sync_conversations')
      .values({
        tenant_id: TENANT,
        source: 'madeiramadeira',
        external_id: '8801',
        channel: 'madeiramadeira',
        order_number: MM_NUMBER,
        subject: `Pedido ${MM_NUMBER}`,
        status: 'open',
        source_status: 'Aberto',
        customer: JSON.stringify({ name: MARIA.name, document: MARIA.cpf }),
        counterparts: JSON.stringify(['customer']),
        requester_user_id: '9101',
        ticket_id: String(MM_TICKET),
        customer_due_at: null,
        marketplace_due_at: null,
        reported_due_at: null,
        source_updated_at: '2026-11-22T11:00:00.000Z',
        created_at: '2026-11-22T11:00:00.000Z',
        updated_at: '2026-11-22T11:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('sync_zendesk_tickets')
      .values({
        tenant_id: TENANT,
        ticket_id: String(WHATSAPP_TICKET),
        channel: 'whatsapp',
        status: 'open',
        requester: JSON.stringify({
          name: 'Maria',
          phone: MARIA.phone,
          text: 'Meu pedido 88123456 não chegou',
        }),
        subject: 'Conversa com Maria',
        external_id: null,
        updated_at: '2026-11-22T11:30:00.000Z',
      })
      .execute();
  });

  beforeEach(() => {
    missing.length = 0;
  });

  it("shows the conversation's order number as not synced, never the customer's other order", async () => {
    const context = await contextOf(MM_TICKET);
    expect(context.match).toBe('matched');
    expect(context.order).toBeUndefined();
    expect(context.pendingOrder).toEqual({ number: MM_NUMBER, source: 'madeiramadeira' });
    expect(context.matchedBy).toEqual({ kind: 'order', value: MM_NUMBER });
    expect(JSON.stringify(context)).not.toContain(AMERICANAS_NUMBER);
    // The CPF still brings what belongs to the customer rather than to the order.
    expect(context.csat.map((r) => r.externalId)).toEqual(['csat-pendente']);
    expect(missing).toEqual([[TENANT, { number: MM_NUMBER, source: 'madeiramadeira' }]]);
  });

  it('shows the right order once ingestion brought it', async () => {
    const { db } = engine.store;
    await db
      .insertInto('raw_records')
      .values({
        tenant_id: TENANT,
        source: 'madeiramadeira',
        stream: 'madeiramadeira.sessions',
        external_id: '8801',
        payload_hash: 'p',
        payload: JSON.stringify({
          session: { session_id: 8801, order: MM_NUMBER, order_seller: '555001' },
          history: null,
          order: mmOrderPayload,
        }),
        updated_at: '2026-11-22T11:00:00.000Z',
      })
      .execute();
    const report = await ingestOrders(db, { tenantId: TENANT, sources: {} });
    expect(report.madeiramadeira).toMatchObject({ inserted: 1 });

    const context = await contextOf(MM_TICKET);
    expect(context.order?.number).toBe(MM_NUMBER);
    expect(context.order?.source).toBe('madeiramadeira');
    expect(context.order?.items[0]?.name).toBe('Mesa de jantar 6 lugares');
    expect(context.pendingOrder).toBeUndefined();
    expect(missing).toEqual([]);
  });

  it('keeps an order number the customer wrote as not synced rather than matching by phone', async () => {
    const context = await contextOf(WHATSAPP_TICKET);
    expect(context.order).toBeUndefined();
    expect(context.pendingOrder).toEqual({ number: '88123456' });
    expect(JSON.stringify(context)).not.toContain(AMERICANAS_NUMBER);
  });
});
