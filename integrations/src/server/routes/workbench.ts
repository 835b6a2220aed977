import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SANDBOX_INSTALLATION_ID, sandboxInstallationSecret } from '../../app-auth/installation-secrets';
import { SANDBOX_TENANT_ID } from '../../config/sandbox-tenant';
import type { VitrineConfig } from '../../config/types';
import type { Logger } from '../../logging';
import { SANDBOX_AGENTS } from '../../sandbox/zendesk/seed';
import type { Store } from '../../store/db';
import {
  assertAllowedHost,
  prepareProxiedRequest,
  ProxiedRequestOptions,
  ProxyRefusal,
  type InstallationSetting,
} from './workbench-proxy';
import { zcliInstallationSettings } from './workbench-zcli';

/**
 * The workbench (`scripts/workbench/`): a Zendesk-like agent page over the sandbox that hosts the
 * real apps through the ZAF postMessage protocol. This module serves the page, the apps' assets,
 * `app.json` in the shape `zcli apps:server` serves, and the proxy the apps' `client.request` goes
 * through. Sandbox mode only: the proxy holds installation secrets and forwards requests.
 */

export const WORKBENCH_PREFIX = '/workbench';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const WORKBENCH_DIR = path.join(REPO_ROOT, 'scripts', 'workbench');
const APPS_DIR = path.join(REPO_ROOT, 'apps');

export interface WorkbenchRouteDeps {
  config: VitrineConfig;
  store: Store;
  log: Logger;
  /** Where the apps live (tests point at a fixture); default `<repo>/apps`. */
  appsDir?: string;
}

interface ManifestParameter {
  name: string;
  type?: string;
  secure?: boolean;
  default?: unknown;
}

interface AppManifest {
  name: string;
  defaultLocale: string;
  location: Record<string, Record<string, unknown>>;
  version?: string;
  frameworkVersion?: string;
  singleInstall?: boolean;
  signedUrls?: boolean;
  parameters?: ManifestParameter[];
  domainWhitelist?: string[];
}

interface LocalApp {
  id: number;
  folder: string;
  installationId: string;
  manifest: AppManifest;
  /** `zcli.apps.config.json` parameters, when the app has one (what `zcli apps:server` reads). */
  configured: Record<string, unknown>;
}

const ProxyBody = z.object({
  appId: z.coerce.number().int(),
  installationId: z.string().min(1),
  /** The `app.json` of a `zcli apps:server` the app came from (`?zcli_apps=…`); else a local app. */
  appsJsonUrl: z.string().url().optional(),
  options: ProxiedRequestOptions,
});

/** The apps under `apps/*` with a `manifest.json`, numbered in folder order (1, 2, …). */
export function discoverApps(appsDir: string): LocalApp[] {
  if (!fs.existsSync(appsDir)) return [];
  const folders = fs
    .readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(appsDir, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort();
  return folders.map((folder, index) => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(appsDir, folder, 'manifest.json'), 'utf8'),
    ) as AppManifest;
    const configFile = path.join(appsDir, folder, 'zcli.apps.config.json');
    const configured = fs.existsSync(configFile)
      ? ((JSON.parse(fs.readFileSync(configFile, 'utf8')) as { parameters?: Record<string, unknown> })
          .parameters ?? {})
      : {};
    return {
      id: index + 1,
      folder,
      installationId: folder === 'ticket-sidebar' ? SANDBOX_INSTALLATION_ID : `sandbox-${folder}`,
      manifest,
      configured,
    };
  });
}

