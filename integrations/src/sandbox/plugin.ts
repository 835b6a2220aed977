import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext, SandboxLogger, SandboxSimulator } from './core/context';
import { FaultInjector, installFaults } from './core/faults';
import { SandboxScheduler } from './core/scheduler';
import { SandboxState } from './core/state';
import { registerAmericanasSandbox, type AmericanasSandboxOptions } from './americanas';
import { registerMadeiraMadeiraSandbox, type MadeiraMadeiraSandboxOptions } from './madeiramadeira';
import { registerMercadoLivreSandbox, type MercadoLivreSandboxOptions } from './mercadolivre';
import { registerZendeskSandbox, type ZendeskSandbox, type ZendeskSandboxOptions } from './zendesk';

export interface SandboxOptions {
  /** Where `sandbox.db` lives (the service's `VITRINE_DATA_DIR`). */
  dataDir: string;
  seed: number;
  scale: number;
  /** 0..1, `VITRINE_SANDBOX_FAULT_RATE`. */
  faultRate: number;
  /** `http://127.0.0.1:PORT`; a function when the port is only known after `listen` (port 0). */
  publicBaseUrl: string | (() => string);
  log: SandboxLogger;
  /** How long an injected `timeout` fault holds a request (default 35 s, above client timeouts). */
  faultHoldMs?: number;
  /** Retry-After seconds of injected 429s (default 1). */
  faultRetryAfterSec?: number;
  /** Mount only these systems (default: every simulator available). */
  systems?: string[];
  zendesk?: ZendeskSandboxOptions;
  madeiramadeira?: MadeiraMadeiraSandboxOptions;
  americanas?: AmericanasSandboxOptions;
  mercadolivre?: MercadoLivreSandboxOptions;
}

export interface SandboxHandle {
  state: SandboxState;
  faults: FaultInjector;
  scheduler: SandboxScheduler;
  /** Systems mounted, e.g. `['zendesk', 'madeiramadeira', …]`. */
  systems: string[];
  /** Base URL a client uses for a system: `<publicBaseUrl>/sandbox/<system>`. */
  baseUrl(system: string): string;
  /** The simulated Zendesk account (tests and the demo reach its state directly). */
  zendesk: ZendeskSandbox | null;
}

interface SimulatorEntry {
  system: string;
  register: SandboxSimulator;
}

/** Routes under `/sandbox/<system>/_sandbox/…` control a simulator (tests, the demo) and are never faulted. */
export const SANDBOX_CONTROL_SEGMENT = '/_sandbox/';

/**
 * Mounts every simulator under `/sandbox/<system>/…` on the service's own server, with fault
 * injection and one persistent store (`<dataDir>/sandbox.db`) that outlives service restarts.
 */
export async function registerSandbox(app: FastifyInstance, opts: SandboxOptions): Promise<SandboxHandle> {
  const state = SandboxState.open(path.join(opts.dataDir, 'sandbox.db'));
  const faults = new FaultInjector({
    rate: opts.faultRate,
    seed: opts.seed,
    holdMs: opts.faultHoldMs,
    retryAfterSec: opts.faultRetryAfterSec,
    skip: (request) => request.url.includes(SANDBOX_CONTROL_SEGMENT),
  });
  const scheduler = new SandboxScheduler(opts.log);
  const publicBaseUrl = () =>
    typeof opts.publicBaseUrl === 'function' ? opts.publicBaseUrl() : opts.publicBaseUrl;
  const baseUrl = (system: string) => `${publicBaseUrl().replace(/\/$/, '')}/sandbox/${system}`;

  let zendesk: ZendeskSandbox | null = null;
  const entries: SimulatorEntry[] = [
    {
      system: 'zendesk',
      register: async (scope, ctx) => {
        zendesk = await registerZendeskSandbox(scope, ctx, opts.zendesk);
      },
    },
    {
      system: 'madeiramadeira',
      register: (scope, ctx) => registerMadeiraMadeiraSandbox(scope, ctx, opts.madeiramadeira),
    },
    {
      system: 'americanas',
      register: (scope, ctx) => registerAmericanasSandbox(scope, ctx, opts.americanas),
    },
    {
      system: 'mercadolivre',
      register: (scope, ctx) => registerMercadoLivreSandbox(scope, ctx, opts.mercadolivre),
    },
  ];

  const systems: string[] = [];
  for (const entry of entries) {
    if (opts.systems && !opts.systems.includes(entry.system)) continue;
    const ctx: SandboxContext = {
      system: entry.system,
      state,
      seed: opts.seed,
      scale: opts.scale,
      faults,
      dataDir: opts.dataDir,
      log: opts.log,
      get publicBaseUrl() {
        return publicBaseUrl();
      },
      get baseUrl() {
        return baseUrl(entry.system);
      },
      every: (ms, fn) => scheduler.every(ms, fn, `sandbox ${entry.system}`),
      later: (ms, fn) => scheduler.later(ms, fn, `sandbox ${entry.system}`),
    };
    await app.register(
      async (scope) => {
        installFaults(scope, faults);
        await entry.register(scope, ctx);
      },
      { prefix: `/sandbox/${entry.system}` },
    );
    systems.push(entry.system);
  }

  app.addHook('preClose', async () => {
    await scheduler.stop();
  });
  app.addHook('onClose', async () => state.close());

  return { state, faults, scheduler, systems, baseUrl, zendesk };
}
