import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../config/load';
import { createLogger, silentLogger } from '../logging';
import { advanceCheckpoint } from '../store/checkpoints';
import { upsertRawRecord } from '../store/raw-records';
import { upsertTenant } from '../store/tenants';
import type { Store } from '../store/db';
import type { Database } from '../store/schema';
import { describeEachEngine } from '../store/testing';
import { buildServer } from './build';
import type { SyncRuntime } from './sync-runtime';

/**
 * Requests go over a real socket: fastify's `inject` loads an ESM-only dependency (cookie 2) that
 * jest's CommonJS runtime cannot require on Node 20.
 */
async function call(
  server: Awaited<ReturnType<typeof buildServer>>,
  opts: { method?: string; url: string; headers?: Record<string, string>; payload?: string },
) {
  if (!server.app.server.listening) await server.app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${server.publicBaseUrl()}${opts.url}`, {
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.payload,
  });
  const body = await res.text();
  return {
    statusCode: res.status,
    headers: { 'content-type': res.headers.get('content-type') ?? '' },
    body,
    json: () => JSON.parse(body) as unknown,
  };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-srv-'));

function testConfig(dataDir: string) {
  return loadConfig({
    env: { VITRINE_DATA_DIR: dataDir, PORT: '0', VITRINE_SECRET_KEY: randomBytes(32).toString('base64') },
  });
}

/** A sync runtime that only brings a webhook route, to see what the server hands it. */
const echoWebhooks: SyncRuntime = {
  start: () => undefined,
  stop: async () => undefined,
  runOnce: async () => undefined,
  registerWebhookRoutes(scope) {
    scope.post('/zendesk/:tenant', async (request) => ({
      raw: request.rawBody?.toString('utf8') ?? null,
      parsed: request.body ?? null,
    }));
    scope.post('/boom', async () => {
      throw new Error('database password is hunter2');
    });
  },
};

describeEachEngine('service HTTP server', (engine) => {
  it('/healthz answers 200 while the database answers', async () => {
    const server = await buildServer({
      config: testConfig(engine.dataDir),
      store: engine.store,
      log: silentLogger(),
      mountSandbox: false,
    });
    const res = await call(server, { method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', engine: engine.dialect });
    await server.app.close();
  });

  it('/metrics shows records per stream from the store and counted Zendesk requests', async () => {
    const db = engine.store.db;
    await upsertTenant(db, { id: 'loja', subdomain: 'loja', name: 'Loja', zendeskBaseUrl: 'x' });
    for (const id of ['1', '2', '3']) {
      await upsertRawRecord(db, {
        tenantId: 'loja',
        source: 'americanas',
        stream: 'americanas.sac',
        externalId: id,
        payload: { id },
      });
    }
    await advanceCheckpoint(db, { tenantId: 'loja', stream: 'americanas.sac', cursor: null, records: 3 });
    const server = await buildServer({
      config: testConfig(engine.dataDir),
      store: engine.store,
      log: silentLogger(),
      mountSandbox: false,
    });
    server.metrics.observeZendeskRequest({ tenantId: 'loja', status: 429 });
    server.metrics.observeZendeskRequest({ tenantId: 'loja', status: null });
    server.metrics.observeWebhookVerification('loja', 'bad_signature');

    const res = await call(server, { method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('vitrine_stream_records{tenant="loja",stream="americanas.sac"} 3');
    expect(res.body).toContain('vitrine_zendesk_requests_total{tenant="loja",status="429"} 1');
    expect(res.body).toContain('vitrine_zendesk_requests_total{tenant="loja",status="none"} 1');
    expect(res.body).toContain('vitrine_webhook_verifications_total{tenant="loja",result="bad_signature"} 1');
    expect(res.body).toMatch(/vitrine_outbox_effects\{tenant="loja",status="pending"\} \d+/);
    await server.app.close();
  });
});

describe('/healthz without a database', () => {
  it('answers 503 when the database does not answer', async () => {
    const dir = tempDir();
    // Nothing listens on port 1: every query fails, as with a PostgreSQL server that went away.
    const { Kysely, PostgresDialect } = await import('kysely');
    const { Pool } = await import('pg');
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new Pool({ connectionString: 'postgres://x@127.0.0.1:1/none', connectionTimeoutMillis: 500 }),
      }),
    });
    const store: Store = { db, dialect: 'postgres', close: () => db.destroy() };
    const server = await buildServer({
      config: testConfig(dir),
      store,
      log: silentLogger(),
      mountSandbox: false,
    });
    try {
      const res = await call(server, { url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', db: 'unreachable', engine: 'postgres' });
    } finally {
      await server.app.close();
      await store.close();
    }
  });
});

describe('webhook bodies and errors', () => {
  let lines: string[];
  let server: Awaited<ReturnType<typeof buildServer>>;
  const dir = tempDir();

  beforeAll(async () => {
    lines = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { openStore } = await import('../store/db');
    const store = await openStore({ dataDir: dir, log: silentLogger() });
    server = await buildServer({
      config: testConfig(dir),
      store,
      log: createLogger({ level: 'info', destination }),
      syncRuntime: echoWebhooks,
      mountSandbox: false,
    });
    server.app.addHook('onClose', () => store.close());
  });
  afterAll(async () => {
    await server.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands webhook routes the body exactly as sent, for the signature check', async () => {
    const body = '{"event":"ticket.public_reply",  "ticket_id":"42"}\n';
    const res = await call(server, {
      method: 'POST',
      url: '/webhooks/zendesk/vitrine-demo',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: body,
    });
    expect(res.json()).toEqual({ raw: body, parsed: { event: 'ticket.public_reply', ticket_id: '42' } });
  });

  it('the root lists what the service serves', async () => {
    const res = await call(server, { url: '/' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { mode: string; tenants: string[]; links: { label: string; url: string }[] };
    expect(body.mode).toBe('sandbox');
    expect(body.tenants).toEqual(['vitrine-demo']);
    expect(body.links.map((l) => l.label)).toEqual(
      expect.arrayContaining([
        'health',
        'metrics',
        'Zendesk webhook (vitrine-demo)',
        'apps API',
        'workbench (apps)',
      ]),
    );
  });

  it('answers broken JSON with 400 {error, message}', async () => {
    const res = await call(server, {
      method: 'POST',
      url: '/webhooks/zendesk/vitrine-demo',
      headers: { 'content-type': 'application/json' },
      payload: '{"event":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_json', message: expect.any(String) });
  });

  it('answers an unknown route with 404 {error, message}', async () => {
    const res = await call(server, { method: 'GET', url: '/nada?token=abc' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'No route for GET /nada.' });
  });

  it('answers a crash with 500 and a generic message, and logs no authorization header', async () => {
    const res = await call(server, {
      method: 'POST',
      url: '/webhooks/boom',
      headers: { 'content-type': 'application/json', authorization: 'Bearer zd-secret-token' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'Internal error; see the service log.' });
    expect(res.body).not.toContain('hunter2');
    const log = lines.join('');
    expect(log).toContain('request failed');
    expect(log).not.toContain('zd-secret-token');
  });
});

describe('sandbox mode', () => {
  it('mounts the simulators under /sandbox and lists them among the served URLs', async () => {
    const dir = tempDir();
    const { openStore } = await import('../store/db');
    const store = await openStore({ dataDir: dir, log: silentLogger() });
    const server = await buildServer({ config: testConfig(dir), store, log: silentLogger() });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const urls = server.servedUrls().map((u) => u.url);
      expect(server.sandbox?.systems).toContain('zendesk');
      expect(urls).toContain(`${server.publicBaseUrl()}/sandbox/zendesk`);
      expect(server.publicBaseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.publicBaseUrl()).not.toBe('http://127.0.0.1:0');
    } finally {
      await server.app.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
