import type { ConnectorContext } from '../../sync/connector';

/**
 * Connectors are stateless objects but their clients are not: a cached JWT, the latest rotated
 * refresh token and a rate limiter must outlive one `readPage` call. One client per tenant, base
 * URL and credentials; a credential change (a new key pasted by the admin) yields a new client.
 */
export function perTenant<C>(build: (ctx: ConnectorContext) => C): (ctx: ConnectorContext) => C {
  const clients = new Map<string, C>();
  return (ctx) => {
    const key = JSON.stringify([ctx.tenantId, ctx.baseUrl, ctx.credentials]);
    let client = clients.get(key);
    if (!client) {
      client = build(ctx);
      clients.set(key, client);
    }
    return client;
  };
}
