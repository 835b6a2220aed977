/**
 * Spaces calls evenly so a per-second limit is never exceeded (Americanas answers 429 above
 * 9 req/s on /sac). Spacing rather than bursting keeps the limit honest across window edges.
 */
export interface RateLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  // 5% slack: at exactly 1000/n ms, n+1 calls can land inside one fixed one-second window.
  const spacingMs = (1000 / perSecond) * 1.05;
  let nextSlot = 0;
  return {
    async acquire() {
      const t = now();
      const slot = Math.max(t, nextSlot);
      nextSlot = slot + spacingMs;
      const wait = slot - t;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
