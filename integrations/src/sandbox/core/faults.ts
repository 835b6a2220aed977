import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fault injection for the simulators, driven by `VITRINE_SANDBOX_FAULT_RATE` (share of simulated
 * requests that fail). Decisions are deterministic: a hash of (seed, method, url, how many times this
 * method+url was seen), so a rerun with the same seed and the same request sequence fails the same
 * requests, whatever the interleaving of unrelated requests.
 *
 * When each fault happens relative to the simulator's state change:
 * - BEFORE the handler (nothing changed; a retry is always safe):
 *   `rate_limited` 429 + Retry-After, `server_error` 500/502/503, `timeout` (held longer than any
 *   client timeout, then 504), `reset` (socket destroyed without an answer).
 * - AFTER the handler (the change IS committed, the answer is lost — a blind retry duplicates):
 *   `lost_answer` (the success body is replaced by a 502) and `reset_after` (socket destroyed
 *   instead of sending the success). These only hit mutating methods (POST/PUT/PATCH/DELETE), where
 *   they matter; on a GET they are served as the "before" variants.
 */

export type FaultKind = 'rate_limited' | 'server_error' | 'timeout' | 'reset' | 'lost_answer' | 'reset_after';

/** Share of each kind among injected faults (sums to 1). */
export const FAULT_MIX: ReadonlyArray<readonly [FaultKind, number]> = [
  ['rate_limited', 0.3],
  ['server_error', 0.25],
  ['lost_answer', 0.15],
  ['reset_after', 0.1],
  ['timeout', 0.1],
  ['reset', 0.1],
];

export interface FaultOptions {
  /** 0..1; 0 disables injection. */
  rate: number;
  seed: number;
  /** How long a `timeout` fault holds the request (longer than the clients' timeouts). Default 35 s. */
  holdMs?: number;
  /** Retry-After seconds sent with an injected 429. Default 1. */
  retryAfterSec?: number;
  /** Override of FAULT_MIX (tests force one kind, e.g. `[['lost_answer', 1]]`). */
  mix?: ReadonlyArray<readonly [FaultKind, number]>;
  /** Requests never faulted (e.g. simulator admin routes). */
  skip?: (request: FastifyRequest) => boolean;
}

export interface FaultStats {
  requests: number;
  injected: Record<FaultKind, number>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class FaultInjector {
  readonly stats: FaultStats = {
    requests: 0,
    injected: { rate_limited: 0, server_error: 0, timeout: 0, reset: 0, lost_answer: 0, reset_after: 0 },
  };
  private readonly seen = new Map<string, number>();
  private readonly held = new Map<NodeJS.Timeout, () => void>();
  /** Set to false to pause injection (e.g. while a test seeds data). */
  enabled = true;

  constructor(readonly options: FaultOptions) {
    if (!(options.rate >= 0 && options.rate <= 1)) {
      throw new Error(`VITRINE_SANDBOX_FAULT_RATE must be between 0 and 1 (got ${options.rate})`);
    }
  }

  private readonly forced: Array<{ kind: FaultKind; method?: string; path?: RegExp }> = [];

  /**
   * Forces the next matching request to fail with `kind`, whatever the rate (tests: "the answer to
   * the next PUT /api/v2/tickets/7 is lost"). `path` is matched against the URL without the query.
   */
  failNext(kind: FaultKind, match: { method?: string; path?: RegExp } = {}, times = 1): void {
    for (let i = 0; i < times; i++) this.forced.push({ kind, ...match });
  }

  /** The fault for this request, or null. Deterministic in (seed, method, url, occurrence). */
  decide(method: string, url: string): FaultKind | null {
    this.stats.requests += 1;
    const pathOnly = url.split('?')[0]!;
    const forcedAt = this.forced.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(pathOnly)),
    );
    if (forcedAt >= 0) {
      const [forced] = this.forced.splice(forcedAt, 1);
      this.stats.injected[forced!.kind] += 1;
      return forced!.kind;
    }
    if (!this.enabled || this.options.rate === 0) return null;
    const key = `${method} ${url}`;
    // URLs carry cursors, so the map would grow for ever in a long demo run; forgetting old
    // occurrences only changes which later requests fail, not how many.
    if (this.seen.size > 100_000) this.seen.clear();
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    const hash = createHash('sha256').update(`${this.options.seed}|${key}|${occurrence}`).digest();
    const roll = hash.readUInt32BE(0) / 0x1_0000_0000;
    if (roll >= this.options.rate) return null;
    const pick = hash.readUInt32BE(4) / 0x1_0000_0000;
    let kind: FaultKind = 'server_error';
    let acc = 0;
    for (const [candidate, share] of this.options.mix ?? FAULT_MIX) {
      acc += share;
      if (pick < acc) {
        kind = candidate;
        break;
      }
    }
    if (!MUTATING.has(method)) {
      if (kind === 'lost_answer') kind = 'server_error';
      if (kind === 'reset_after') kind = 'reset';
    }
    this.stats.injected[kind] += 1;
    return kind;
  }

  /** Holds a request like a hung upstream; released early when the server closes. */
  hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.held.delete(timer);
        resolve();
      }, ms);
      this.held.set(timer, resolve);
    });
  }

  releaseAll(): void {
    for (const [timer, resolve] of this.held) {
      clearTimeout(timer);
      resolve();
    }
    this.held.clear();
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    sandboxFault?: FaultKind | null;
  }
}

