import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProxyRefusal } from './workbench-proxy';
import { zcliInstallationSettings } from './workbench-zcli';

/** What `zcli apps:server` answers at /app.json (settings as one-key objects). */
const APP_JSON = {
  apps: [{ id: '0', name: 'Vitrine', asset_url_prefix: 'http://localhost:4567/0/assets/' }],
  installations: [
    {
      app_id: '0',
      id: 'c0ffee',
      settings: [{ title: 'Vitrine' }, { serviceUrl: 'http://127.0.0.1:3000' }, { serviceSecret: 's3cret' }],
    },
  ],
};

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url !== '/app.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(APP_JSON));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('reads the installation settings from a local zcli app.json, title left out', async () => {
  expect(await zcliInstallationSettings(`${origin}/app.json`, 0, 'c0ffee')).toEqual({
    serviceUrl: { value: 'http://127.0.0.1:3000', secure: false },
    serviceSecret: { value: 's3cret', secure: false },
  });
});

test.each([
  ['another host', 'http://apps.example.com/app.json', 403],
  ['a path other than app.json', 'ORIGIN/secrets', 403],
  ['an installation the server does not list', 'ORIGIN/app.json', 404],
])('refuses %s', async (_what, url, status) => {
  const attempt = zcliInstallationSettings(url.replace('ORIGIN', origin), 0, 'not-there');
  await expect(attempt).rejects.toBeInstanceOf(ProxyRefusal);
  await expect(attempt).rejects.toMatchObject({ status });
});
