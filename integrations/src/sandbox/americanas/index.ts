import type { FastifyInstance } from 'fastify';
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
} from '../marketplace-kit';
import { FixedWindowLimiter } from './rate-limit';
import { chats, sac, skyhubCode, skyhubOrder } from './render';

export interface AmericanasSandboxOptions {
  /** Pace of new buyer messages; 0 disables (default from `VITRINE_SANDBOX_TICK_MS`). */
  tickMs?: number;
  /** Tickets per `/sac` page (the real page size is not documented). */
  sacPageSize?: number;
}

const SOURCE = 'americanas';
/** How many requests the simulated limits refused (tests check a well-behaved client causes none). */
export const RATE_LIMITED_KEY = 'americanas.rateLimited';
/** An order handed out by the queue comes back if not acknowledged within 5 minutes. */
const REQUEUE_MS = 5 * 60_000;

interface QueueEntry {
  code: string;
  orderId: string;
  handedOutAt?: number;
  consumed: boolean;
}

const encodeCursor = (after: number) => Buffer.from(JSON.stringify({ after })).toString('base64url');
const decodeCursor = (cursor: string): number | null => {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof value.after === 'number' ? value.after : null;
  } catch {
    return null;
  }
};

/**
 * Americanas (SkyHub) simulator at `/sandbox/americanas/…`: `/sac` with a forward-only cursor,
 * `/sac/{code}/chats` with the customer and SAC chats, the (undocumented, see the connector's
 * BEHAVIOR.md) reply and archive requests, the orders queue and the per-endpoint rate limits.
 */
