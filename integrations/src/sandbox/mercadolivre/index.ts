import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import axios from 'axios';
import { SANDBOX_MARKETPLACE_CREDENTIALS, SANDBOX_TENANT_ID } from '../../config/sandbox-tenant';
import type { SandboxContext } from '../core/context';
import { sandboxDataset } from '../dataset';
import {
  appendMessage,
  conversationsOf,
  customersOf,
  ordersOf,
  recordReply,
  registerControlRoutes,
  seedMarketplace,
  tickIntervalMs,
  tickOnce,
  type StoredConversation,
} from '../marketplace-kit';
import {
  claim,
  claimMessage,
  conversationStatus,
  mlOrder,
  mlUserId,
  moderationReason,
  packMessage,
} from './render';

export interface MercadoLivreSandboxOptions {
  /** Lifetime of access tokens issued by `/oauth/token` (the real ones live 6 h). */
  accessTokenTtlSec?: number;
  /** Pace of new buyer messages; 0 disables (default from `VITRINE_SANDBOX_TICK_MS`). */
  tickMs?: number;
  /**
   * Where notifications are POSTed (the app's callback URL). Default: the service's own
   * `/webhooks/mercadolivre/<sandbox tenant>`; null to only list them in `/missed_feeds`.
   */
  notificationUrl?: string | null;
}

const SOURCE = 'mercadolivre';

/** A notification the simulator produced; listed by `/missed_feeds` unless the callback took it. */
export interface FeedEntry {
  _id: string;
  resource: string;
  user_id: number;
  topic: string;
  application_id: string;
  attempts: number;
  sent: string;
  received: string;
  actions?: string[];
  /** Whether the callback answered 200 within 500 ms; only undelivered ones are "missed". */
  delivered?: boolean;
}

/**
 * Mercado Livre simulator at `/sandbox/mercadolivre/…`: OAuth refresh with single-use refresh
 * tokens, `/users/me`, orders search, post-sale messages by pack (`tag=post_sale` required,
 * moderation rejecting contact data and links, seller-started conversations blocked), unread packs,
 * claims with messages and `send-message`, and `/missed_feeds` of the notifications it produced.
 */
