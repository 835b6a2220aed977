import type { ConnectorContext } from '../../sync/connector';
import { createHttpClient, perTenant, type HttpClient, type HttpResponse } from '../http';
import {
  MENSAGERIA,
  SESSION_PAGE_SIZE,
  historicOrderKey,
  orderApiId,
  orderPath,
  portalTokenHeaders,
} from './assumptions';
import { MmSessionPage, MmTokenResponse, type MmOrder, type MmSessionRecordInput } from './schemas';

/** Refresh the Mensageria JWT this long before it expires (it lives 1 h). */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** `/orders/historic` takes a comma-separated list; keep URLs short. */
const HISTORIC_BATCH = 20;

const ADMIN_HINT =
  'a MadeiraMadeira recusou o token do portal (TOKENMM): gere um novo em Portal Marketplace › Administração › Integração / ' +
  'MadeiraMadeira rejected the portal token: generate a new one in Portal Marketplace › Administração › Integração';

export interface MadeiraMadeiraClient {
  http: HttpClient;
  /** Bearer JWT for Mensageria, exchanged from the portal token and cached until shortly before expiry. */
  accessToken(): Promise<string>;
  listSessions(page: number, signal?: AbortSignal): Promise<{ sessions: unknown[]; hasMore: boolean }>;
  /** Raw historic sessions (with messages) of these orders, keyed by session id. */
  historicSessions(orders: string[], signal?: AbortSignal): Promise<Map<string, unknown>>;
  /** One order, or null when the order API does not know it. Cached: buyer data does not change. */
  order(orderId: string, signal?: AbortSignal): Promise<unknown | null>;
  sendMessage(sessionId: string, text: string, signal?: AbortSignal): Promise<HttpResponse>;
}

export const madeiraMadeiraClient = perTenant<MadeiraMadeiraClient>((ctx) => {
  const portalToken = ctx.credentials.token ?? '';
  let jwt: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  const orders = new Map<string, unknown | null>();

  // The token exchange uses the portal token only, through the same retrying request function.
  const tokenHttp = createHttpClient({
    source: 'madeiramadeira',
    baseUrl: ctx.baseUrl,
    headers: () => ({ ...portalTokenHeaders(portalToken), 'Content-Type': 'application/json' }),
    hintFor: (status) => (status === 401 || status === 403 ? ADMIN_HINT : undefined),
  });

  async function exchange(): Promise<string> {
    const response = await tokenHttp.request({
      method: 'POST',
      path: `${MENSAGERIA}/auth/generate-token`,
      data: {},
      // Asking for another token is harmless: resend freely.
      idempotent: true,
    });
    const parsed = MmTokenResponse.parse(response.data);
    jwt = { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return jwt.token;
  }

  async function accessToken(): Promise<string> {
    if (jwt && jwt.expiresAt - TOKEN_MARGIN_MS > Date.now()) return jwt.token;
    pending ??= exchange().finally(() => (pending = null));
    return pending;
  }

  const http = createHttpClient({
    source: 'madeiramadeira',
    baseUrl: ctx.baseUrl,
    log: ctx.log,
    headers: async (): Promise<Record<string, string>> => ({
      ...portalTokenHeaders(portalToken),
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await accessToken()}`,
    }),
    // A 401 with a JWT we believed valid (revoked, clock skew): exchange again, once.
    reauthenticate: async () => {
      jwt = null;
      await accessToken();
      return true;
    },
    hintFor: (status) => (status === 401 || status === 403 ? ADMIN_HINT : undefined),
  });

  return {
    http,
    accessToken,
    async listSessions(page, signal) {
      const response = await http.request(
        { method: 'GET', path: `${MENSAGERIA}/seller/historic`, params: { page, limit: SESSION_PAGE_SIZE } },
        signal,
      );
      const parsed = MmSessionPage.parse(response.data);
      const total = parsed.pagination?.total_count;
      const hasMore =
        parsed.data.length > 0 &&
        (total !== undefined ? page * SESSION_PAGE_SIZE < total : parsed.data.length === SESSION_PAGE_SIZE);
      return { sessions: parsed.data, hasMore };
    },
    async historicSessions(orderIds, signal) {
      const bySession = new Map<string, unknown>();
      const unique = [...new Set(orderIds)];
      for (let i = 0; i < unique.length; i += HISTORIC_BATCH) {
        const batch = unique.slice(i, i + HISTORIC_BATCH);
        const response = await http.request<Record<string, unknown>>(
          { method: 'GET', path: `${MENSAGERIA}/orders/historic`, params: { orders: batch.join(',') } },
          signal,
        );
        for (const session of historicEntries(response.data)) {
          const id = (session as { session_id?: unknown }).session_id;
          if (id !== undefined && id !== null) bySession.set(String(id), session);
        }
      }
      return bySession;
    },
    async order(orderId, signal) {
      if (orders.has(orderId)) return orders.get(orderId) ?? null;
      const response = await http.request<{ data?: unknown }>(
        { method: 'GET', path: orderPath(orderId), accept: [404] },
        signal,
      );
      const data = response.status === 404 ? null : response.data?.data;
      const order = (Array.isArray(data) ? data[0] : data) ?? null;
      orders.set(orderId, order);
      return order;
    },
    sendMessage(sessionId, text, signal) {
      return http.request(
        {
          method: 'POST',
          path: `${MENSAGERIA}/message`,
          data: { session_id: Number(sessionId), text, type: 'text' },
          accept: [404, 409, 422],
        },
        signal,
      );
    },
  };
});

/**
 * `/orders/historic` nests sessions as `{ <order>: { sessions: { <YYYY-MM-DD>: [session…] } } }`;
 * one description shows `sessions.data` as the array instead. Both shapes are read.
 */
export function historicEntries(body: unknown): unknown[] {
  const out: unknown[] = [];
  if (!body || typeof body !== 'object') return out;
  for (const perOrder of Object.values(body as Record<string, unknown>)) {
    const sessions = (perOrder as { sessions?: unknown } | null)?.sessions;
    if (Array.isArray(sessions)) out.push(...sessions);
    else if (sessions && typeof sessions === 'object') {
      for (const group of Object.values(sessions)) if (Array.isArray(group)) out.push(...group);
    }
  }
  return out;
}

/** Reads one page of sessions and joins each with its messages and its order. */
export async function readSessionRecords(
  ctx: ConnectorContext,
  page: number,
): Promise<{ records: MmSessionRecordInput[]; hasMore: boolean }> {
  const client = madeiraMadeiraClient(ctx);
  const { sessions, hasMore } = await client.listSessions(page, ctx.signal);
  const keyed = sessions as Array<{ session_id?: unknown; order?: unknown; order_seller?: unknown }>;
  const history = await client.historicSessions(
    keyed
      .filter((s) => s.order !== undefined && s.order !== null)
      .map((s) => historicOrderKey({ order: String(s.order) })),
    ctx.signal,
  );
  const records: MmSessionRecordInput[] = [];
  for (const session of keyed) {
    let order: MmOrder | null = null;
    if (session.order !== undefined && session.order !== null) {
      const id = orderApiId({
        order: String(session.order),
        order_seller:
          session.order_seller === undefined || session.order_seller === null
            ? null
            : String(session.order_seller),
      });
      order = (await client.order(id, ctx.signal)) as MmOrder | null;
    }
    records.push({
      session: session as MmSessionRecordInput['session'],
      history: (history.get(String(session.session_id)) ?? null) as MmSessionRecordInput['history'],
      order: order as MmSessionRecordInput['order'],
    });
  }
  return { records, hasMore };
}
