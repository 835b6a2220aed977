import type { MarketplaceSource } from '@vitrine/shared';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context';
import { conversationsOf, currentBuyerMessages } from './conversations';
import { receivedReplies } from './replies';

export interface Throttle {
  /** Makes the next `count` API requests answer 429 with `Retry-After: retryAfterSec`. */
  arm(count: number, retryAfterSec: number): void;
}

/**
 * Control routes under `/_sandbox/` (never faulted): what the simulator received, its buyer
 * messages, a manual tick, and a throttle that makes the next requests answer 429 — how tests
 * check that clients honour `Retry-After` without waiting for random faults.
 */
export function registerControlRoutes(
  scope: FastifyInstance,
  ctx: SandboxContext,
  source: MarketplaceSource,
  tick: () => unknown,
): Throttle {
  let pending = 0;
  let retryAfter = 1;
  // OAuth token requests are form-encoded (Mercado Livre), and bodiless POSTs from tests arrive
  // with axios' form default: parse both instead of answering 415.
  // Clients that always send `Content-Type: application/json` (SkyHub asks for it) do so on
  // bodiless DELETEs too; real servers accept that.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      (error as { statusCode?: number }).statusCode = 400;
      done(error as Error, undefined);
    }
  });
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  scope.addHook('onRequest', async (request, reply) => {
    if (pending <= 0 || request.url.includes('/_sandbox/')) return;
    pending -= 1;
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .send({ error: 'too_many_requests', message: 'Limite de requisições excedido' });
  });
  scope.get('/_sandbox/replies', async () => ({ replies: receivedReplies(ctx.state, source) }));
  scope.get('/_sandbox/buyer-messages', async () => ({
    messages: currentBuyerMessages(ctx.state, [source]),
  }));
  scope.get('/_sandbox/conversations', async () => ({
    conversations: conversationsOf(ctx.state, source).list(),
  }));
  scope.post('/_sandbox/tick', async () => ({ appended: tick() ?? null }));
  scope.post<{ Body: { count?: number; retryAfterSec?: number } }>('/_sandbox/throttle', async (request) => {
    pending = request.body?.count ?? 1;
    retryAfter = request.body?.retryAfterSec ?? 1;
    return { armed: pending, retryAfterSec: retryAfter };
  });
  return {
    arm(count, retryAfterSec) {
      pending = count;
      retryAfter = retryAfterSec;
    },
  };
}
