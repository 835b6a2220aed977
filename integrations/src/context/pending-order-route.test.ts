import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { TicketContext } from '@vitrine/shared';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { sandboxInstallationSecret } from '../app-auth/installation-secrets';
import { SANDBOX_TENANT_ID } from '../config/sandbox-tenant';
import type { TenantConfig, VitrineConfig } from '../config/types';
import { installErrorHandling } from '../server/errors';
import { registerContextRoutes } from '../server/routes/context';
import { describeEachEngine } from '../store/testing';

const TICKET = 601;
const NUMBER = '72020134';

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Sandbox mode, where the service ingests orders every minute: a ticket opened between its
 * conversation's sync and the next run asks for a run at once, so the order follows within seconds.
 */
describeEachEngine('sandbox: a ticket whose order is not synced yet', (engine) => {
  let app: FastifyInstance;
  let base: string;
  let secret: string;
  const logged: string[] = [];
  const ingestionRuns = () => logged.filter((msg) => msg === 'orders ingested').length;

  beforeAll(async () => {
    const secretKey = randomBytes(32);
    const lines = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          logged.push((JSON.parse(line) as { msg: string }).msg);
        }
        done();
      },
    });
    const log = pino({ level: 'info' }, lines);
    const tenant = { id: SANDBOX_TENANT_ID, marketplaces: {} } as unknown as TenantConfig;
    const config = { secretKey, sandbox: { enabled: true }, tenants: [tenant] } as unknown as VitrineConfig;
    app = Fastify({ loggerInstance: log as FastifyBaseLogger });
    installErrorHandling(app);
    await registerContextRoutes(app, { config, store: engine.store, log });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    secret = await sandboxInstallationSecret(engine.store, secretKey);

    await engine.store.db
      .insertInto('sync_conversations')
      .values({
        tenant_id: SANDBOX_TENANT_ID,
        source: 'madeiramadeira',
        external_id: '9601',
        channel: 'madeiramadeira',
        order_number: NUMBER,
        subject: `Pedido ${NUMBER}`,
        status: 'open',
        source_status: 'Aberto',
        customer: JSON.stringify({ name: 'Maria Silva', document: '52998224725' }),
        counterparts: JSON.stringify(['customer']),
        requester_user_id: '9601',
        ticket_id: String(TICKET),
        customer_due_at: null,
        marketplace_due_at: null,
        reported_due_at: null,
        source_updated_at: '2026-11-22T11:00:00.000Z',
        created_at: '2026-11-22T11:00:00.000Z',
        updated_at: '2026-11-22T11:00:00.000Z',
      })
      .execute();
  });

  afterAll(async () => {
    await app?.close();
  });

  const getContext = async () => {
    const bearer = jwt.sign(
      { iss: 'vitrine-ticket-sidebar', tenant: SANDBOX_TENANT_ID, ticket_id: TICKET },
      secret,
      {
        algorithm: 'HS256',
        expiresIn: 60,
      },
    );
    const res = await fetch(`${base}/api/v1/tickets/${TICKET}/context`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(res.status).toBe(200);
    return TicketContext.parse(await res.json());
  };

  it('says the order is not synced, runs ingestion without waiting for it, and then shows the order', async () => {
    // The scheduled run at startup has passed; the next one is a minute away.
    await until(() => ingestionRuns() === 1, 5_000);
    // The connector's record for the conversation, with its order, lands after that run.
    await engine.store.db
      .insertInto('raw_records')
      .values({
        tenant_id: SANDBOX_TENANT_ID,
        source: 'madeiramadeira',
        stream: 'madeiramadeira.sessions',
        external_id: '9601',
        payload_hash: 'h',
        payload: JSON.stringify({
          session: { session_id: 9601, order: NUMBER, order_seller: '555003' },
          history: null,
          order: {
            id_pedido: '555003',
            pedido_mm: NUMBER,
            data_criacao: '2026-11-19 09:00:00',
            status: '3',
            comprador: { nome: 'Maria Silva', documento: '52998224725' },
            skus: [{ sku: 'MESA-6', nome: 'Mesa', quantidade: 1, valor_unitario: '1299.00', total: 1299 }],
          },
        }),
        updated_at: '2026-11-22T11:00:00.000Z',
      })
      .execute();

    const first = await getContext();
    expect(first.order).toBeUndefined();
    expect(first.pendingOrder).toEqual({ number: NUMBER, source: 'madeiramadeira' });

    // Runs asked for are at least 5 s apart; the periodic one would come after 60 s.
    await until(() => ingestionRuns() === 2, 8_000);
    const after = await getContext();
    expect(after.order?.number).toBe(NUMBER);
    expect(after.pendingOrder).toBeUndefined();
  }, 15_000);
});
