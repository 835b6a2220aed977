import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';
import { sandboxInstallationSecret } from '../../app-auth/installation-secrets';
import { loadConfig } from '../../config/load';
import { SANDBOX_TENANT_ID } from '../../config/sandbox-tenant';
import type { VitrineConfig } from '../../config/types';
import { silentLogger } from '../../logging';
import { describeEachEngine } from '../../store/testing';
import { installErrorHandling } from '../errors';
import { registerContextRoutes } from './context';
import { registerWorkbenchRoutes } from './workbench';
import { prepareProxiedRequest, ProxyRefusal } from './workbench-proxy';

/** The options the sidebar sends for its context (apps/ticket-sidebar/src/service/request.ts). */
const sidebarOptions = (base: string, ticketId: number) => ({
  url: `${base}/api/v1/tickets/${ticketId}/context`,
  type: 'GET',
  dataType: 'json',
  secure: true,
  cors: false,
  headers: { Authorization: 'Bearer {{jwt.token}}' },
  jwt: {
    algorithm: 'HS256',
    secret_key: '{{setting.serviceSecret}}',
    expiry: 60,
    claims: { iss: 'vitrine-ticket-sidebar', tenant: SANDBOX_TENANT_ID, ticket_id: ticketId },
  },
});

interface ProxyEnvelope {
  status: number;
  responseText: string;
}

