import type { FastifyInstance } from 'fastify';
import type { FaultInjector } from './faults';
import type { SandboxState } from './state';

/** Minimal structured logger (pino satisfies it). */
export interface SandboxLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every simulator receives from `registerSandbox`. */
export interface SandboxContext {
  /** `zendesk`, `madeiramadeira`, … — the path segment under `/sandbox/`. */
  system: string;
  /** Persistent store shared by all simulators (name your collections `<system>.<thing>`). */
  state: SandboxState;
  /** `VITRINE_SANDBOX_SEED`: the dataset and the fault decisions derive from it. */
  seed: number;
  /** `VITRINE_SANDBOX_SCALE`: multiplies the seeded dataset size (1 = demo size). */
  scale: number;
  faults: FaultInjector;
  /** `http://127.0.0.1:PORT` — where the service (and its webhooks) can be reached. */
  publicBaseUrl: string;
  /** `publicBaseUrl + /sandbox/<system>` — what a client of this simulator uses as base URL. */
  baseUrl: string;
  dataDir: string;
  log: SandboxLogger;
  /** Runs `fn` every `ms` until the server closes (errors are logged, never thrown). */
  every(ms: number, fn: () => void | Promise<void>): void;
  /** Runs `fn` once after `ms` unless the server closes first. */
  later(ms: number, fn: () => void | Promise<void>): void;
}

/**
 * A simulator: registers its routes on `scope`, which is already prefixed with `/sandbox/<system>`
 * and wrapped by fault injection. Export it from `sandbox/<system>/index.ts` as
 * `register<Name>Sandbox`.
 */
export type SandboxSimulator = (scope: FastifyInstance, ctx: SandboxContext) => unknown;
