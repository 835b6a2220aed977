import Fastify from 'fastify';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import type { ConnectorLogger } from '../sync/connector';
import { ingestOrders } from './ingest';
import { findOrdersByCustomerKey, loadOrderByNumber } from './order-store';

const TENANT = 'loja-ingest';
const quiet: ConnectorLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as ConnectorLogger;

/** A MadeiraMadeira core-API order as the connector joins it to a session record. */
const mmOrder = {
  id_pedido: '98765',
  id_seller: '225',
  pedido_mm: '02-1000000004',
  data_criacao: '2026-11-02 12:20:00',
  status: '7',
  comprador: {
    nome: 'Maria Silva',
    email: 'a1b2c3@madeiramadeira.com.br',
    telefone: '41998765432 / ',
    documento: '52998224725',
    cep: '80010000',
    uf: 'PR',
    cidade: 'Curitiba',
  },
  skus: [
    {
      sku: 'SOFA-3L',
      nome: 'Sofá 3 lugares',
      quantidade: 1,
      valor_unitario: '1899.90',
      total: 1899.9,
      frete: 0,
    },
  ],
  envio: [{ codigo_rastreio: 'PX123456785BR', url_rastreio: '', nome_transportadora: 'Correios - PAC' }],
  data_previsao_entrega: '16/11/2026',
};

function skyOrder(code: string) {
  return {
    code,
    channel: 'Lojas Americanas',
    placed_at: '2026-11-03T10:00:00-03:00',
    updated_at: '2026-11-03T10:00:00-03:00',
    total_ordered: 259.8,
    shipping_cost: 20,
    status: { type: 'APPROVED', label: 'Pagamento Aprovado', code: 'payment_received' },
    customer: {
      name: 'João Souza',
      email: 'joao@exemplo.com.br',
      vat_number: '11144477735',
      phones: ['11 991734258'],
    },
    items: [{ id: 'LUM-01', name: 'Luminária', qty: 2, special_price: 119.9 }],
    shipments: [
      {
        code: `${code}-1`,
        items: [{ sku: 'LUM-01', qty: 2 }],
        track: { code: '12345678901234', carrier: 'Jadlog' },
      },
    ],
  };
}