const SERVER_ERRORS = [500, 502, 503] as const;

function serverErrorStatus(url: string): number {
  return SERVER_ERRORS[url.length % SERVER_ERRORS.length]!;
}

function destroySocket(request: FastifyRequest): void {
  request.raw.socket.destroy();
}

/**
 * Installs the injector on a fastify scope (a simulator's plugin): every route registered in that
 * scope is subject to faults; routes outside it are not.
 */
export function installFaults(scope: FastifyInstance, injector: FaultInjector): void {
  const holdMs = injector.options.holdMs ?? 35_000;
  const retryAfterSec = injector.options.retryAfterSec ?? 1;

  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (injector.options.skip?.(request)) return;
    const fault = injector.decide(request.method, request.url);
    request.sandboxFault = fault;
    switch (fault) {
      case 'rate_limited':
        return reply.code(429).header('retry-after', String(retryAfterSec)).send({
          error: 'APIRateLimitExceeded',
          description: 'Simulated rate limit (sandbox fault injection)',
        });
      case 'server_error':
        return reply
          .code(serverErrorStatus(request.url))
          .send({ error: 'ServerError', description: 'Simulated upstream failure before any change' });
      case 'timeout':
        await injector.hold(holdMs);
        return reply.code(504).send({ error: 'GatewayTimeout', description: 'Simulated hung upstream' });
      case 'reset':
        destroySocket(request);
        return reply.hijack();
      default:
        return;
    }
  });

  scope.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    // Only successful answers can be "lost": the state change has been committed by now.
    if (reply.statusCode >= 400) return payload;
    if (request.sandboxFault === 'lost_answer') {
      reply.code(502).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        error: 'BadGateway',
        description: 'Simulated lost answer after the change was applied',
      });
    }
    if (request.sandboxFault === 'reset_after') {
      destroySocket(request);
    }
    return payload;
  });

  // Held requests would keep `app.close()` waiting for the full hold.
  scope.addHook('preClose', async () => injector.releaseAll());
}

/** Reads `VITRINE_SANDBOX_FAULT_RATE` style input ("0.2", "20%", empty = 0). */
export function parseFaultRate(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const trimmed = value.trim();
  const rate = trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new Error(`VITRINE_SANDBOX_FAULT_RATE must be a number between 0 and 1, e.g. 0.2 (got "${value}")`);
  }
  return rate;
}
