/**
 * SkyHub's documented limits per token, endpoint and method (fixed one-second windows): SAC and
 * queues 9 req/s, order reads 1 req/s, everything else 1 req/s. Above them: 429.
 */
export function skyhubLimitFor(method: string, path: string): { key: string; perSecond: number } {
  if (path.startsWith('/sac')) return { key: `sac:${method}`, perSecond: 9 };
  if (path.startsWith('/queues')) return { key: `queues:${method}`, perSecond: 9 };
  if (path.startsWith('/orders'))
    return method === 'GET'
      ? { key: `orders:GET:${path === '/orders' ? 'list' : 'one'}`, perSecond: 1 }
      : { key: `orders:${method}`, perSecond: 9 };
  return { key: `other:${method}`, perSecond: 1 };
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  /** True when the request fits; counts it. */
  take(tokenKey: string, method: string, path: string, now = Date.now()): boolean {
    const { key, perSecond } = skyhubLimitFor(method, path);
    const full = `${tokenKey}|${key}`;
    const second = Math.floor(now / 1000);
    const window = this.windows.get(full);
    if (!window || window.second !== second) {
      this.windows.set(full, { second, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perSecond;
  }
}
