import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MarketplaceSource } from '@vitrine/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { SANDBOX_MARKETPLACE_CREDENTIALS } from '../../config/sandbox-tenant';
import type { ConnectorContext } from '../../sync/connector';
import { registerSandbox, type SandboxHandle, type SandboxOptions } from '../plugin';

/**
 * A real fastify on 127.0.0.1:0 with the marketplace simulators mounted the way the service mounts
 * them (same plugin, fault injection included). For tests and benchmarks of the connectors.
 */
export interface MarketplaceSandbox {
  app: FastifyInstance;
  sandbox: SandboxHandle;
  baseUrl(source: MarketplaceSource): string;
  /** A connector context pointed at the simulator, with the sandbox tenant's credentials. */
  connectorContext(source: MarketplaceSource, credentials?: Record<string, string>): ConnectorContext;
  dataDir: string;
  close(): Promise<void>;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export async function startMarketplaceSandbox(
  options: {
    systems: MarketplaceSource[];
    seed?: number;
    scale?: number;
    faultRate?: number;
    /** How long an injected timeout holds a request (default 200 ms here, to keep tests fast). */
    faultHoldMs?: number;
    dataDir?: string;
    /** Per-simulator options, as `registerSandbox` takes them. */
    simulators?: Pick<SandboxOptions, 'madeiramadeira' | 'americanas' | 'mercadolivre'>;
  } = {
    systems: ['madeiramadeira', 'americanas', 'mercadolivre'],
  },
): Promise<MarketplaceSandbox> {
  const previousTick = process.env.VITRINE_SANDBOX_TICK_MS;
  process.env.VITRINE_SANDBOX_TICK_MS = '0'; // tests tick by hand
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-sandbox-'));
  const app = Fastify({ logger: false });
  let port = 0;
  const sandbox = await registerSandbox(app, {
    dataDir,
    seed: options.seed ?? 42,
    scale: options.scale ?? 1,
    faultRate: options.faultRate ?? 0,
    faultHoldMs: options.faultHoldMs ?? 200,
    publicBaseUrl: () => `http://127.0.0.1:${port}`,
    log: quiet,
    systems: options.systems,
    ...options.simulators,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
  if (previousTick === undefined) delete process.env.VITRINE_SANDBOX_TICK_MS;
  else process.env.VITRINE_SANDBOX_TICK_MS = previousTick;
  let n = 0;
  return {
    app,
    sandbox,
    baseUrl: (source) => sandbox.baseUrl(source),
    connectorContext: (source, credentials) => ({
      // A distinct tenant per context: connector clients cache tokens per tenant.
      tenantId: `test-${process.pid}-${++n}`,
      baseUrl: sandbox.baseUrl(source),
      credentials: credentials ?? { ...SANDBOX_MARKETPLACE_CREDENTIALS[source] },
      log: quiet,
    }),
    dataDir,
    close: () => app.close(),
  };
}
