import type { ConnectorContext } from '../../sync/connector';
import { americanasClient } from './client';
import { SkyOrder } from './schemas';

/**
 * SkyHub's mandated way to consume orders: `GET /queues/orders` hands out ONE order (or 204 when
 * the queue is empty); the consumer must `DELETE /queues/orders/{code}` within 5 minutes of saving
 * it, or the order is queued again. Save first, acknowledge second: a crash in between only
 * means the same order comes back, which an idempotent upsert absorbs.
 */
export async function nextQueuedOrder(
  ctx: ConnectorContext,
): Promise<{ raw: unknown; order: SkyOrder } | null> {
  const response = await americanasClient(ctx).request(
    { method: 'GET', path: '/queues/orders', accept: [204] },
    ctx.signal,
  );
  if (response.status === 204 || !response.data) return null;
  return { raw: response.data, order: SkyOrder.parse(response.data) };
}

export async function acknowledgeQueuedOrder(ctx: ConnectorContext, code: string): Promise<void> {
  await americanasClient(ctx).request(
    { method: 'DELETE', path: `/queues/orders/${encodeURIComponent(code)}`, accept: [404] },
    ctx.signal,
  );
}