describeEachEngine('order ingestion', (engine) => {
  beforeAll(async () => {
    await upsertTenant(engine.store.db, {
      id: TENANT,
      subdomain: TENANT,
      name: TENANT,
      zendeskBaseUrl: 'https://x.zendesk.com',
    });
  });

  it('stores the MadeiraMadeira order joined to a session record, once', async () => {
    const { db } = engine.store;
    await db
      .insertInto('raw_records')
      .values({
        tenant_id: TENANT,
        source: 'madeiramadeira',
        stream: 'madeiramadeira.sessions',
        external_id: '7701',
        payload_hash: 'x',
        payload: JSON.stringify({
          session: { session_id: 7701, order: '02-1000000004', order_seller: '98765' },
          history: null,
          order: mmOrder,
        }),
        updated_at: '2026-11-18T10:00:00.000Z',
      })
      .execute();
    const first = await ingestOrders(db, { tenantId: TENANT, sources: {} });
    expect(first.madeiramadeira).toMatchObject({ read: 1, inserted: 1 });

    const order = await loadOrderByNumber(db, TENANT, '02-1000000004', 'madeiramadeira');
    expect(order).toMatchObject({
      externalId: '98765',
      status: 'shipped',
      totalCents: 189990,
      estimatedDeliveryDate: '2026-11-16',
      placedAt: '2026-11-02T15:20:00.000Z',
    });
    expect(order?.shipments[0]).toMatchObject({ carrier: 'correios', trackingCode: 'PX123456785BR' });
    // Found by the buyer's CPF; the masked relay e-mail is not a key.
    expect(await findOrdersByCustomerKey(db, TENANT, 'document', '52998224725')).toHaveLength(1);
    expect(
      (
        await db
          .selectFrom('app_orders')
          .select('customer_email')
          .where('tenant_id', '=', TENANT)
          .executeTakeFirst()
      )?.customer_email,
    ).toBeNull();

    const second = await ingestOrders(db, { tenantId: TENANT, sources: {} });
    expect(second.madeiramadeira).toMatchObject({ read: 1, inserted: 0, unchanged: 1 });
  });

  it("drains Americanas' order queue, acknowledging each order after saving it", async () => {
    const queue = [skyOrder('Lojas Americanas-300000001'), skyOrder('Lojas Americanas-300000002')];
    const acknowledged: string[] = [];
    const skyhub = Fastify();
    // The connector sends its JSON content type on a body-less DELETE, as SkyHub accepts.
    skyhub.removeContentTypeParser('application/json');
    skyhub.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body ? JSON.parse(body as string) : null),
    );
    skyhub.get('/queues/orders', async (_req, reply) => {
      const next = queue.find((o) => !acknowledged.includes(o.code));
      return next ? next : reply.code(204).send();
    });
    skyhub.delete<{ Params: { code: string } }>('/queues/orders/:code', async (req, reply) => {
      acknowledged.push(req.params.code);
      return reply.code(204).send();
    });
    await skyhub.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = skyhub.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const americanas = {
        tenantId: TENANT,
        baseUrl: `http://127.0.0.1:${port}`,
        credentials: { userEmail: 'a@b.c', apiKey: 'k', accountManagerKey: 'm' },
        log: quiet,
      };
      const report = await ingestOrders(engine.store.db, { tenantId: TENANT, sources: { americanas } });
      expect(report.americanas).toMatchObject({ read: 2, inserted: 2 });
      expect(acknowledged).toEqual(['Lojas Americanas-300000001', 'Lojas Americanas-300000002']);
      const order = await loadOrderByNumber(engine.store.db, TENANT, '300000002');
      expect(order).toMatchObject({
        status: 'approved',
        itemsTotalCents: 23980,
        shippingCents: 2000,
        totalCents: 25980,
      });
      expect(order?.shipments[0]).toMatchObject({ carrier: 'jadlog', trackingCode: '12345678901234' });
      expect(await findOrdersByCustomerKey(engine.store.db, TENANT, 'phone', '+5511991734258')).toHaveLength(
        2,
      );
    } finally {
      await skyhub.close();
    }
  });

  it('reads the order of a Mercado Livre pack met only among unread packs, and of a claim, once', async () => {
    const { db } = engine.store;
    const mlOrder = (id: string, pack: string | null) => ({
      id: Number(id),
      pack_id: pack ? Number(pack) : null,
      status: 'paid',
      date_created: '2026-11-20T10:00:00.000-03:00',
      total_amount: 199.9,
      buyer: { id: 4401, first_name: 'Ana', last_name: 'Lima' },
      order_items: [{ item: { id: 'MLB1', title: 'Mesa lateral' }, quantity: 1, unit_price: 199.9 }],
    });
    const served = new Map([
      ['2000000000000011', mlOrder('2000000000000011', '2000000000000099')],
      ['2000000000000022', mlOrder('2000000000000022', null)],
    ]);
    const asked: string[] = [];
    const meli = Fastify();
    meli.get<{ Params: { id: string } }>('/orders/:id', async (req, reply) => {
      asked.push(req.params.id);
      return served.get(req.params.id) ?? reply.code(404).send({ message: 'Order not found', status: 404 });
    });
    await meli.listen({ port: 0, host: '127.0.0.1' });
    const record = (stream: string, externalId: string, payload: unknown) =>
      db
        .insertInto('raw_records')
        .values({
          tenant_id: TENANT,
          source: 'mercadolivre',
          stream,
          external_id: externalId,
          payload_hash: externalId,
          payload: JSON.stringify(payload),
          updated_at: '2026-11-20T13:00:00.000Z',
        })
        .execute();
    // A cart: the pack id differs from its order's id, which the messages name.
    await record('mercadolivre.messages', 'pack-2000000000000099', {
      pack_id: '2000000000000099',
      seller_id: '670934329',
      order: null,
      conversation: {
        messages: [{ text: 'Oi', message_resources: [{ id: '2000000000000011', name: 'orders' }] }],
      },
    });
    await record('mercadolivre.claims', 'claim-5000000001', {
      claim: { id: 5000000001, resource: 'order', resource_id: 2000000000000022 },
      messages: [],
    });
    try {
      const address = meli.server.address();
      const mercadolivre = {
        tenantId: TENANT,
        baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        credentials: { accessToken: 't', sellerId: '670934329' },
        log: quiet,
      };
      const first = await ingestOrders(db, { tenantId: TENANT, sources: { mercadolivre } });
      expect(first.mercadolivre).toMatchObject({ read: 2, inserted: 2 });
      // The conversation names the pack; the order is found under it.
      expect(await loadOrderByNumber(db, TENANT, '2000000000000099', 'mercadolivre')).toMatchObject({
        number: '2000000000000011',
        totalCents: 19990,
      });
      expect(await loadOrderByNumber(db, TENANT, '2000000000000022', 'mercadolivre')).toBeDefined();
      expect(asked.sort()).toEqual(['2000000000000011', '2000000000000022']);

      // Stored now: the next runs do not ask again.
      await ingestOrders(db, { tenantId: TENANT, sources: { mercadolivre } });
      expect(asked).toHaveLength(2);
    } finally {
      await meli.close();
    }
  });
});
