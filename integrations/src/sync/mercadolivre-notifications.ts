import type { Kysely } from 'kysely';
import { missedFeeds, parseNotification, streamForTopic, type MlNotification } from '../connectors';
import type { Database } from '../store/schema';
import type { ConnectorContext } from './connector';
import { recordInboundEvent } from './inbound-events';

/**
 * Mercado Livre notifications only point at a resource; what matters is which stream to read again.
 * A notification becomes a `stream.wanted` event (recorded in one insert, so the route answers well
 * within Mercado Livre's 500 ms) that wakes the stream's loop. Duplicate deliveries of a waiting
 * notification (same `_id`, or same topic and resource) are dropped.
 */
export async function acceptMercadoLivreNotification(
  db: Kysely<Database>,
  tenantId: string,
  body: unknown,
): Promise<{ ok: true; recorded: boolean } | { ok: false; error: string }> {
  const parsed = parseNotification(body);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const recorded = await recordNotification(db, tenantId, parsed.notification);
  return { ok: true, recorded };
}

async function recordNotification(
  db: Kysely<Database>,
  tenantId: string,
  notification: MlNotification,
): Promise<boolean> {
  const stream = streamForTopic(notification.topic);
  if (!stream) return false;
  const { recorded } = await recordInboundEvent(db, {
    tenantId,
    kind: 'stream.wanted',
    dedupeKey: `mercadolivre:${notification._id ?? `${notification.topic}:${notification.resource}`}`,
    payload: { stream, topic: notification.topic, resource: notification.resource },
  });
  return recorded;
}

/** Reads `/missed_feeds` (kept 2 days) and records what was lost like a fresh delivery. */
export async function recoverMissedNotifications(
  db: Kysely<Database>,
  tenantId: string,
  ctx: ConnectorContext,
): Promise<{ recovered: number; invalid: number }> {
  let recovered = 0;
  let invalid = 0;
  for (let offset = 0; offset < 10_000;) {
    const page = await missedFeeds(ctx, { offset, limit: 50 });
    for (const notification of page.notifications)
      if (await recordNotification(db, tenantId, notification)) recovered++;
    invalid += page.invalid.length;
    const seen = page.notifications.length + page.invalid.length;
    if (seen === 0) break;
    offset += seen;
    if (offset >= page.total) break;
  }
  return { recovered, invalid };
}
