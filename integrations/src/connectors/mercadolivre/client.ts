import type { ConnectorContext } from '../../sync/connector';
import { HttpError, createHttpClient, perTenant, type HttpClient } from '../http';
import { MlTokenResponse, type MlClaimRecordInput, type MlPackRecordInput } from './schemas';

const RECONNECT_HINT =
  'o Mercado Livre recusou a autorização: reconecte a conta do vendedor (usuário administrador) em Vitrine › Integrações / ' +
  'Mercado Livre rejected the authorization: reconnect the seller account (an administrator user)';

/**
 * How far back the orders search looks for packs. A full scan (30 days) runs on the first pass and
 * then every 30 minutes; passes in between look at the last 2 days only. Older packs with news are
 * still caught by the unread list (every pass) and by the `messages` notifications that wake the
 * stream. Reading every pack of a month on every poll would cost one request per order per minute.
 */
export const FULL_WINDOW_DAYS = 30;
export const RECENT_WINDOW_DAYS = 2;
const FULL_SCAN_EVERY_MS = 30 * 60_000;
const lastFullScan = perTenant<{ at: number }>(() => ({ at: 0 }));

/** The window a new pass should scan (days back). */
export function windowForNewPass(ctx: ConnectorContext, now = Date.now()): number {
  return now - lastFullScan(ctx).at >= FULL_SCAN_EVERY_MS ? FULL_WINDOW_DAYS : RECENT_WINDOW_DAYS;
}
export const ORDERS_PAGE = 50;
export const CLAIMS_PAGE = 30;
const MESSAGES_PAGE = 100;

export interface MercadoLivreClient {
  http: HttpClient;
  /** The seller's user id: from the credentials, else `GET /users/me` (once). */
  sellerId(): Promise<string>;
  /** Exchanges the current refresh token for new tokens; the old refresh token stops working. */
  refresh(): Promise<void>;
}

export const mercadoLivreClient = perTenant<MercadoLivreClient>((ctx) => {
  const tokens = { access: ctx.credentials.accessToken ?? '', refresh: ctx.credentials.refreshToken ?? '' };
  let pending: Promise<void> | null = null;

  const oauth = createHttpClient({
    source: 'mercadolivre',
    baseUrl: ctx.baseUrl,
    log: ctx.log,
    hintFor: (status) => (status === 400 || status === 401 || status === 403 ? RECONNECT_HINT : undefined),
  });

  async function doRefresh(): Promise<void> {
    const response = await oauth.request({
      method: 'POST',
      path: '/oauth/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: ctx.credentials.clientId ?? '',
        client_secret: ctx.credentials.clientSecret ?? '',
        refresh_token: tokens.refresh,
      }).toString(),
    });
    const parsed = MlTokenResponse.parse(response.data);
    tokens.access = parsed.access_token;
    tokens.refresh = parsed.refresh_token;
    // Only the latest refresh token is valid: persist it before anything else can fail.
    await ctx.saveCredentials?.({ accessToken: tokens.access, refreshToken: tokens.refresh });
  }

  function refresh(): Promise<void> {
    pending ??= doRefresh().finally(() => (pending = null));
    return pending;
  }

  const http = createHttpClient({
    source: 'mercadolivre',
    baseUrl: ctx.baseUrl,
    log: ctx.log,
    headers: async (): Promise<Record<string, string>> => {
      if (!tokens.access) await refresh();
      return { Authorization: `Bearer ${tokens.access}` };
    },
    reauthenticate: async () => {
      await refresh();
      return true;
    },
    hintFor: (status) => (status === 401 || status === 403 ? RECONNECT_HINT : undefined),
  });

  let seller: Promise<string> | null = ctx.credentials.sellerId
    ? Promise.resolve(ctx.credentials.sellerId)
    : null;
  const sellerId = () => {
    seller ??= http
      .request<{ id?: string | number }>({ method: 'GET', path: '/users/me' })
      .then((response) => {
        if (response.data?.id === undefined) throw new Error('mercadolivre: /users/me returned no id');
        return String(response.data.id);
      })
      .catch((error: unknown) => {
        seller = null;
        throw error;
      });
    return seller;
  };

  return { http, sellerId, refresh };
});

/** Every message of one pack (the endpoint pages with limit/offset). `mark_as_read=false`: reading must not hide unread badges from the seller. */
export async function readPack(
  ctx: ConnectorContext,
  packId: string,
): Promise<{ messages: unknown[]; [k: string]: unknown }> {
  const client = mercadoLivreClient(ctx);
  const { http } = client;
  const sellerId = await client.sellerId();
  let offset = 0;
  let first: Record<string, unknown> | null = null;
  const messages: unknown[] = [];
  for (;;) {
    const response = await http.request<Record<string, unknown>>(
      {
        method: 'GET',
        path: `/messages/packs/${encodeURIComponent(packId)}/sellers/${encodeURIComponent(sellerId)}`,
        params: { tag: 'post_sale', mark_as_read: 'false', limit: MESSAGES_PAGE, offset },
      },
      ctx.signal,
    );
    first ??= response.data;
    const page = Array.isArray(response.data.messages) ? response.data.messages : [];
    messages.push(...page);
    const total = (response.data.paging as { total?: number } | undefined)?.total ?? messages.length;
    offset += page.length;
    if (page.length === 0 || offset >= total) break;
  }
  return { ...first, messages };
}