describeEachEngine('workbench routes', (engine) => {
  let app: FastifyInstance;
  let base: string;
  let config: VitrineConfig;

  beforeAll(async () => {
    config = loadConfig({
      env: {
        VITRINE_DATA_DIR: engine.dataDir,
        PORT: '0',
        VITRINE_SECRET_KEY: randomBytes(32).toString('base64'),
      },
    });
    app = Fastify({ loggerInstance: silentLogger() as FastifyBaseLogger });
    installErrorHandling(app);
    const deps = { config, store: engine.store, log: silentLogger() };
    await registerContextRoutes(app, deps);
    await registerWorkbenchRoutes(app, deps);
    // What the proxy forwards, as the target receives it.
    app.get('/echo', async (request) => ({ authorization: request.headers.authorization ?? null }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app.close();
  });

  const proxy = async (options: Record<string, unknown>): Promise<ProxyEnvelope> => {
    const res = await fetch(`${base}/workbench/proxy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 1, installationId: 'sandbox-ticket-sidebar', options }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ProxyEnvelope;
  };

  it('serves app.json in the zcli apps:server shape, without the secure setting', async () => {
    const secret = await sandboxInstallationSecret(engine.store, config.secretKey);
    const res = await fetch(`${base}/workbench/app.json`);
    const text = await res.text();
    const body = JSON.parse(text) as {
      apps: Array<{ id: number; name: string; asset_url_prefix: string; location: Record<string, unknown> }>;
      installations: Array<{ app_id: number; id: string; settings: Record<string, unknown> }>;
    };
    const sidebar = body.apps.find((a) => a.asset_url_prefix.endsWith('/workbench/apps/1/assets/'));
    expect(sidebar).toMatchObject({ id: 1, name: 'Vitrine' });
    expect(sidebar!.location).toHaveProperty('support.ticket_sidebar');
    const installation = body.installations.find((i) => i.app_id === 1);
    expect(installation).toMatchObject({
      id: 'sandbox-ticket-sidebar',
      settings: { serviceUrl: base, tenantId: SANDBOX_TENANT_ID, title: 'Vitrine' },
    });
    expect(installation!.settings).not.toHaveProperty('serviceSecret');
    expect(text).not.toContain(secret);
  });

  it('signs the JWT with the installation secret as the Zendesk proxy does', async () => {
    const secret = await sandboxInstallationSecret(engine.store, config.secretKey);
    const envelope = await proxy({ ...sidebarOptions(base, 42), url: `${base}/echo` });
    expect(envelope.status).toBe(200);
    const { authorization } = JSON.parse(envelope.responseText) as { authorization: string };
    const token = authorization.replace(/^Bearer /, '');
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ iss: 'vitrine-ticket-sidebar', tenant: SANDBOX_TENANT_ID, ticket_id: 42 });
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it("passes the context API's token check end to end", async () => {
    const envelope = await proxy(sidebarOptions(base, 7));
    expect(envelope.status).toBe(200);
    expect(JSON.parse(envelope.responseText)).toMatchObject({ ticketId: 7 });
  });

  it('refuses hosts outside the domainWhitelist', async () => {
    const envelope = await proxy({ ...sidebarOptions(base, 7), url: 'http://example.org/steal' });
    expect(envelope.status).toBe(403);
    expect(envelope.responseText).toContain('domainWhitelist');
  });
});

describeEachEngine('workbench app assets', (engine) => {
  it('serves the files of each app under its asset_url_prefix, revalidated, never outside the folder', async () => {
    const appsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-apps-'));
    fs.mkdirSync(path.join(appsDir, 'demo', 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(appsDir, 'demo', 'manifest.json'),
      JSON.stringify({
        name: 'Demo',
        defaultLocale: 'pt-BR',
        location: { support: { ticket_sidebar: 'assets/iframe.html' } },
      }),
    );
    fs.writeFileSync(path.join(appsDir, 'demo', 'assets', 'iframe.html'), '<p>demo</p>');
    const config = loadConfig({
      env: {
        VITRINE_DATA_DIR: engine.dataDir,
        PORT: '0',
        VITRINE_SECRET_KEY: randomBytes(32).toString('base64'),
      },
    });
    const app = Fastify({ loggerInstance: silentLogger() as FastifyBaseLogger });
    await registerWorkbenchRoutes(app, { config, store: engine.store, log: silentLogger(), appsDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const { apps } = (await (await fetch(`${base}/workbench/app.json`)).json()) as {
        apps: Array<{ asset_url_prefix: string }>;
      };
      expect(apps).toHaveLength(1);
      const first = await fetch(`${apps[0]!.asset_url_prefix}iframe.html`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain('text/html');
      expect(await first.text()).toBe('<p>demo</p>');
      const again = await fetch(`${apps[0]!.asset_url_prefix}iframe.html`, {
        headers: { 'if-none-match': first.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
      expect((await fetch(`${apps[0]!.asset_url_prefix}..%2Fmanifest.json`)).status).toBe(404);
    } finally {
      await app.close();
      fs.rmSync(appsDir, { recursive: true, force: true });
    }
  });
});

describeEachEngine('workbench outside sandbox mode', (engine) => {
  it('serves neither the page nor the proxy', async () => {
    const sandboxConfig = loadConfig({
      env: {
        VITRINE_DATA_DIR: engine.dataDir,
        PORT: '0',
        VITRINE_SECRET_KEY: randomBytes(32).toString('base64'),
      },
    });
    const config = { ...sandboxConfig, sandbox: { ...sandboxConfig.sandbox, enabled: false } };
    const app = Fastify({ loggerInstance: silentLogger() as FastifyBaseLogger });
    await registerWorkbenchRoutes(app, { config, store: engine.store, log: silentLogger() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const page = await fetch(`${base}/workbench`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('modo sandbox');
      const proxy = await fetch(`${base}/workbench/proxy`, { method: 'POST', body: '{}' });
      expect(proxy.status).toBe(404);
      expect((await fetch(`${base}/workbench/app.json`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('prepareProxiedRequest', () => {
  const settings = {
    serviceUrl: { value: 'https://api.vitrine.app.br', secure: false },
    serviceSecret: { value: 's3cr3t-0123456789abcdef', secure: true },
  };

  it('leaves secure placeholders alone unless the request is secure', () => {
    const outgoing = prepareProxiedRequest(
      { url: '{{setting.serviceUrl}}/x', headers: { 'X-Key': '{{setting.serviceSecret}}' } },
      settings,
    );
    expect(outgoing.url).toBe('https://api.vitrine.app.br/x');
    expect(outgoing.headers['X-Key']).toBe('{{setting.serviceSecret}}');
    const secure = prepareProxiedRequest(
      { url: '{{setting.serviceUrl}}/x', secure: true, headers: { 'X-Key': '{{setting.serviceSecret}}' } },
      settings,
    );
    expect(secure.headers['X-Key']).toBe('s3cr3t-0123456789abcdef');
  });

  it('refuses {{jwt.token}} without a jwt option, and header names with underscores', () => {
    expect(() =>
      prepareProxiedRequest({ url: 'https://a/b', headers: { Authorization: '{{jwt.token}}' } }, settings),
    ).toThrow(ProxyRefusal);
    expect(() => prepareProxiedRequest({ url: 'https://a/b', headers: { X_Key: 'v' } }, settings)).toThrow(
      /underscores/,
    );
  });
});
