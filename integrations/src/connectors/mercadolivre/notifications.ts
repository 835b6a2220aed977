import { z } from 'zod';
import type { ConnectorContext } from '../../sync/connector';
import { mercadoLivreClient } from './client';
import { MlNotification } from './schemas';

/**
 * Mercado Livre notifications. The callback must answer 200 within 500 ms or the topic may be
 * disabled, so the route only validates and records; the payload is a pointer (`resource`),
 * never the data. Lost deliveries are listed for 2 days by `/missed_feeds`.
 */

export type { MlNotification } from './schemas';

export function parseNotification(
  body: unknown,
): { ok: true; notification: MlNotification } | { ok: false; error: string } {
  const parsed = MlNotification.safeParse(body);
  return parsed.success
    ? { ok: true, notification: parsed.data }
    : { ok: false, error: z.prettifyError(parsed.error) };
}

/** The stream a notification should wake up, or null for topics Vitrine does not sync. */
export function streamForTopic(topic: string): 'mercadolivre.messages' | 'mercadolivre.claims' | null {
  if (topic === 'messages' || topic === 'orders_v2') return 'mercadolivre.messages';
  if (topic === 'claims' || topic === 'claims_actions') return 'mercadolivre.claims';
  return null;
}

const MissedFeedsPage = z.looseObject({
  messages: z.array(z.unknown()).optional(),
  results: z.array(z.unknown()).optional(),
  total: z.number().optional(),
  paging: z.looseObject({ total: z.number().optional() }).optional(),
});

/**
 * Reads `/missed_feeds?app_id=` page by page (offset/limit). Malformed entries are reported, not
 * thrown, so one bad entry cannot block recovery of the others.
 */
export async function missedFeeds(
  ctx: ConnectorContext,
  options: { topic?: string; offset?: number; limit?: number } = {},
): Promise<{
  notifications: MlNotification[];
  invalid: Array<{ entry: unknown; error: string }>;
  total: number;
}> {
  const { http } = mercadoLivreClient(ctx);
  const response = await http.request(
    {
      method: 'GET',
      path: '/missed_feeds',
      params: {
        app_id: ctx.credentials.clientId ?? '',
        topic: options.topic,
        offset: options.offset ?? 0,
        limit: options.limit ?? 50,
      },
    },
    ctx.signal,
  );
  const page = MissedFeedsPage.parse(response.data ?? {});
  const entries = page.messages ?? page.results ?? [];
  const notifications: MlNotification[] = [];
  const invalid: Array<{ entry: unknown; error: string }> = [];
  for (const entry of entries) {
    const parsed = parseNotification(entry);
    if (parsed.ok) notifications.push(parsed.notification);
    else invalid.push({ entry, error: parsed.error });
  }
  return { notifications, invalid, total: page.total ?? page.paging?.total ?? entries.length };
}
