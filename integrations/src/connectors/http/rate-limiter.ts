/**
 * Spaces calls evenly so a per-second limit is never exceeded (Americanas answers 429 above
 * 9 req/s on /sac). Spacing rather than bursting keeps the limit honest across window edges.
 */
export interface RateLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  const spacingMs = 1000 / perSecond;
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
