import Fastify from 'fastify';
import { sandboxTenant } from '../config/sandbox-tenant';
import { createMetrics } from '../metrics';
import { keepRawJsonBodies } from '../server/raw-body';
import { silentLogger } from '../logging';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, signWebhook } from '../zendesk/webhook-signature';
import { registerSyncWebhookRoutes } from './webhook-routes';

const SECRET = 'c2VjcmV0LWRlLXRlc3Rl';

describeEachEngine('sync webhook routes', (engine) => {
  const tenant = {
    ...sandboxTenant('http://127.0.0.1:3000', Buffer.alloc(32, 7)),
    id: 'loja',
    subdomain: 'loja',
  };

  async function app() {
    await upsertTenant(engine.store.db, { id: 'loja', subdomain: 'loja', name: 'Loja', zendeskBaseUrl: 'x' });
    const woken: string[] = [];
    const server = Fastify();
    keepRawJsonBodies(server);
    await server.register(
      async (scope) =>
        registerSyncWebhookRoutes(scope, {
          db: engine.store.db,
          tenants: () => [tenant],
          secretFor: () => SECRET,
          checkAccount: true,
          log: silentLogger(),
          metrics: createMetrics({ defaultMetrics: false }),
          wake: (id) => woken.push(id),
        }),
      { prefix: '/webhooks' },
    );
    await server.listen({ host: '127.0.0.1', port: 0 });
    servers.push(server);
    const address = server.server.address() as { port: number };
    // Over a real socket: fastify's inject needs an ESM dependency jest cannot load here.
    const post = async (url: string, headers: Record<string, string>, payload: unknown) => {
      const res = await fetch(`http://127.0.0.1:${address.port}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      return { statusCode: res.status, json: (await res.json()) as unknown };
    };
    return { post, woken };
  }

  const servers: { close(): Promise<unknown> }[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  const events = () =>
    engine.store.db
      .selectFrom('sync_webhook_deliveries')
      .select(['kind', 'payload'])
      .where('tenant_id', '=', 'loja')
      .execute();

  const signed = (
    body: string,
    secret = SECRET,
    timestamp = new Date().toISOString(),
  ): Record<string, string> => ({
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    [SIGNATURE_TIMESTAMP_HEADER]: timestamp,
  });

  beforeEach(async () => {
    await engine.store.db.deleteFrom('sync_webhook_deliveries').execute();
  });

  it('records a signed Zendesk event once, however many times it is delivered while waiting', async () => {
    const { post, woken } = await app();
    const body = JSON.stringify({ event: 'ticket.public_reply', ticket_id: '42', account: 'loja' });
    const first = await post('/webhooks/zendesk/loja', signed(body), body);
    const second = await post('/webhooks/zendesk/loja', signed(body), body);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json).toEqual({ ok: true, duplicate: true });
    expect(await events()).toHaveLength(1);
    expect(woken).toEqual(['loja', 'loja']);
  });

  it('answers 401 to a bad or stale signature and records nothing', async () => {
    const { post } = await app();
    const body = JSON.stringify({ event: 'ticket.public_reply', ticket_id: '42' });
    const wrong = await post('/webhooks/zendesk/loja', signed(body, 'b3V0cm8='), body);
    const stale = await post(
      '/webhooks/zendesk/loja',
      signed(body, SECRET, new Date(Date.now() - 3_600_000).toISOString()),
      body,
    );
    const tampered = await post('/webhooks/zendesk/loja', signed(body), body.replace('42', '43'));
    expect([wrong.statusCode, stale.statusCode, tampered.statusCode]).toEqual([401, 401, 401]);
    expect(await events()).toEqual([]);
  });

  it('refuses an event for another Zendesk account', async () => {
    const { post } = await app();
    const body = JSON.stringify({ event: 'ticket.solved', ticket_id: '7', account: 'outra-loja' });
    const res = await post('/webhooks/zendesk/loja', signed(body), body);
    expect(res.statusCode).toBe(400);
    expect(await events()).toEqual([]);
  });

  it('accepts a Mercado Livre notification by recording which stream to read again', async () => {
    const { post } = await app();
    const notification = {
      _id: 'f9f08571-1f65-4c46-9e0a-c0f43faas1e',
      resource: '/messages/0d1c7f3e2b4a',
      user_id: 123456789,
      topic: 'messages',
      application_id: 2069392825111111,
      attempts: 1,
      sent: '2026-11-02T13:44:33.006Z',
      received: '2026-11-02T13:44:32.984Z',
      actions: ['created'],
    };
    const res = await post('/webhooks/mercadolivre/loja', {}, notification);
    const again = await post('/webhooks/mercadolivre/loja', {}, notification);
    expect([res.statusCode, again.statusCode]).toEqual([200, 200]);
    const recorded = await events();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.kind).toBe('stream.wanted');
    expect(JSON.parse(recorded[0]!.payload)).toMatchObject({ stream: 'mercadolivre.messages' });
    const bad = await post('/webhooks/mercadolivre/loja', {}, { hello: 'world' });
    expect(bad.statusCode).toBe(400);
  });
});