export async function registerAmericanasSandbox(
  scope: FastifyInstance,
  ctx: SandboxContext,
  options: AmericanasSandboxOptions = {},
): Promise<void> {
  seedMarketplace(ctx, SOURCE);
  const creds = SANDBOX_MARKETPLACE_CREDENTIALS.americanas;
  const sacs = conversationsOf(ctx.state, SOURCE);
  const orders = ordersOf(ctx.state, SOURCE);
  const customers = customersOf(ctx.state);
  const queue = ctx.state.collection<QueueEntry>(`${SOURCE}.queue`);
  if (!ctx.state.getMeta<boolean>(`${SOURCE}.queue.seeded`)) {
    ctx.state.transaction(() => {
      for (const order of orders.list())
        queue.put(skyhubCode(order), { code: skyhubCode(order), orderId: order.id, consumed: false });
      ctx.state.setMeta(`${SOURCE}.queue.seeded`, true);
    });
  }
  const pageSize = options.sacPageSize ?? 10;
  const limiter = new FixedWindowLimiter();
  const prefix = `/sandbox/${SOURCE}`;

  const tick = () => tickOnce(ctx, SOURCE, (c) => c.status !== 'closed');
  registerControlRoutes(scope, ctx, SOURCE, tick);
  const every = tickIntervalMs(options.tickMs);
  if (every > 0) ctx.every(every, () => void tick());

  scope.addHook('onRequest', async (request, reply) => {
    if (request.url.includes('/_sandbox/')) return;
    const h = request.headers;
    if (
      h['x-user-email'] !== creds.userEmail ||
      h['x-api-key'] !== creds.apiKey ||
      h['x-accountmanager-key'] !== creds.accountManagerKey
    ) {
      return reply.code(401).send({
        error: 'Unauthorized',
        message: 'X-User-Email, X-Api-Key ou X-Accountmanager-Key inválidos',
      });
    }
    const path = (request.url.split('?')[0] ?? '').slice(prefix.length);
    if (!limiter.take(String(h['x-api-key']), request.method, path)) {
      ctx.state.setMeta(RATE_LIMITED_KEY, (ctx.state.getMeta<number>(RATE_LIMITED_KEY) ?? 0) + 1);
      return reply
        .code(429)
        .header('retry-after', '1')
        .send({ error: 'Too Many Requests', message: 'Limite de requisições excedido' });
    }
  });

  scope.get<{ Querystring: { cursor?: string } }>('/sac', async (request, reply) => {
    const after = request.query.cursor ? decodeCursor(request.query.cursor) : 0;
    if (after === null) return reply.code(400).send({ error: 'invalid cursor' });
    // Only tickets with an exchange are listed (all stored ones have messages).
    const all = sacs.list((c) => c.messages.length > 0);
    const page = all.slice(after, after + pageSize);
    return {
      // Forward-only: the cursor always points past what was returned, even at the end.
      next_page: `https://api.skyhub.com.br/sac?cursor=${encodeCursor(after + page.length)}`,
      sacs: page.map((c) => sac(c, orders.get(c.orderId))),
    };
  });

  scope.get<{ Params: { code: string } }>('/sac/:code/chats', async (request, reply) => {
    const c = sacs.get(request.params.code);
    if (!c) return reply.code(404).send({ error: 'Not Found', message: 'Atendimento não encontrado' });
    return chats(c, customers.get(c.customerId));
  });

  scope.post<{ Params: { code: string }; Body: { parts?: unknown; content?: unknown } }>(
    '/sac/:code/chats',
    async (request, reply) => {
      const { parts, content } = request.body ?? {};
      if (
        (parts !== 'CUSTOMER_SELLER' && parts !== 'B2W_SELLER') ||
        typeof content !== 'string' ||
        content.trim() === ''
      ) {
        return reply.code(422).send({
          error: 'Unprocessable Entity',
          message: 'parts (CUSTOMER_SELLER ou B2W_SELLER) e content são obrigatórios',
        });
      }
      const c = sacs.get(request.params.code);
      if (!c) return reply.code(404).send({ error: 'Not Found', message: 'Atendimento não encontrado' });
      if (c.status === 'closed')
        return reply.code(409).send({ error: 'Conflict', message: 'Atendimento arquivado' });
      const counterpart = parts === 'B2W_SELLER' ? 'marketplace' : 'customer';
      ctx.state.transaction(() => {
        appendMessage(ctx.state, SOURCE, c.sourceId, {
          author: 'seller',
          side: counterpart,
          authorName: 'Loja Vitrine Demo',
          text: content,
          at: new Date().toISOString(),
        });
        recordReply(ctx.state, {
          source: SOURCE,
          conversationId: c.conversationId,
          counterpart,
          text: content,
          delivered: true,
        });
      });
      return reply.code(201).send({ message: 'Interação criada' });
    },
  );

  scope.put<{ Params: { code: string }; Body: { status?: unknown } }>(
    '/sac/:code/chats',
    async (request, reply) => {
      if (request.body?.status !== 'ARCHIVED')
        return reply.code(422).send({ error: 'Unprocessable Entity', message: 'status inválido' });
      const updated = sacs.update(request.params.code, (c) => ({
        ...c,
        status: 'closed',
        updatedAt: new Date().toISOString(),
      }));
      if (!updated)
        return reply.code(404).send({ error: 'Not Found', message: 'Atendimento não encontrado' });
      return { code: updated.sourceId, status: 'ARCHIVED' };
    },
  );

  scope.get('/queues/orders', async (_request, reply) => {
    const now = Date.now();
    const next = queue.list(
      (q) => !q.consumed && (q.handedOutAt === undefined || now - q.handedOutAt > REQUEUE_MS),
    )[0];
    if (!next) return reply.code(204).send();
    queue.put(next.code, { ...next, handedOutAt: now });
    const order = orders.get(next.orderId)!;
    return skyhubOrder(order, customers.get(order.customerId));
  });

  scope.delete<{ Params: { code: string } }>('/queues/orders/:code', async (request, reply) => {
    const entry = queue.get(request.params.code);
    if (!entry) return reply.code(404).send({ error: 'Not Found' });
    queue.put(entry.code, { ...entry, consumed: true });
    return reply.code(204).send();
  });

  scope.get<{ Params: { code: string } }>('/orders/:code', async (request, reply) => {
    const entry = queue.get(request.params.code);
    const order = entry && orders.get(entry.orderId);
    if (!order) return reply.code(404).send({ error: 'Not Found' });
    return skyhubOrder(order, customers.get(order.customerId));
  });
}
