import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { reachableHost } from '../config/load';
import type { VitrineConfig } from '../config/types';
import type { Logger } from '../logging';
import { createMetrics, type VitrineMetrics } from '../metrics';
import type { SandboxHandle, SandboxOptions } from '../sandbox/plugin';
import type { Store } from '../store/db';
import { installErrorHandling } from './errors';
import { keepRawJsonBodies } from './raw-body';
import { CONTEXT_API_PREFIX, registerContextRoutes } from './routes/context';
import { registerHealthRoute } from './routes/health';
import { registerMetricsRoute } from './routes/metrics';
import { registerWebhookRoutes, WEBHOOKS_PREFIX } from './routes/webhooks';
import { registerWorkbenchRoutes, WORKBENCH_PREFIX } from './routes/workbench';
import type { SyncRuntime } from './sync-runtime';

export interface ServerDeps {
  config: VitrineConfig;
  store: Store;
  log: Logger;
  /** Created (reading the store) when not given. */
  metrics?: VitrineMetrics;
  /** The sync engine; its webhook routes are mounted under `/webhooks`. */
  syncRuntime?: SyncRuntime;
  /** Mount the simulators under `/sandbox/…` (default: `config.sandbox.enabled`). */
  mountSandbox?: boolean;
  /** Passed to the sandbox (tests shorten fault timings, pick systems). */
  sandboxOptions?: Partial<
    Pick<SandboxOptions, 'faultHoldMs' | 'faultRetryAfterSec' | 'systems' | 'zendesk'>
  >;
}

export interface ServedUrl {
  label: string;
  url: string;
}

export interface VitrineServer {
  app: FastifyInstance;
  metrics: VitrineMetrics;
  sandbox: SandboxHandle | undefined;
  /** `http://host:port` clients on this machine use; right after `listen`, also with PORT=0. */
  publicBaseUrl(): string;
  /** What the server serves, for the startup banner. */
  servedUrls(): ServedUrl[];
}

const QUIET_PATHS = /^\/(sandbox\/|metrics|healthz)/;

/** Builds the fastify app; call `app.listen` (or `app.inject` in tests) afterwards. */
export async function buildServer(deps: ServerDeps): Promise<VitrineServer> {
  const { config, store, log } = deps;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Marketplace payloads with attachments metadata can be large; nothing legitimate exceeds this.
    bodyLimit: 5 * 1024 * 1024,
    // The sync engine polls the simulators and Prometheus scrapes every few seconds: logging each of
    // those requests would bury the lines that matter (webhooks, the apps' API, errors).
    logController: new LogController({ disableRequestLogging: (request) => QUIET_PATHS.test(request.url) }),
  });
  const metrics = deps.metrics ?? createMetrics({ store });

  keepRawJsonBodies(app);
  installErrorHandling(app);

  const publicBaseUrl = () => {
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    return `http://${reachableHost(config.host)}:${port}`;
  };

  registerHealthRoute(app, store);
  registerMetricsRoute(app, metrics);
  const webhooksMounted = await registerWebhookRoutes(app, deps.syncRuntime);

  await registerContextRoutes(app, { config, store, log });
  // The workbench (the apps hosted on a local agent page) exists in sandbox mode only.
  await registerWorkbenchRoutes(app, { config, store, log });

  let sandbox: SandboxHandle | undefined;
  if (deps.mountSandbox ?? config.sandbox.enabled) {
    // Loaded only in sandbox mode: a production service never carries the simulators' routes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { registerSandbox } = require('../sandbox/plugin') as typeof import('../sandbox/plugin');
    sandbox = await registerSandbox(app, {
      dataDir: config.dataDir,
      seed: config.sandbox.seed,
      scale: config.sandbox.scale,
      faultRate: config.sandbox.faultRate,
      publicBaseUrl,
      log: log.child({ component: 'sandbox' }),
      ...deps.sandboxOptions,
    });
  }

  const servedUrls = (): ServedUrl[] => {
    const base = publicBaseUrl();
    const urls: ServedUrl[] = [
      { label: 'health', url: `${base}/healthz` },
      { label: 'metrics', url: `${base}/metrics` },
    ];
    if (webhooksMounted) {
      for (const tenant of config.tenants) {
        urls.push({
          label: `Zendesk webhook (${tenant.id})`,
          url: `${base}${WEBHOOKS_PREFIX}/zendesk/${tenant.id}`,
        });
      }
    }
    urls.push({ label: 'apps API', url: `${base}${CONTEXT_API_PREFIX}` });
    if (config.sandbox.enabled) urls.push({ label: 'workbench (apps)', url: `${base}${WORKBENCH_PREFIX}` });
    for (const system of sandbox?.systems ?? []) {
      urls.push({ label: `sandbox ${system}`, url: `${base}/sandbox/${system}` });
    }
    return urls;
  };

  // A person opening the service in a browser sees what it serves.
  app.get('/', async () => ({
    service: 'vitrine',
    mode: config.sandbox.enabled ? 'sandbox' : 'production',
    tenants: config.tenants.map((t) => t.id),
    links: servedUrls(),
  }));

  return { app, metrics, sandbox, publicBaseUrl, servedUrls };
}
