/**
 * One request budget per Zendesk account (tenant), shared by every client and worker of that tenant
 * in this process. Zendesk counts requests per account per minute (Team 200, Growth/Professional
 * 400, Enterprise 700, High Volume 2500), so two workers for one tenant must not each believe they
 * have the full allowance.
 *
 * The budget learns from the answers: `X-Rate-Limit-Remaining` / `ratelimit-remaining` +
 * `ratelimit-reset`, and a 429's `Retry-After` pauses the whole tenant, not just the request.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateObservation {
  limit?: number;
  remaining?: number;
  /** Seconds until the window resets. */
  resetSec?: number;
}

export class RateBudget {
  private pausedUntil = 0;
  private remaining: number | null = null;
  private limit: number | null = null;
  private windowResetsAt = 0;

  constructor(
    readonly tenantId: string,
    /** Requests kept in reserve for interactive calls (the sidebar app's context API). */
    private readonly reserve = 2,
  ) {}

  /** Milliseconds to wait before the next request may go out (0 = now). */
  delayMs(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.remaining !== null && this.remaining <= this.reserve && now < this.windowResetsAt) {
      return this.windowResetsAt - now;
    }
    return 0;
  }

  /** Waits (on the caller's clock) until the budget allows a request, then counts it. */
  async acquire(clock: Clock = realClock): Promise<number> {
    let waited = 0;
    for (let delay = this.delayMs(clock.now()); delay > 0; delay = this.delayMs(clock.now())) {
      await clock.sleep(delay);
      waited += delay;
    }
    if (this.remaining !== null) this.remaining -= 1;
    return waited;
  }

  /** Learns from the rate-limit headers of any answer. */
  observe(observation: RateObservation, now: number): void {
    if (observation.limit !== undefined) this.limit = observation.limit;
    if (observation.remaining !== undefined) {
      this.remaining = observation.remaining;
      // Without `ratelimit-reset`, the per-minute window ends at most 60 s from now.
      this.windowResetsAt = now + (observation.resetSec ?? 60) * 1000;
    }
  }

  /** A 429: nobody on this tenant sends anything for `retryAfterMs`. */
  pause(retryAfterMs: number, now: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.remaining = 0;
    this.windowResetsAt = this.pausedUntil;
  }

  snapshot(now = Date.now()): {
    tenantId: string;
    limit: number | null;
    remaining: number | null;
    pausedForMs: number;
  } {
    return {
      tenantId: this.tenantId,
      limit: this.limit,
      remaining: this.remaining,
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }
}

/** The process-wide registry: one budget per tenant. */
export class RateBudgets {
  private readonly budgets = new Map<string, RateBudget>();

  /** `reserve`: requests per window each tenant keeps unused for interactive calls. Default 2. */
  constructor(private readonly reserve = 2) {}

  forTenant(tenantId: string): RateBudget {
    let budget = this.budgets.get(tenantId);
    if (!budget) {
      budget = new RateBudget(tenantId, this.reserve);
      this.budgets.set(tenantId, budget);
    }
    return budget;
  }

  all(): RateBudget[] {
    return [...this.budgets.values()];
  }
}

export const sharedRateBudgets = new RateBudgets();

/** Reads Zendesk's rate-limit headers (both the classic and the `ratelimit-*` family). */
export function readRateHeaders(headers: Record<string, unknown>): RateObservation {
  const num = (name: string): number | undefined => {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === null || value === '') return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  };
  return {
    limit: num('ratelimit-limit') ?? num('x-rate-limit'),
    remaining: num('ratelimit-remaining') ?? num('x-rate-limit-remaining'),
    resetSec: num('ratelimit-reset'),
  };
}

/** `Retry-After` in seconds (Zendesk) or an HTTP date; falls back when absent. */
export function retryAfterMs(value: unknown, now: number, fallbackMs: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null || raw === '') return fallbackMs;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isFinite(date) ? Math.max(0, date - now) : fallbackMs;
}