export async function registerMercadoLivreSandbox(
  scope: FastifyInstance,
  ctx: SandboxContext,
  options: MercadoLivreSandboxOptions = {},
): Promise<void> {
  seedMarketplace(ctx, SOURCE);
  const creds = SANDBOX_MARKETPLACE_CREDENTIALS.mercadolivre;
  const sellerId = Number(sandboxDataset(ctx).mercadoLivreSellerId);
  const conversations = conversationsOf(ctx.state, SOURCE);
  const orders = ordersOf(ctx.state, SOURCE);
  const customers = customersOf(ctx.state);
  const tokens = ctx.state.collection<{ expiresAt: number }>(`${SOURCE}.tokens`);
  const feed = ctx.state.collection<FeedEntry>(`${SOURCE}.feed`);
  const REFRESH_KEY = `${SOURCE}.refreshToken`;
  if (!ctx.state.getMeta<string>(REFRESH_KEY)) ctx.state.setMeta(REFRESH_KEY, creds.refreshToken);
  const ttlSec = options.accessTokenTtlSec ?? 21_600;

  const buyerOf = (c: StoredConversation) => mlUserId({ id: c.customerId });
  const packs = () => conversations.list((c) => c.kind === 'pack');
  const claims = () => conversations.list((c) => c.kind === 'claim');

  const notificationUrl =
    options.notificationUrl === undefined
      ? () => `${ctx.publicBaseUrl}/webhooks/mercadolivre/${SANDBOX_TENANT_ID}`
      : () => options.notificationUrl;

  /** Records a notification and POSTs it like Mercado Livre: answer 200 within 500 ms or it is missed. */
  const notify = (topic: string, resource: string) => {
    const now = new Date().toISOString();
    const id = `feed-${ctx.state.nextValue(`${SOURCE}.feed.seq`)}`;
    const entry: FeedEntry = {
      _id: id,
      resource,
      user_id: sellerId,
      topic,
      application_id: creds.clientId!,
      attempts: 1,
      sent: now,
      received: now,
      actions: ['created'],
    };
    feed.put(id, { ...entry, delivered: false });
    const url = notificationUrl();
    if (!url) return;
    ctx.later(0, async () => {
      const response = await axios
        .post(url, entry, { timeout: 500, validateStatus: () => true })
        .catch(() => null);
      if (response?.status === 200) feed.update(id, (e) => ({ ...e, delivered: true }));
    });
  };

  const tick = () =>
    tickOnce(
      ctx,
      SOURCE,
      (c) => c.kind === 'pack' && c.status !== 'closed',
      (c, m) => {
        const order = orders.get(c.orderId)!;
        notify('messages', `/messages/${packMessage(m, order, buyerOf(c), sellerId).id}`);
      },
    );
  registerControlRoutes(scope, ctx, SOURCE, tick);
  scope.get('/_sandbox/feed', async () => ({ notifications: feed.list() }));
  const every = tickIntervalMs(options.tickMs);
  if (every > 0) ctx.every(every, () => void tick());

  const invalidToken = (reply: FastifyReply) =>
    reply.code(401).send({ message: 'invalid access token', error: 'unauthorized', status: 401, cause: [] });
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.includes('/_sandbox/') || request.url.includes('/oauth/token')) return;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) return invalidToken(reply);
    if (bearer === creds.accessToken) return;
    const token = tokens.get(bearer);
    if (!token || token.expiresAt <= Date.now()) return invalidToken(reply);
  });

  scope.post<{ Body: Record<string, string> | undefined }>('/oauth/token', async (request, reply) => {
    const body = request.body ?? {};
    if (body.grant_type !== 'refresh_token')
      return reply.code(400).send({ error: 'unsupported_grant_type', status: 400 });
    if (body.client_id !== creds.clientId || body.client_secret !== creds.clientSecret) {
      return reply
        .code(401)
        .send({ error: 'invalid_client', message: 'invalid client_id or client_secret', status: 401 });
    }
    if (!body.refresh_token || body.refresh_token !== ctx.state.getMeta<string>(REFRESH_KEY)) {
      return reply.code(400).send({
        error: 'invalid_grant',
        message:
          'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
        status: 400,
      });
    }
    const n = ctx.state.nextValue(`${SOURCE}.oauth.seq`);
    const accessToken = `APP_USR-sandbox-${n}-${Math.random().toString(36).slice(2, 10)}`;
    const refreshToken = `TG-sandbox-${n}-${Math.random().toString(36).slice(2, 10)}`;
    ctx.state.transaction(() => {
      tokens.put(accessToken, { expiresAt: Date.now() + ttlSec * 1000 });
      // Only the latest refresh token is valid.
      ctx.state.setMeta(REFRESH_KEY, refreshToken);
    });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttlSec,
      scope: 'offline_access read write',
      user_id: sellerId,
      refresh_token: refreshToken,
    };
  });

  scope.get('/users/me', async () => ({
    id: sellerId,
    nickname: 'LOJAVITRINEDEMO',
    site_id: 'MLB',
    user_type: 'normal',
  }));

  const renderOrder = (id: string) => {
    const order = orders.get(id)!;
    return mlOrder(order, customers.get(order.customerId), sellerId);
  };

  scope.get<{ Querystring: Record<string, string | undefined> }>('/orders/search', async (request, reply) => {
    if (request.query.seller !== String(sellerId))
      return reply.code(403).send({ message: 'caller.id does not match seller', status: 403 });
    const from = request.query['order.date_created.from'];
    const offset = Number(request.query.offset ?? 0) || 0;
    const limit = Math.min(51, Number(request.query.limit ?? 50) || 50);
    const all = orders
      .list((o) => !from || Date.parse(o.placedAt) >= Date.parse(from))
      .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
    return {
      query: '',
      results: all.slice(offset, offset + limit).map((o) => renderOrder(o.id)),
      paging: { total: all.length, offset, limit },
    };
  });

  scope.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    const order = orders.findOneBy('number', request.params.id);
    if (!order) return reply.code(404).send({ message: 'Order not found', error: 'not_found', status: 404 });
    return renderOrder(order.id);
  });

  const requireTag = (request: FastifyRequest<{ Querystring: { tag?: string } }>, reply: FastifyReply) => {
    if (request.query.tag !== 'post_sale') {
      void reply
        .code(400)
        .send({ message: 'tag post_sale is required', error: 'bad_request', status: 400, cause: [] });
      return false;
    }
    return true;
  };

  scope.get<{ Querystring: { role?: string; tag?: string } }>('/messages/unread', async (request, reply) => {
    if (!requireTag(request, reply)) return reply;
    const results = packs()
      .map((c) => {
        let count = 0;
        for (let i = c.messages.length - 1; i >= 0 && c.messages[i]!.author === 'customer'; i--) count++;
        return { resource: `/packs/${c.sourceId}/sellers/${sellerId}`, count };
      })
      .filter((r) => r.count > 0);
    return { user_id: sellerId, results };
  });

  scope.get<{
    Params: { pack: string; seller: string };
    Querystring: { tag?: string; limit?: string; offset?: string };
  }>('/messages/packs/:pack/sellers/:seller', async (request, reply) => {
    if (!requireTag(request, reply)) return reply;
    if (request.params.seller !== String(sellerId))
      return reply.code(403).send({ message: 'seller mismatch', status: 403 });
    const c = conversations.get(request.params.pack);
    const order = c
      ? orders.get(c.orderId)
      : (orders.findOneBy('secondaryId', request.params.pack) ??
        orders.findOneBy('number', request.params.pack));
    if (!order || (c && c.kind !== 'pack'))
      return reply.code(404).send({ message: 'pack not found', error: 'not_found', status: 404 });
    const limit = Math.min(100, Number(request.query.limit ?? 10) || 10);
    const offset = Number(request.query.offset ?? 0) || 0;
    const all = (c?.messages ?? []).map((m) => packMessage(m, order, buyerOf(c!), sellerId));
    return {
      paging: { limit, offset, total: all.length },
      conversation_status: conversationStatus(c),
      messages: all.slice(offset, offset + limit),
    };
  });

  scope.post<{
    Params: { pack: string; seller: string };
    Querystring: { tag?: string };
    Body: { from?: { user_id?: unknown }; to?: { user_id?: unknown }; text?: unknown };
  }>('/messages/packs/:pack/sellers/:seller', async (request, reply) => {
    if (!requireTag(request, reply)) return reply;
    const c = conversations.get(request.params.pack);
    if (!c || c.kind !== 'pack')
      return reply.code(404).send({ message: 'pack not found', error: 'not_found', status: 404 });
    const { from, to, text } = request.body ?? {};
    if (
      typeof text !== 'string' ||
      text.trim() === '' ||
      Number(from?.user_id) !== sellerId ||
      Number(to?.user_id) !== buyerOf(c)
    ) {
      return reply.code(400).send({
        message: 'from.user_id, to.user_id and text are required',
        error: 'bad_request',
        status: 400,
        cause: [],
      });
    }
    if (!c.messages.some((m) => m.author === 'customer')) {
      return reply.code(403).send({
        message: 'The seller cannot start this conversation without a reason',
        error: 'blocked_by_conversation_started_by_seller',
        status: 403,
        cause: [],
      });
    }
    if (c.status === 'closed') {
      return reply
        .code(403)
        .send({ message: 'Conversation is blocked', error: 'blocked_conversation', status: 403, cause: [] });
    }
    const reason = moderationReason(text);
    const now = new Date().toISOString();
    if (reason) {
      recordReply(ctx.state, {
        source: SOURCE,
        conversationId: c.conversationId,
        counterpart: 'customer',
        text,
        delivered: false,
        refusal: reason,
      });
      const order = orders.get(c.orderId)!;
      const rejected = packMessage(
        { id: `rejected-${now}`, author: 'seller', side: 'customer', authorName: 'Loja', text, at: now },
        order,
        buyerOf(c),
        sellerId,
      );
      return reply.code(201).send({
        ...rejected,
        message_moderation: { status: 'rejected', reason, source: 'online', moderation_date: now },
      });
    }
    const updated = ctx.state.transaction(() => {
      const u = appendMessage(
        ctx.state,
        SOURCE,
        c.sourceId,
        { author: 'seller', side: 'customer', authorName: 'Loja Vitrine Demo', text, at: now },
        { status: 'awaiting_customer' },
      );
      recordReply(ctx.state, {
        source: SOURCE,
        conversationId: c.conversationId,
        counterpart: 'customer',
        text,
        delivered: true,
      });
      return u!;
    });
    return reply
      .code(201)
      .send(packMessage(updated.messages.at(-1)!, orders.get(c.orderId)!, buyerOf(c), sellerId));
  });

  scope.get<{ Querystring: { offset?: string; limit?: string; status?: string; stage?: string } }>(
    '/post-purchase/v1/claims/search',
    async (request) => {
      const offset = Number(request.query.offset ?? 0) || 0;
      const limit = Math.min(30, Number(request.query.limit ?? 30) || 30);
      const all = claims().filter(
        (c) =>
          (!request.query.status || (request.query.status === 'closed') === (c.status === 'closed')) &&
          (!request.query.stage || (request.query.stage === 'dispute') === (c.status === 'mediation')),
      );
      return {
        paging: { offset, limit, total: all.length },
        data: all
          .slice(offset, offset + limit)
          .map((c) => claim(c, orders.get(c.orderId), buyerOf(c), sellerId)),
      };
    },
  );

  const findClaim = (id: string) => {
    const c = conversations.get(id);
    return c?.kind === 'claim' ? c : undefined;
  };

  scope.get<{ Params: { id: string } }>('/post-purchase/v1/claims/:id', async (request, reply) => {
    const c = findClaim(request.params.id);
    if (!c) return reply.code(404).send({ message: 'Claim not found', error: 'not_found', status: 404 });
    return claim(c, orders.get(c.orderId), buyerOf(c), sellerId);
  });

  scope.get<{ Params: { id: string } }>('/post-purchase/v1/claims/:id/messages', async (request, reply) => {
    const c = findClaim(request.params.id);
    if (!c) return reply.code(404).send({ message: 'Claim not found', error: 'not_found', status: 404 });
    const stage = c.status === 'mediation' ? 'dispute' : 'claim';
    return c.messages.map((m) => claimMessage(m, stage));
  });

  scope.post<{ Params: { id: string }; Body: { receiver_role?: unknown; message?: unknown } }>(
    '/post-purchase/v1/claims/:id/actions/send-message',
    async (request, reply) => {
      const c = findClaim(request.params.id);
      if (!c) return reply.code(404).send({ message: 'Claim not found', error: 'not_found', status: 404 });
      const { receiver_role, message } = request.body ?? {};
      const toMediator = receiver_role === 'mediator';
      if (
        (receiver_role !== 'complainant' && !toMediator) ||
        typeof message !== 'string' ||
        message.trim() === ''
      ) {
        return reply
          .code(400)
          .send({ message: 'receiver_role and message are required', error: 'bad_request', status: 400 });
      }
      if (c.status === 'closed')
        return reply.code(400).send({ message: 'Claim is closed', error: 'claim_closed', status: 400 });
      if (toMediator && c.status !== 'mediation')
        return reply
          .code(400)
          .send({ message: 'No mediator in this claim', error: 'invalid_receiver', status: 400 });
      const side = toMediator ? 'marketplace' : 'customer';
      ctx.state.transaction(() => {
        appendMessage(ctx.state, SOURCE, c.sourceId, {
          author: 'seller',
          side,
          authorName: 'Loja Vitrine Demo',
          text: message,
          at: new Date().toISOString(),
        });
        recordReply(ctx.state, {
          source: SOURCE,
          conversationId: c.conversationId,
          counterpart: side,
          text: message,
          delivered: true,
        });
      });
      return reply.code(201).send({ status: 'created' });
    },
  );

  scope.get<{ Querystring: { app_id?: string; topic?: string; offset?: string; limit?: string } }>(
    '/missed_feeds',
    async (request, reply) => {
      if (request.query.app_id !== creds.clientId)
        return reply.code(403).send({ message: 'app_id does not match the token', status: 403 });
      const offset = Number(request.query.offset ?? 0) || 0;
      const limit = Math.min(100, Number(request.query.limit ?? 50) || 50);
      const all = feed.list((n) => !n.delivered && (!request.query.topic || n.topic === request.query.topic));
      const messages = all.slice(offset, offset + limit).map(({ delivered: _delivered, ...n }) => n);
      return { messages, total: all.length, offset, limit };
    },
  );
}
