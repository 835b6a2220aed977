/**
 * Zendesk's per-account request limits: requests per minute by plan, counted in a fixed window,
 * plus tighter per-endpoint limits (incremental exports 10/min). Over the limit: 429 with
 * `Retry-After` in seconds. Every answer carries the rate-limit headers so clients can pace themselves.
 */

export const PLAN_LIMITS = {
  team: 200,
  growth: 400,
  professional: 400,
  enterprise: 700,
  enterprise_plus: 2500,
  high_volume: 2500,
} as const;
export type ZendeskPlan = keyof typeof PLAN_LIMITS;

interface Window {
  startedAt: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSec: number;
}

export class SandboxRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    private readonly windowMs = 60_000,
    private readonly endpointLimits: ReadonlyArray<{ name: string; match: RegExp; perWindow: number }> = [
      { name: 'incremental-exports', match: /\/api\/v2\/incremental\//, perWindow: 10 },
    ],
  ) {}

  private take(key: string, limit: number): { allowed: boolean; remaining: number; resetMs: number } {
    const now = this.now();
    const start = now - (now % this.windowMs);
    let window = this.windows.get(key);
    if (!window || window.startedAt !== start) {
      window = { startedAt: start, count: 0 };
      this.windows.set(key, window);
    }
    const resetMs = start + this.windowMs - now;
    if (window.count >= limit) return { allowed: false, remaining: 0, resetMs };
    window.count += 1;
    return { allowed: true, remaining: limit - window.count, resetMs };
  }

  /**
   * `countsAgainstAccount: false` for the agent interface's own requests: Zendesk does not count
   * them against the plan's per-minute limit, but endpoint limits apply to them as to anyone.
   */
  private peek(key: string, limit: number): { allowed: boolean; remaining: number; resetMs: number } {
    const now = this.now();
    const start = now - (now % this.windowMs);
    const window = this.windows.get(key);
    const count = window && window.startedAt === start ? window.count : 0;
    return { allowed: true, remaining: Math.max(0, limit - count), resetMs: start + this.windowMs - now };
  }

  check(
    path: string,
    { countsAgainstAccount = true }: { countsAgainstAccount?: boolean } = {},
  ): RateDecision {
    const account = countsAgainstAccount
      ? this.take('account', this.perMinute)
      : this.peek('account', this.perMinute);
    const headers: Record<string, string> = {
      'X-Rate-Limit': String(this.perMinute),
      'X-Rate-Limit-Remaining': String(account.remaining),
      'ratelimit-limit': String(this.perMinute),
      'ratelimit-remaining': String(account.remaining),
      'ratelimit-reset': String(Math.max(1, Math.ceil(account.resetMs / 1000))),
    };
    if (!account.allowed)
      return { allowed: false, headers, retryAfterSec: Math.max(1, Math.ceil(account.resetMs / 1000)) };
    for (const endpoint of this.endpointLimits) {
      if (!endpoint.match.test(path)) continue;
      const limited = this.take(endpoint.name, endpoint.perWindow);
      const resets = Math.max(1, Math.ceil(limited.resetMs / 1000));
      headers[`Zendesk-RateLimit-${endpoint.name}`] =
        `total=${endpoint.perWindow}; remaining=${limited.remaining}; resets=${resets}`;
      if (!limited.allowed) return { allowed: false, headers, retryAfterSec: resets };
    }
    return { allowed: true, headers, retryAfterSec: 0 };
  }
}
