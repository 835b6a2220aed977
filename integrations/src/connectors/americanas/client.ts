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

/**
 * `/sac` re-lists every ticket on each pass, and at 9 req/s reading each ticket's chats again costs
 * a second per nine tickets. A ticket whose `updated_at` did not move is served from memory — but
 * for at most 10 minutes, so new messages are never missed for long even if `updated_at` turned out
 * not to move on every message (unverified with a real account).
 */
const CHATS_MAX_AGE_MS = 10 * 60_000;
const CHATS_CACHE_SIZE = 20_000;
interface CachedChats {
  updatedAt: string;
  chats: unknown;
  readAt: number;
}
const chatsCache = perTenant<Map<string, CachedChats>>(() => new Map());
function remember(cache: Map<string, CachedChats>, code: string, entry: CachedChats) {
  cache.delete(code);
  cache.set(code, entry);
  if (cache.size > CHATS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

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
  const cache = chatsCache(ctx);
  for (const sac of page.sacs) {
    const { code, updated_at: updatedAt } = sac as { code?: unknown; updated_at?: unknown };
    // A ticket without a code cannot be read further; the stream's schema quarantines it.
    if (typeof code !== 'string' || !code) {
      records.push({ sac, chats: { chats: [] } } as SkySacRecordInput);
      continue;
    }
    const cached = cache.get(code);
    const fresh =
      cached && cached.updatedAt === String(updatedAt) && Date.now() - cached.readAt < CHATS_MAX_AGE_MS;
    const chats = fresh
      ? cached.chats
      : (await http.request({ method: 'GET', path: `/sac/${encodeURIComponent(code)}/chats` }, ctx.signal))
          .data;
    if (!fresh) remember(cache, code, { updatedAt: String(updatedAt), chats, readAt: Date.now() });
    records.push({ sac, chats } as SkySacRecordInput);
  }
  return { records, nextCursor: page.sacs.length > 0 ? cursorOf(page.next_page) : null };
}