/** `/packs/{pack}/sellers/{seller}` → pack id. */
export function packIdOfResource(resource: string): string | null {
  return /\/packs\/([^/]+)\/sellers\//.exec(resource)?.[1] ?? null;
}

/**
 * One page of `mercadolivre.messages`. Which packs to read: the seller's unread packs (first page
 * only) plus the packs of recent orders, one orders-search page per stream page. A pack id is the
 * order's `pack_id`, or the order id itself when `pack_id` is null.
 */
/** `GET /orders/{id}`: the order, or null when Mercado Livre has no order with that id (404). */
export async function readOrder(ctx: ConnectorContext, orderId: string): Promise<unknown | null> {
  const response = await mercadoLivreClient(ctx).http.request<unknown>(
    { method: 'GET', path: `/orders/${encodeURIComponent(orderId)}`, accept: [404] },
    ctx.signal,
  );
  return response.status === 404 ? null : response.data;
}

/**
 * The order a pack or claim record is about, when the record does not carry it: a pack met only
 * among unread packs (outside this pass's orders search), or a claim. A message's
 * `message_resources` names its order; a pack with no cart has the order's own id; a claim on an
 * order names it as `resource_id`.
 */
export function orderIdOfRecord(record: Record<string, unknown>): string | null {
  const claim = record.claim as { resource?: unknown; resource_id?: unknown } | undefined;
  if (claim) return claim.resource === 'order' && claim.resource_id ? String(claim.resource_id) : null;
  const conversation = record.conversation as { messages?: unknown } | undefined;
  const messages = Array.isArray(conversation?.messages) ? conversation.messages : [];
  for (const message of messages as Array<{ message_resources?: unknown }>) {
    const resources = Array.isArray(message.message_resources) ? message.message_resources : [];
    const order = (resources as Array<{ id?: unknown; name?: unknown }>).find((r) => r.name === 'orders');
    if (order?.id) return String(order.id);
  }
  return record.pack_id ? String(record.pack_id) : null;
}

export async function readPackRecords(
  ctx: ConnectorContext,
  offset: number,
  windowDays: number,
  now = new Date(),
): Promise<{ records: MlPackRecordInput[]; hasMore: boolean }> {
  const client = mercadoLivreClient(ctx);
  const { http } = client;
  const sellerId = await client.sellerId();
  const packs = new Map<string, unknown | null>();
  if (offset === 0) {
    const unread = await http.request<{ results?: Array<{ resource?: string }> }>(
      { method: 'GET', path: '/messages/unread', params: { role: 'seller', tag: 'post_sale' } },
      ctx.signal,
    );
    for (const result of unread.data.results ?? []) {
      const packId = result.resource ? packIdOfResource(result.resource) : null;
      if (packId) packs.set(packId, null);
    }
  }
  const from = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const search = await http.request<{
    results?: Array<Record<string, unknown>>;
    paging?: { total?: number };
  }>(
    {
      method: 'GET',
      path: '/orders/search',
      params: {
        seller: sellerId,
        'order.date_created.from': from,
        sort: 'date_desc',
        offset,
        limit: ORDERS_PAGE,
      },
    },
    ctx.signal,
  );
  const orders = search.data.results ?? [];
  for (const order of orders) {
    const packId = order.pack_id ?? order.id;
    if (packId !== undefined && packId !== null) packs.set(String(packId), order);
  }
  const records: MlPackRecordInput[] = [];
  for (const [packId, order] of packs) {
    const conversation = await readPack(ctx, packId);
    if (conversation.messages.length === 0) continue; // no conversation yet: nothing to sync
    records.push({ pack_id: packId, seller_id: sellerId, order, conversation } as MlPackRecordInput);
  }
  const total = search.data.paging?.total ?? 0;
  const hasMore = orders.length > 0 && offset + orders.length < total;
  if (!hasMore && windowDays >= FULL_WINDOW_DAYS) lastFullScan(ctx).at = now.getTime();
  return { records, hasMore };
}

/** One page of `mercadolivre.claims`, each claim with its messages. */
export async function readClaimRecords(
  ctx: ConnectorContext,
  offset: number,
): Promise<{ records: MlClaimRecordInput[]; hasMore: boolean }> {
  const { http } = mercadoLivreClient(ctx);
  const search = await http.request<{ data?: Array<Record<string, unknown>>; paging?: { total?: number } }>(
    {
      method: 'GET',
      path: '/post-purchase/v1/claims/search',
      params: { offset, limit: CLAIMS_PAGE, sort: 'last_updated:desc' },
    },
    ctx.signal,
  );
  const claims = search.data.data ?? [];
  const records: MlClaimRecordInput[] = [];
  for (const claim of claims) {
    let messages: unknown = [];
    if (claim.id !== undefined && claim.id !== null) {
      try {
        messages = (
          await http.request(
            {
              method: 'GET',
              path: `/post-purchase/v1/claims/${encodeURIComponent(String(claim.id))}/messages`,
            },
            ctx.signal,
          )
        ).data;
      } catch (error) {
        // A claim whose messages are gone (404) still syncs its state; other errors stop the page.
        if (!(error instanceof HttpError && error.status === 404)) throw error;
      }
    }
    records.push({ claim, messages } as MlClaimRecordInput);
  }
  const total = search.data.paging?.total ?? 0;
  return { records, hasMore: claims.length > 0 && offset + claims.length < total };
}
