import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { sandboxTickets, ticketContext } from './support/sandbox';
import { freePort, REPO_ROOT, startService, waitFor, type RunningService } from './support/service';

/**
 * The sidebar's built `assets/` as the official `zcli apps:server` serves them (it runs offline),
 * loaded by the workbench with `?zcli_apps=<server>` the way Zendesk's agent page loads local apps
 * with `?zcli_apps=true`: zcli's own app.json shape, asset URLs and settings, a cross-origin frame.
 */

jest.setTimeout(150_000);

const APP_DIR = path.join(REPO_ROOT, 'apps', 'ticket-sidebar');
const ZCLI = path.join(REPO_ROOT, 'node_modules', '@zendesk', 'zcli', 'bin', 'run');

let service: RunningService;
let zcli: ChildProcess;
let zcliOutput = '';
let zcliOrigin: string;
let packageDir: string;
let browser: Browser;

interface ZcliAppJson {
  apps: Array<{ id: string; name: string; asset_url_prefix: string; locations: Record<string, unknown> }>;
  installations: Array<{ app_id: string; id: string; settings: Array<Record<string, unknown>> }>;
}

/** The app package as an admin would hand it to zcli: the built files and a settings file. */
function preparePackage(serviceUrl: string, secret: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-zcli-'));
  for (const entry of ['manifest.json', 'requirements.json', 'translations', 'assets']) {
    fs.cpSync(path.join(APP_DIR, entry), path.join(dir, entry), { recursive: true });
  }
  const parameters = { serviceUrl, tenantId: 'vitrine-demo', serviceSecret: secret };
  fs.writeFileSync(path.join(dir, 'zcli.apps.config.json'), JSON.stringify({ parameters }, null, 2));
  return dir;
}

beforeAll(async () => {
  service = await startService({ pollIntervalMs: 1_000 });
  // The demo installation's secret (sandboxInstallationSecret): what the admin types as serviceSecret.
  const secret = createHmac('sha256', service.secretKey)
    .update('vitrine-demo app installation')
    .digest('base64url');
  packageDir = preparePackage(service.baseUrl, secret);
  const port = await freePort();
  zcliOrigin = `http://localhost:${port}`;
  zcli = spawn(process.execPath, [ZCLI, 'apps:server', packageDir, '--port', String(port)], {
    cwd: packageDir,
    env: { ...process.env, ZCLI_SKIP_NEW_VERSION_CHECK: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  zcli.stdout?.on('data', (chunk: Buffer) => (zcliOutput += chunk.toString()));
  zcli.stderr?.on('data', (chunk: Buffer) => (zcliOutput += chunk.toString()));
  await waitFor(
    'zcli apps:server to serve app.json',
    async () => ((await fetch(`${zcliOrigin}/app.json`)).ok ? true : undefined),
    { timeoutMs: 60_000, intervalMs: 500 },
  ).catch((err: Error) => {
    err.message += `\n--- zcli output ---\n${zcliOutput.slice(-2000)}`;
    throw err;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  zcli?.kill('SIGTERM');
  await service?.stop();
  if (packageDir) fs.rmSync(packageDir, { recursive: true, force: true });
});

test("zcli's app.json lists the sidebar with its locations, asset prefix and the settings file's values", async () => {
  const appJson = (await (await fetch(`${zcliOrigin}/app.json`)).json()) as ZcliAppJson;
  const app = appJson.apps.find((candidate) => candidate.name === 'Vitrine')!;
  expect(app.asset_url_prefix).toBe(`${zcliOrigin}/${app.id}/assets/`);
  expect(app.locations).toMatchObject({ support: { ticket_sidebar: { url: 'assets/iframe.html' } } });
  const installation = appJson.installations.find((candidate) => candidate.app_id === app.id)!;
  expect(installation.settings).toEqual(
    expect.arrayContaining([{ serviceUrl: service.baseUrl }, { tenantId: 'vitrine-demo' }]),
  );
  // The built page and both of its chunks come from zcli's static server.
  const page = await fetch(`${app.asset_url_prefix}iframe.html`);
  expect(page.status).toBe(200);
  const html = await page.text();
  for (const chunk of ['./main.js', './start.js']) {
    expect(html).toContain(chunk);
    expect((await fetch(new URL(chunk, app.asset_url_prefix))).status).toBe(200);
  }
});

test('the workbench loads the sidebar from zcli apps:server and it shows the ticket context', async () => {
  const ticket = await waitFor(
    'a MadeiraMadeira ticket whose context holds its order',
    async () => {
      for (const candidate of await sandboxTickets(service.baseUrl)) {
        if (!candidate.tags.includes('vitrine_madeiramadeira')) continue;
        const context = await ticketContext(service.baseUrl, candidate.id);
        if (context.order) return { id: candidate.id, order: context.order.number };
      }
      return undefined;
    },
    { timeoutMs: 100_000, intervalMs: 1_000 },
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.goto(
      `${service.baseUrl}/workbench?zcli_apps=${encodeURIComponent(zcliOrigin)}#ticket/${ticket.id}`,
    );
    const frame = page.locator('iframe.app-frame');
    await frame.waitFor({ timeout: 15_000 });
    expect(await frame.getAttribute('src')).toMatch(
      new RegExp(`^${zcliOrigin}/\\w+/assets/iframe\\.html\\?`),
    );
    const sidebar = page.frameLocator('iframe.app-frame');
    await sidebar.getByText('Outros contatos').waitFor({ timeout: 20_000 });
    await sidebar.getByText(ticket.order).first().waitFor({ timeout: 10_000 });
    // The frame grows with the panel (the app resizes it): nothing hides behind a scroll bar.
    const heights = async () => ({
      frame: await frame.evaluate((el) => Math.round(el.getBoundingClientRect().height)),
      panel: await sidebar.locator('#root').evaluate((el) => Math.ceil(el.getBoundingClientRect().height)),
    });
    await waitFor(
      'the app frame to be as tall as the panel',
      async () => {
        const { frame: outer, panel } = await heights();
        return panel > 450 && Math.abs(outer - panel) <= 1 ? true : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 200 },
    ).catch(async (err: Error) => {
      err.message += ` (${JSON.stringify(await heights())})`;
      throw err;
    });
    await screenshot(page, 'zcli-apps-server');
  } finally {
    await page.close();
  }
});
