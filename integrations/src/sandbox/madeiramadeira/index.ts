import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SANDBOX_MARKETPLACE_CREDENTIALS } from '../../config/sandbox-tenant';
import type { SandboxContext } from '../core/context';
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
import { STATUS_ID, historicSession, pedido, sessionSummary } from './render';

export interface MadeiraMadeiraSandboxOptions {
  /** Lifetime of the Mensageria JWT (the real one lives 3600 s). */
  tokenTtlSec?: number;
  /** Pace of new buyer messages; 0 disables (default from `VITRINE_SANDBOX_TICK_MS`). */
  tickMs?: number;
}

const SOURCE = 'madeiramadeira';
const M = '/v1/mensageria';

/**
 * MadeiraMadeira simulator at `/sandbox/madeiramadeira/…`: the Mensageria endpoints (token exchange,
 * sessions, messages per order, send message with 409 for closed or mediated sessions) and one
 * order per id, in the shapes of the public Postman collection.
 */
export async function registerMadeiraMadeiraSandbox(
  scope: FastifyInstance,
  ctx: SandboxContext,
  options: MadeiraMadeiraSandboxOptions = {},
): Promise<void> {
  seedMarketplace(ctx, SOURCE);
  const portalToken = SANDBOX_MARKETPLACE_CREDENTIALS.madeiramadeira.token!;
  const ttlSec = options.tokenTtlSec ?? 3600;
  const tokens = ctx.state.collection<{ expiresAt: number }>(`${SOURCE}.tokens`);
  const sessions = conversationsOf(ctx.state, SOURCE);
  const orders = ordersOf(ctx.state, SOURCE);
  const customers = customersOf(ctx.state);

  const portalTokenOf = (request: FastifyRequest) => request.headers.tokenmm ?? request.headers.mmtoken;
  const unauthorized = (reply: FastifyReply, detail: string) =>
    reply.code(401).send({ meta: { count: 0 }, errors: { detail } });

  const requireJwt = async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ? tokens.get(bearer) : undefined;
    if (!token || token.expiresAt <= Date.now()) return unauthorized(reply, 'Token inválido ou expirado');
  };
  const requirePortalToken = async (request: FastifyRequest, reply: FastifyReply) => {
    if (portalTokenOf(request) !== portalToken) return unauthorized(reply, 'Token not found');
  };

  const tick = () => tickOnce(ctx, SOURCE, (c) => c.status === 'open' || c.status === 'awaiting_customer');
  registerControlRoutes(scope, ctx, SOURCE, tick);
  const every = tickIntervalMs(options.tickMs);
  if (every > 0) ctx.every(every, () => void tick());

  const render = <T>(c: StoredConversation, fn: typeof sessionSummary | typeof historicSession) => {
    const order = orders.get(c.orderId);
    return fn(c, order, customers.get(c.customerId)) as T;
  };

  scope.post(`${M}/auth/generate-token`, async (request, reply) => {
    if (!portalTokenOf(request)) return reply.code(401).send({ error: 'Token não encontrado no contexto' });
    if (portalTokenOf(request) !== portalToken)
      return reply.code(403).send({ meta: { count: 0 }, errors: { detail: 'Token revogado ou inválido' } });
    const jwt = `mm.sandbox.${ctx.state.nextValue(`${SOURCE}.jwt`)}.${Math.random().toString(36).slice(2, 10)}`;
    tokens.put(jwt, { expiresAt: Date.now() + ttlSec * 1000 });
    return { data: { access_token: jwt, token_type: 'Bearer', expires_in: ttlSec } };
  });

  scope.get<{ Querystring: { page?: string; limit?: string; status?: string } }>(
    `${M}/seller/historic`,
    { preHandler: requireJwt },
    async (request) => {
      const page = Math.max(1, Number(request.query.page ?? 1) || 1);
      const limit = Math.min(100, Math.max(1, Number(request.query.limit ?? 20) || 20));
      const statusFilter = request.query.status ? Number(request.query.status) : undefined;
      const all = sessions.list((c) => statusFilter === undefined || STATUS_ID[c.status] === statusFilter);
      const slice = all.slice((page - 1) * limit, page * limit);
      return {
        data: slice.map((c) => render(c, sessionSummary)),
        pagination: { total_count: all.length, count: slice.length, page, lines: limit },
      };
    },
  );

  scope.get(`${M}/session/awaiting_answer_seller/count`, { preHandler: requireJwt }, async () => ({
    count: sessions.list((c) => c.status === 'open').length,
  }));

  scope.get<{ Params: { id: string } }>(
    `${M}/session/:id`,
    { preHandler: requireJwt },
    async (request, reply) => {
      const c = sessions.get(request.params.id);
      if (!c) return reply.code(404).send({ error: 'Sessão não encontrada' });
      return { data: render(c, sessionSummary) };
    },
  );

  scope.get<{ Querystring: { orders?: string } }>(
    `${M}/orders/historic`,
    { preHandler: [requirePortalToken, requireJwt] },
    async (request, reply) => {
      const wanted = (request.query.orders ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (wanted.length === 0) return reply.code(400).send({ error: 'Parâmetro orders inválido' });
      const body: Record<string, { sessions: Record<string, unknown[]> }> = {};
      for (const number of wanted) {
        const order = orders.findOneBy('number', number);
        if (!order) continue;
        const byDay: Record<string, unknown[]> = {};
        for (const c of sessions.findBy('orderId', order.id)) {
          const session = render<{ created_at: string }>(c, historicSession);
          (byDay[session.created_at.slice(0, 10)] ??= []).push(session);
        }
        body[number] = { sessions: byDay };
      }
      return body;
    },
  );

  scope.post<{ Body: { session_id?: unknown; text?: unknown; type?: unknown } }>(
    `${M}/message`,
    { preHandler: requireJwt },
    async (request, reply) => {
      const { session_id, text, type } = request.body ?? {};
      if (
        typeof text !== 'string' ||
        text.trim() === '' ||
        text.length > 5000 ||
        (type !== undefined && type !== 'text' && type !== 'image')
      ) {
        return reply
          .code(400)
          .send({ error: 'Validação falhou: text (até 5000 caracteres) e type são obrigatórios' });
      }
      const c = sessions.get(String(session_id));
      if (!c) return reply.code(404).send({ error: 'Sessão não encontrada' });
      if (c.status === 'closed' || c.status === 'mediation') {
        return reply
          .code(409)
          .send({ error: 'Sessão não permite mais mensagens', status: { id: STATUS_ID[c.status] } });
      }
      ctx.state.transaction(() => {
        appendMessage(
          ctx.state,
          SOURCE,
          c.sourceId,
          {
            author: 'seller',
            side: 'customer',
            authorName: 'Loja Vitrine Demo',
            text,
            at: new Date().toISOString(),
          },
          { status: 'awaiting_customer' },
        );
        recordReply(ctx.state, {
          source: SOURCE,
          conversationId: c.conversationId,
          counterpart: 'customer',
          text,
          delivered: true,
        });
      });
      return { message: 'Mensagem encaminhada com sucesso' };
    },
  );

  scope.get<{ Params: { id: string } }>(
    '/v1/pedido/id/:id',
    { preHandler: requirePortalToken },
    async (request, reply) => {
      const order =
        orders.findOneBy('secondaryId', request.params.id) ?? orders.findOneBy('number', request.params.id);
      if (!order)
        return reply
          .code(404)
          .send({ meta: { count: 0 }, data: [], errors: [{ detail: 'Pedido não encontrado' }] });
      return { meta: { count: 1 }, data: [pedido(order, customers.get(order.customerId))], errors: [] };
    },
  );
}
