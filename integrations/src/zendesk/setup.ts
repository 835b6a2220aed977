import type { ZendeskClient } from './client';
import { TAGS, type WebhookEvent, type ZendeskWebhookBody } from './conventions';
import type { TriggerInput } from './types';

/**
 * The webhook and triggers that tell the service about agent replies, solved tickets and bad
 * ratings. `ensureVitrineWebhook` is idempotent: run it at every start, it creates only what is
 * missing (matched by endpoint and by trigger title) and returns the signing secret to verify with.
 */

export interface VitrineWebhookSetup {
  webhookId: string;
  signingSecret: string;
  triggerIds: number[];
  created: { webhook: boolean; triggers: number };
}

/** Placeholder body of each event; `{{ticket.account}}` lets the service check the tenant. */
export function webhookBodyTemplate(event: WebhookEvent): string {
  const body: Record<keyof ZendeskWebhookBody, string> = {
    event,
    ticket_id: '{{ticket.id}}',
    account: '{{ticket.account}}',
  };
  return JSON.stringify(body);
}

export function vitrineTriggers(webhookId: string): TriggerInput[] {
  const notify = (event: WebhookEvent) => [
    { field: 'notification_webhook', value: [webhookId, webhookBodyTemplate(event)] },
  ];
  return [
    {
      title: 'Vitrine — resposta pública do agente',
      description: 'Avisa o Vitrine para entregar a resposta ao marketplace.',
      conditions: {
        all: [
          { field: 'update_type', operator: 'is', value: 'Change' },
          { field: 'comment_is_public', operator: 'is', value: 'true' },
          { field: 'role', operator: 'is', value: 'agent' },
          { field: 'current_tags', operator: 'includes', value: TAGS.managed },
        ],
      },
      actions: notify('ticket.public_reply'),
    },
    {
      title: 'Vitrine — ticket resolvido',
      description: 'Avisa o Vitrine para finalizar a tratativa no marketplace.',
      conditions: {
        all: [
          { field: 'status', operator: 'value', value: 'solved' },
          { field: 'current_tags', operator: 'includes', value: TAGS.managed },
        ],
      },
      actions: notify('ticket.solved'),
    },
    {
      title: 'Vitrine — avaliação negativa',
      description: 'Avisa o Vitrine de uma avaliação de satisfação ruim (fila do supervisor).',
      conditions: { all: [{ field: 'satisfaction_score', operator: 'value', value: 'bad' }] },
      actions: notify('ticket.rated_bad'),
    },
  ];
}

export async function ensureVitrineWebhook(
  client: ZendeskClient,
  options: { endpoint: string; name?: string; bearerToken?: string },
): Promise<VitrineWebhookSetup> {
  const existing = (await client.webhooks.list()).find((w) => w.endpoint === options.endpoint);
  const webhook =
    existing ??
    (await client.webhooks.create({
      name: options.name ?? 'Vitrine',
      endpoint: options.endpoint,
      ...(options.bearerToken
        ? {
            authentication: {
              type: 'bearer_token',
              data: { token: options.bearerToken },
              add_position: 'header',
            },
          }
        : {}),
    }));
  const { secret } = await client.webhooks.signingSecret(webhook.id);
  const current = await client.triggers.list();
  const triggerIds: number[] = [];
  let createdTriggers = 0;
  for (const definition of vitrineTriggers(webhook.id)) {
    const found = current.find(
      (t) =>
        t.title === definition.title &&
        t.actions.some(
          (a) => a.field === 'notification_webhook' && Array.isArray(a.value) && a.value[0] === webhook.id,
        ),
    );
    if (found) {
      triggerIds.push(found.id);
      continue;
    }
    triggerIds.push((await client.triggers.create(definition)).id);
    createdTriggers += 1;
  }
  return {
    webhookId: webhook.id,
    signingSecret: secret,
    triggerIds,
    created: { webhook: !existing, triggers: createdTriggers },
  };
}
