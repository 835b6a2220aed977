import type { ConnectorContext } from '../../sync/connector';
import { createHttpClient, createRateLimiter, perTenant, type HttpClient, type RateLimiter } from '../http';
import { SkySacPage, type SkySacRecordInput } from './schemas';

const ADMIN_HINT =
  'a Americanas recusou as credenciais: confira o e-mail da loja e gere uma nova chave em Integrações › Credenciais API / ' +
  'Americanas rejected the credentials: check the store e-mail and generate a new key in Integrações › Credenciais API';

/**
 * SkyHub limits each token per endpoint AND method: SAC 9 req/s, queues 9 req/s, order reads
 * 1 req/s, everything else 1 req/s. Exceeding answers 429, so we space our own calls instead.
 */
function limiters(): (method: string, path: string) => RateLimiter {
  const byKey = new Map<string, RateLimiter>();
  const get = (key: string, perSecond: number) => {
    let limiter = byKey.get(key);
    if (!limiter) byKey.set(key, (limiter = createRateLimiter(perSecond)));
    return limiter;
  };
  return (method, path) => {
    if (path.startsWith('/sac')) return get(`sac:${method}`, 9);
    if (path.startsWith('/queues')) return get(`queues:${method}`, 9);
    if (path.startsWith('/orders'))
      return method === 'GET'
        ? get(`orders:GET:${path === '/orders' ? 'list' : 'one'}`, 1)
        : get(`orders:${method}`, 9);
    return get(`other:${method}`, 1);
  };
}

export const americanasClient = perTenant<HttpClient>((ctx) =>
  createHttpClient({
    source: 'americanas',
    baseUrl: ctx.baseUrl,
    log: ctx.log,
    headers: () => ({
      'X-User-Email': ctx.credentials.userEmail ?? '',
      'X-Api-Key': ctx.credentials.apiKey ?? '',
      'X-Accountmanager-Key': ctx.credentials.accountManagerKey ?? '',
      'Content-Type': 'application/json',
    }),
    limiterFor: limiters(),
    hintFor: (status) => (status === 401 || status === 403 ? ADMIN_HINT : undefined),
  }),
);

/** The `cursor` query parameter of a `next_page` URL (the host in it is the real one, never used). */
export function cursorOf(nextPage: string | null | undefined): string | null {
  if (!nextPage) return null;
  try {
    return new URL(nextPage, 'https://api.skyhub.com.br').searchParams.get('cursor');
  } catch {
    return null;
  }
}

/** One `/sac` page, each ticket joined with its chats. */
export async function readSacRecords(
  ctx: ConnectorContext,
  cursor: string | null,
): Promise<{ records: SkySacRecordInput[]; nextCursor: string | null }> {
  const http = americanasClient(ctx);
  const response = await http.request(
    { method: 'GET', path: '/sac', params: cursor ? { cursor } : {} },
    ctx.signal,
  );
  const page = SkySacPage.parse(response.data ?? {});
  const records: SkySacRecordInput[] = [];
  for (const sac of page.sacs) {
    const code = (sac as { code?: unknown }).code;
    // A ticket without a code cannot be read further; the stream's schema quarantines it.
    const chats =
      typeof code === 'string' && code
        ? (await http.request({ method: 'GET', path: `/sac/${encodeURIComponent(code)}/chats` }, ctx.signal))
            .data
        : { chats: [] };
    records.push({ sac, chats } as SkySacRecordInput);
  }
  return { records, nextCursor: page.sacs.length > 0 ? cursorOf(page.next_page) : null };
}
