import type { FastifyInstance } from 'fastify';
import { createZendeskClient, type ZendeskClient } from '../../zendesk/client';
import { RateBudgets } from '../../zendesk/rate-budget';
import { ensureVitrineWebhook } from '../../zendesk/setup';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, verifyWebhook } from '../../zendesk/webhook-signature';
import { startSandbox, type RunningSandbox } from '../core/test-server';

interface Received {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Stands in for the service's webhook endpoint: keeps the raw body, as signature checks need. */
function receiver(received: Received[], status: () => number = () => 200) {
  return (app: FastifyInstance) => {
    app.register(async (scope) => {
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
        done(null, body),
      );
      scope.post('/webhooks/zendesk/:tenant', async (request, reply) => {
        received.push({ rawBody: request.body as string, headers: request.headers });
        return reply.code(status()).send({ ok: true });
      });
    });
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('sandbox Zendesk triggers and webhooks', () => {
  let sandbox: RunningSandbox;
  let zd: ZendeskClient;
  let received: Received[];
  let secret: string;
  let agentId: number;

  beforeEach(async () => {
    received = [];
    sandbox = await startSandbox({
      systems: ['zendesk'],
      zendesk: { subdomain: 'loja-exemplo', webhooks: { duplicateRate: 0, firstDelayMs: 5 } },
      extraRoutes: receiver(received),
    });
    zd = createZendeskClient({
      baseUrl: sandbox.baseUrl('zendesk'),
      auth: { email: 'integracao@vitrine.example', apiToken: 't' },
      tenantId: 'loja-exemplo',
      budgets: new RateBudgets(),
    });
    const setup = await ensureVitrineWebhook(zd, {
      endpoint: `${sandbox.url}/webhooks/zendesk/loja-exemplo`,
    });
    secret = setup.signingSecret;
    agentId = (await zd.users.agents()).find((u) => u.role === 'agent')!.id;
  });
  afterEach(() => sandbox.close());

  const managedTicket = async () => {
    const { ticket } = await zd.tickets.create({
      subject: 'Pedido 7001234',
      requester: { name: 'Maria Silva', email: 'maria@exemplo.com.br' },
      comment: { body: 'Cadê meu pedido?' },
      tags: ['vitrine', 'vitrine_americanas'],
    });
    return ticket;
  };

  it('sends a signed webhook when an agent replies publicly, and only then', async () => {
    const ticket = await managedTicket();
    await zd.tickets.update(ticket.id, {
      comment: { body: 'Mais uma dúvida', author_id: ticket.requester_id },
    });
    await zd.tickets.update(ticket.id, {
      comment: { body: 'Nota interna', public: false, author_id: agentId },
    });
    await sandbox.handle.scheduler.idle();
    expect(received).toHaveLength(0);

    await zd.tickets.update(ticket.id, {
      comment: { body: 'Olá Maria, seu pedido sai hoje.', public: true, author_id: agentId },
    });
    await until(() => received.length === 1, 'the webhook');
    const [delivery] = received;
    expect(JSON.parse(delivery!.rawBody)).toEqual({
      event: 'ticket.public_reply',
      ticket_id: String(ticket.id),
      account: 'loja-exemplo',
    });
    const verdict = verifyWebhook({
      secret,
      signature: delivery!.headers[SIGNATURE_HEADER] as string,
      timestamp: delivery!.headers[SIGNATURE_TIMESTAMP_HEADER] as string,
      rawBody: delivery!.rawBody,
    });
    expect(verdict).toEqual({ ok: true });
    await sandbox.handle.scheduler.idle();
    expect(received).toHaveLength(1);
  });

  it('notifies when a managed ticket is solved and when its requester rates it bad', async () => {
    const ticket = await managedTicket();
    await zd.tickets.update(ticket.id, { status: 'solved' });
    await until(() => received.length === 1, 'the solved webhook');
    await zd.http.request({
      call: 'satisfaction.rate',
      method: 'POST',
      path: `/api/v2/tickets/${ticket.id}/satisfaction_rating`,
      body: { satisfaction_rating: { score: 'bad', comment: 'Demorou demais' } },
    });
    await until(() => received.length === 2, 'the CSAT webhook');
    expect(received.map((r) => JSON.parse(r.rawBody).event)).toEqual(['ticket.solved', 'ticket.rated_bad']);
    const bad: number[] = [];
    for await (const rating of zd.satisfactionRatings(Date.now() - 60_000, { score: 'bad_with_comment' }))
      bad.push(rating.ticket_id);
    expect(bad).toEqual([ticket.id]);
  });

  it('retries a delivery the receiver failed and can deliver the same invocation twice', async () => {
    await sandbox.close();
    received = [];
    let calls = 0;
    sandbox = await startSandbox({
      systems: ['zendesk'],
      zendesk: { webhooks: { duplicateRate: 1, firstDelayMs: 5, retryBaseMs: 10 } },
      // The first call fails with 503: Zendesk retries it.
      extraRoutes: receiver(received, () => (++calls === 1 ? 503 : 200)),
    });
    zd = createZendeskClient({
      baseUrl: sandbox.baseUrl('zendesk'),
      auth: { oauthToken: 'x' },
      tenantId: 't2',
      budgets: new RateBudgets(),
    });
    await ensureVitrineWebhook(zd, { endpoint: `${sandbox.url}/webhooks/zendesk/t2` });
    agentId = (await zd.users.agents()).find((u) => u.role === 'agent')!.id;
    const ticket = await managedTicket();
    await zd.tickets.update(ticket.id, { comment: { body: 'Resposta', public: true, author_id: agentId } });
    await until(() => received.length === 3, 'original, retry and duplicate');
    const invocations = new Set(received.map((r) => r.headers['x-zendesk-webhook-invocation-id']));
    expect(invocations.size).toBe(1);
  });

  it('is idempotent: running the setup again creates nothing new', async () => {
    const again = await ensureVitrineWebhook(zd, {
      endpoint: `${sandbox.url}/webhooks/zendesk/loja-exemplo`,
    });
    expect(again.created).toEqual({ webhook: false, triggers: 0 });
    expect(again.signingSecret).toBe(secret);
    expect(await zd.triggers.list()).toHaveLength(3);
  });

  it('answers 401 without credentials', async () => {
    const res = await fetch(`${sandbox.baseUrl('zendesk')}/api/v2/tickets/1`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Couldn't authenticate you" });
  });
});

describe('sandbox Zendesk simulated agents', () => {
  it('answer the newest Vitrine ticket waiting for an agent, through the same trigger path', async () => {
    const received: Received[] = [];
    const sandbox = await startSandbox({
      systems: ['zendesk'],
      zendesk: { webhooks: { duplicateRate: 0, firstDelayMs: 5 } },
      extraRoutes: receiver(received),
    });
    try {
      const zd = createZendeskClient({
        baseUrl: sandbox.baseUrl('zendesk'),
        auth: { oauthToken: 'x' },
        tenantId: 'demo',
        budgets: new RateBudgets(),
      });
      await ensureVitrineWebhook(zd, { endpoint: `${sandbox.url}/webhooks/zendesk/demo` });
      const { ticket: other } = await zd.tickets.create({
        requester: { name: 'Sem Tag', email: 'semtag@exemplo.com.br' },
        comment: { body: 'oi' },
      });
      const { ticket } = await zd.tickets.create({
        requester: { name: 'Fernanda Alves', email: 'fernanda@exemplo.com.br' },
        comment: { body: 'Meu pedido veio errado' },
        tags: ['vitrine'],
      });
      const answer = await fetch(`${sandbox.baseUrl('zendesk')}/_sandbox/agent-reply`, { method: 'POST' });
      expect(await answer.json()).toEqual({ ticket_id: ticket.id });
      const bodies: string[] = [];
      for await (const c of zd.tickets.listComments(ticket.id)) bodies.push(c.body);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toMatch(/Fernanda/);
      await until(() => received.length === 1, 'the reply webhook');
      // Nothing else waits: the untagged ticket is not Vitrine's.
      const again = await fetch(`${sandbox.baseUrl('zendesk')}/_sandbox/agent-reply`, { method: 'POST' });
      expect(await again.json()).toEqual({ ticket_id: null });
      expect((await zd.tickets.show(other.id)).status).toBe('new');
    } finally {
      await sandbox.close();
    }
  });
});
