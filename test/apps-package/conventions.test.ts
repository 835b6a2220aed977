import fs from 'node:fs';
import path from 'node:path';
import { TAGS, TICKET_FIELD_KEYS, WEBHOOK_EVENTS } from '../../integrations/src/zendesk/conventions';
import { MARKETPLACE_SOURCES } from '../../shared/src/channels';
import { CHANNEL_BY_TAG } from '../../apps/ticket-sidebar/src/reply-guard/channel';

interface TriggerRequirement {
  conditions: { all: unknown[] };
  actions: { field: string; value: [string, string] }[];
}
const requirements: {
  ticket_fields: Record<string, unknown>;
  webhooks: Record<string, { endpoint: string }>;
  triggers: Record<string, TriggerRequirement>;
} = JSON.parse(fs.readFileSync(path.join(__dirname, '../../apps/ticket-sidebar/requirements.json'), 'utf8'));

test('requirements.json creates exactly the ticket fields the service resolves by key', () => {
  expect(Object.keys(requirements.ticket_fields).sort()).toEqual(Object.values(TICKET_FIELD_KEYS).sort());
});

test('one trigger per webhook event, each sending the ZendeskWebhookBody to the Vitrine webhook', () => {
  const [webhookId] = Object.keys(requirements.webhooks);
  expect(requirements.webhooks[webhookId!].endpoint).toBe(
    '{{setting.serviceUrl}}/webhooks/zendesk/{{setting.tenantId}}',
  );
  const bodies = Object.values(requirements.triggers).map((trigger) => {
    const action = trigger.actions.find((a) => a.field === 'notification_webhook');
    expect(action?.value[0]).toBe(webhookId);
    return JSON.parse(action!.value[1]) as { event: string };
  });
  expect(bodies.map((body) => body.event).sort()).toEqual([...WEBHOOK_EVENTS].sort());
  for (const body of bodies) {
    expect(body).toEqual({ event: body.event, ticket_id: '{{ticket.id}}', account: '{{ticket.account}}' });
  }
});

test('the public-reply and solved triggers only fire on tickets Vitrine manages', () => {
  for (const id of ['vitrine_public_reply', 'vitrine_solved']) {
    expect(requirements.triggers[id]!.conditions.all).toContainEqual({
      field: 'current_tags',
      operator: 'includes',
      value: TAGS.managed,
    });
  }
});

test('the reply guard reads the channel from the same tags the service sets', () => {
  for (const source of MARKETPLACE_SOURCES) expect(CHANNEL_BY_TAG[TAGS.source(source)]).toBe(source);
  expect(CHANNEL_BY_TAG[TAGS.sacCounterpart]).toBe('americanas-sac');
});
