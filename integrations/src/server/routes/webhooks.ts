import type { FastifyInstance } from 'fastify';
import type { SyncRuntime } from '../sync-runtime';

export const WEBHOOKS_PREFIX = '/webhooks';

/**
 * Incoming webhooks live under `/webhooks/…` (e.g. `/webhooks/zendesk/:tenant`); the sync engine
 * owns what they do. Raw bodies are kept by the server for signature checks (`request.rawBody`).
 */
export async function registerWebhookRoutes(
  app: FastifyInstance,
  runtime: SyncRuntime | undefined,
): Promise<boolean> {
  if (!runtime?.registerWebhookRoutes) return false;
  const register = runtime.registerWebhookRoutes.bind(runtime);
  await app.register(async (scope) => register(scope), { prefix: WEBHOOKS_PREFIX });
  return true;
}