export async function registerWorkbenchRoutes(app: FastifyInstance, deps: WorkbenchRouteDeps): Promise<void> {
  if (!deps.config.sandbox.enabled) {
    app.get(WORKBENCH_PREFIX, async (_request, reply) =>
      reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(
          'O workbench só existe no modo sandbox (sem credenciais configuradas). / ' +
            'The workbench exists only in sandbox mode (no credentials configured).',
        ),
    );
    return;
  }

  const apps = discoverApps(deps.appsDir ?? APPS_DIR);
  const baseUrlOf = (request: FastifyRequest) =>
    `${request.protocol}://${request.headers.host ?? request.host}`;

  /**
   * An installation's settings, secure ones included (server side only). In the sandbox they are
   * the service itself, the demo tenant and the demo installation's secret — what an admin types
   * into the app's settings in Zendesk; a `zcli.apps.config.json` next to the app overrides them.
   */
  async function installationSettings(
    localApp: LocalApp,
    baseUrl: string,
  ): Promise<Record<string, InstallationSetting>> {
    const sandboxValues: Record<string, () => Promise<string> | string> = {
      serviceUrl: () => baseUrl,
      tenantId: () => SANDBOX_TENANT_ID,
      serviceSecret: () => sandboxInstallationSecret(deps.store, deps.config.secretKey),
    };
    const settings: Record<string, InstallationSetting> = {};
    for (const parameter of localApp.manifest.parameters ?? []) {
      const configured = localApp.configured[parameter.name];
      const value =
        configured !== undefined
          ? String(configured)
          : sandboxValues[parameter.name]
            ? await sandboxValues[parameter.name]!()
            : parameter.default !== undefined
              ? String(parameter.default)
              : '';
      settings[parameter.name] = { value, secure: parameter.secure === true };
    }
    return settings;
  }

  app.get(WORKBENCH_PREFIX, async (_request, reply) => {
    const page = path.join(WORKBENCH_DIR, 'page', 'index.html');
    const script = path.join(WORKBENCH_DIR, 'dist', 'main.js');
    if (!fs.existsSync(script)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'O workbench ainda não foi compilado: rode `npm run build`. / ' +
            'The workbench is not built yet: run `npm run build`.',
        );
    }
    return reply.type('text/html; charset=utf-8').send(fs.readFileSync(page, 'utf8'));
  });

  /** Who the workbench signs in as, and where the sandbox Zendesk answers. */
  app.get(`${WORKBENCH_PREFIX}/session`, async () => ({
    agent: SANDBOX_AGENTS[0],
    zendeskApiBase: '/sandbox/zendesk',
    account: { subdomain: SANDBOX_TENANT_ID },
  }));

  /**
   * The `zcli apps:server` payload (zendesk/zcli packages/zcli-apps/src/lib/buildAppJSON.ts), with
   * one deliberate difference: secure settings are left out, since this page is a browser.
   */
  app.get(`${WORKBENCH_PREFIX}/app.json`, async (request) => {
    const baseUrl = baseUrlOf(request);
    const installations = [];
    for (const localApp of apps) {
      const settings = await installationSettings(localApp, baseUrl);
      const visible = Object.fromEntries(
        Object.entries(settings)
          .filter(([, setting]) => !setting.secure)
          .map(([name, setting]) => [name, setting.value]),
      );
      installations.push({
        app_id: localApp.id,
        name: localApp.manifest.name,
        collapsible: true,
        enabled: true,
        id: localApp.installationId,
        requirements: {},
        settings: { ...visible, title: localApp.manifest.name },
        updated_at: new Date().toISOString(),
      });
    }
    return {
      apps: apps.map((localApp) => ({
        name: localApp.manifest.name,
        id: localApp.id,
        default_locale: localApp.manifest.defaultLocale,
        location: localApp.manifest.location,
        location_icons: {},
        asset_url_prefix: `${appsOriginOf(baseUrl)}${WORKBENCH_PREFIX}/apps/${localApp.id}/assets/`,
        single_install: localApp.manifest.singleInstall ?? false,
        signed_urls: localApp.manifest.signedUrls ?? false,
        version: localApp.manifest.version,
        framework_version: localApp.manifest.frameworkVersion,
      })),
      installations,
    };
  });

  /** `client.request` of a non-Zendesk URL, as Zendesk's proxy handles it. */
  app.post(`${WORKBENCH_PREFIX}/proxy`, async (request, reply) => {
    const parsed = ProxyBody.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: 'invalid_request', message: parsed.error.issues[0]?.message });
    }
    const { appId, installationId, appsJsonUrl, options } = parsed.data;
    const localApp = apps.find(
      (candidate) => candidate.id === appId && candidate.installationId === installationId,
    );
    if (!localApp && !appsJsonUrl) {
      return reply
        .code(404)
        .send({ error: 'not_found', message: `No installation ${installationId} of app ${appId}.` });
    }
    const baseUrl = baseUrlOf(request);
    try {
      const settings = appsJsonUrl
        ? await zcliInstallationSettings(appsJsonUrl, appId, installationId)
        : await installationSettings(localApp!, baseUrl);
      const outgoing = prepareProxiedRequest(options, settings);
      const whitelist = appsJsonUrl ? [] : (localApp!.manifest.domainWhitelist ?? []);
      assertAllowedHost(outgoing.url, [new URL(baseUrl).host, ...whitelist]);
      const response = await fetch(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        ...(outgoing.body !== undefined ? { body: outgoing.body } : {}),
        signal: AbortSignal.timeout(options.timeout ?? 30_000),
      });
      return {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type') ?? '',
        responseText: await response.text(),
      };
    } catch (err) {
      if (err instanceof ProxyRefusal) {
        return {
          status: err.status,
          statusText: 'error',
          contentType: 'application/json',
          responseText: JSON.stringify({ error: 'proxy_refused', message: err.message }),
        };
      }
      deps.log.warn({ err: (err as Error).message, url: options.url }, 'workbench proxy request failed');
      return { status: 0, statusText: 'error', contentType: '', responseText: (err as Error).message };
    }
  });

  serveFolder(app, `${WORKBENCH_PREFIX}/page/`, path.join(WORKBENCH_DIR, 'page'));
  serveFolder(app, `${WORKBENCH_PREFIX}/js/`, path.join(WORKBENCH_DIR, 'dist'));
  for (const localApp of apps) {
    const assets = path.join(deps.appsDir ?? APPS_DIR, localApp.folder, 'assets');
    serveFolder(app, `${WORKBENCH_PREFIX}/apps/${localApp.id}/assets/`, assets);
  }
}

/**
 * Where the apps' assets are served from. Zendesk serves an app from an origin of its own
 * (`*.apps.zdusercontent.com`; zcli from `localhost:4567`), never the agent page's: the ZAF messages
 * cross origins and the browser gives the app frame its own process and main thread. On loopback
 * the workbench does the same with the machine's other name (127.0.0.1 ↔ localhost); on any other
 * host the apps share the page's origin.
 */
export function appsOriginOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Files of one folder under a URL prefix, read at request time (the folders appear after
 * `npm run build`). A few lines instead of @fastify/static, whose ESM-only dependencies jest cannot load.
 */
function serveFolder(app: FastifyInstance, prefix: string, root: string): void {
  app.get(`${prefix}*`, async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const relative = decodeURIComponent(request.params['*'] ?? '');
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return reply.code(404).send({ error: 'not_found' });
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      return reply.code(404).send({
        error: 'not_found',
        message: `${prefix}${relative} does not exist; built assets appear after \`npm run build\`.`,
      });
    }
    // Revalidated on every load (a rebuild shows at once), answered 304 when unchanged.
    const etag = `"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`;
    reply.header('cache-control', 'no-cache').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply
      .type(CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream')
      .send(fs.createReadStream(file));
  });
}
