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
    private readonly clock: Clock = realClock,
    /** Requests kept in reserve for interactive calls (the sidebar app's context API). */
    private readonly reserve = 2,
  ) {}

  /** Milliseconds to wait before the next request may go out (0 = now). */
  delayMs(): number {
    const now = this.clock.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.remaining !== null && this.remaining <= this.reserve && now < this.windowResetsAt) {
      return this.windowResetsAt - now;
    }
    return 0;
  }

  /** Waits until the budget allows a request, then counts it. */
  async acquire(): Promise<number> {
    let waited = 0;
    for (let delay = this.delayMs(); delay > 0; delay = this.delayMs()) {
      await this.clock.sleep(delay);
      waited += delay;
    }
    if (this.remaining !== null) this.remaining -= 1;
    return waited;
  }

  /** Learns from the rate-limit headers of any answer. */
  observe(observation: RateObservation): void {
    if (observation.limit !== undefined) this.limit = observation.limit;
    if (observation.remaining !== undefined) {
      this.remaining = observation.remaining;
      const resetMs = (observation.resetSec ?? this.defaultResetSec()) * 1000;
      this.windowResetsAt = this.clock.now() + resetMs;
    }
  }

  /** A 429: nobody on this tenant sends anything for `retryAfterMs`. */
  pause(retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + retryAfterMs);
    this.remaining = 0;
    this.windowResetsAt = this.pausedUntil;
  }

  snapshot(): { tenantId: string; limit: number | null; remaining: number | null; pausedForMs: number } {
    return {
      tenantId: this.tenantId,
      limit: this.limit,
      remaining: this.remaining,
      pausedForMs: Math.max(0, this.pausedUntil - this.clock.now()),
    };
  }

  private defaultResetSec(): number {
    // Without `ratelimit-reset`, the per-minute window ends at most 60 s from now.
    return 60;
  }
}

/** The process-wide registry: one budget per tenant. */
export class RateBudgets {
  private readonly budgets = new Map<string, RateBudget>();

  constructor(
    private readonly clock: Clock = realClock,
    /** Requests per window each tenant keeps unused for interactive calls. Default 2. */
    private readonly reserve = 2,
  ) {}

  forTenant(tenantId: string): RateBudget {
    let budget = this.budgets.get(tenantId);
    if (!budget) {
      budget = new RateBudget(tenantId, this.clock, this.reserve);
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
