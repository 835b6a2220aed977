import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerSandbox, type SandboxHandle, type SandboxOptions } from '../plugin';
import type { SandboxLogger } from './context';

/**
 * Starts the simulators on a real fastify listening on 127.0.0.1:0 — for tests and benchmarks that
 * want the outside world without the whole service. Pass the same `dataDir` again to "restart"
 * against the persisted state.
 */

export const silentLogger: SandboxLogger = { debug() {}, info() {}, warn() {}, error() {} };

export interface RunningSandbox {
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT` */
  url: string;
  dataDir: string;
  handle: SandboxHandle;
  /** `http://127.0.0.1:PORT/sandbox/<system>` */
  baseUrl(system: string): string;
  close(): Promise<void>;
}

export interface StartSandboxOptions extends Partial<Omit<SandboxOptions, 'publicBaseUrl'>> {
  /** Extra routes on the same server (e.g. a webhook receiver standing in for the service). */
  extraRoutes?: (app: FastifyInstance) => void | Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-sandbox-'));
  const app = Fastify({ forceCloseConnections: true });
  let url = '';
  await options.extraRoutes?.(app);
  const { extraRoutes: _extra, ...sandboxOptions } = options;
  const handle = await registerSandbox(app, {
    ...sandboxOptions,
    dataDir,
    seed: options.seed ?? 1,
    scale: options.scale ?? 1,
    faultRate: options.faultRate ?? 0,
    log: options.log ?? silentLogger,
    publicBaseUrl: () => url,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    url,
    dataDir,
    handle,
    baseUrl: (system) => handle.baseUrl(system),
    close: () => app.close(),
  };
}
