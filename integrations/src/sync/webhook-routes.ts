import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { TenantConfig } from '../config/types';
import type { Logger } from '../logging';
import type { VitrineMetrics } from '../metrics';
import type { Database } from '../store/schema';
import { WEBHOOK_EVENTS } from '../zendesk/conventions';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, verifyWebhook } from '../zendesk/webhook-signature';
import { recordInboundEvent } from './inbound-events';
import { acceptMercadoLivreNotification } from './mercadolivre-notifications';

export interface WebhookRoutesDeps {
  db: Kysely<Database>;
  /** Read at each request: in sandbox mode the tenant list is only final once the port is known. */
  tenants(): readonly TenantConfig[];
  /** The secret Zendesk signs this tenant's webhooks with. */
  secretFor(tenant: TenantConfig): string | undefined;
  /** Refuse a body whose `account` is not the tenant's subdomain (off in the sandbox, whose account has its own name). */
  checkAccount: boolean;
  log: Logger;
  metrics: VitrineMetrics;
  /** Wakes the tenant's pump so the event is processed right after the answer. */
  wake(tenantId: string): void;
}

const ZendeskWebhookBody = z.object({
  event: z.enum(WEBHOOK_EVENTS),
  ticket_id: z.union([z.string().min(1), z.number().int()]).transform(String),
  account: z.string().optional(),
});

/**
 * `POST /webhooks/zendesk/:tenant` (Zendesk triggers) and `POST /webhooks/mercadolivre/:tenant`
 * (Mercado Livre notifications). Both only record the event and answer; the tenant's pump does the
 * work. A bad Zendesk signature gets 401 and changes nothing.
 */
export async function registerSyncWebhookRoutes(
  scope: FastifyInstance,
  deps: WebhookRoutesDeps,
): Promise<void> {
  const tenantOf = (id: string) => deps.tenants().find((t) => t.id === id || t.subdomain === id);

  scope.post<{ Params: { tenant: string } }>('/zendesk/:tenant', async (request, reply) => {
    const tenant = tenantOf(request.params.tenant);
    if (!tenant)
      return reply
        .code(404)
        .send({ error: 'unknown_tenant', message: `No tenant "${request.params.tenant}" is configured.` });
    const secret = deps.secretFor(tenant);
    if (!secret) {
      // Right after a start, before the webhook's secret is known: Zendesk retries a 503.
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'not_ready', message: 'The webhook secret is not known yet; retry shortly.' });
    }
    const verification = verifyWebhook({
      secret,
      signature: request.headers[SIGNATURE_HEADER] as string | undefined,
      timestamp: request.headers[SIGNATURE_TIMESTAMP_HEADER] as string | undefined,
      rawBody: request.rawBody ?? '',
    });
    deps.metrics.observeWebhookVerification(tenant.id, verification.ok ? 'valid' : verification.reason);
    if (!verification.ok) {
      return reply
        .code(401)
        .send({ error: verification.reason, message: 'Invalid or missing Zendesk webhook signature.' });
    }
    const body = ZendeskWebhookBody.safeParse(request.body);
    if (!body.success)
      return reply.code(400).send({ error: 'invalid_body', message: z.prettifyError(body.error) });
    if (deps.checkAccount && body.data.account && body.data.account !== tenant.subdomain) {
      return reply.code(400).send({
        error: 'wrong_account',
        message: `This webhook is for "${body.data.account}", not "${tenant.subdomain}".`,
      });
    }
    const { recorded } = await recordInboundEvent(deps.db, {
      tenantId: tenant.id,
      kind: `zendesk.${body.data.event}`,
      dedupeKey: `zendesk:${body.data.event}:${body.data.ticket_id}`,
      payload: body.data,
    });
    deps.wake(tenant.id);
    return reply.code(200).send({ ok: true, duplicate: !recorded });
  });

  scope.post<{ Params: { tenant: string } }>('/mercadolivre/:tenant', async (request, reply) => {
    const tenant = tenantOf(request.params.tenant);
    if (!tenant)
      return reply
        .code(404)
        .send({ error: 'unknown_tenant', message: `No tenant "${request.params.tenant}" is configured.` });
    const result = await acceptMercadoLivreNotification(deps.db, tenant.id, request.body);
    if (!result.ok) return reply.code(400).send({ error: 'invalid_notification', message: result.error });
    deps.wake(tenant.id);
    return reply.code(200).send({ ok: true });
  });
}
