import { startSandbox, type RunningSandbox } from '../sandbox/core/test-server';
import { createZendeskClient } from './client';
import { ZendeskApiError } from './errors';
import { RateBudgets } from './rate-budget';
import { FakeClock } from './testing/fake-clock';

/**
 * The client on a sandbox that fails 30 % of requests (429, 5xx before and after the change,
 * timeouts, resets): conversations still become exactly one ticket each with every message once.
 */
describe('Zendesk client under injected faults', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      systems: ['zendesk'],
      seed: 42,
      faultRate: 0.3,
      // A timeout fault holds the request longer than the client waits.
      faultHoldMs: 400,
      zendesk: { rateLimitPerMinute: 1_000_000, jobDelayMs: 5 },
    });
  });
  afterAll(() => sandbox.close());

  const client = () =>
    createZendeskClient({
      baseUrl: sandbox.baseUrl('zendesk'),
      auth: { email: 'integracao@vitrine.example', apiToken: 't' },
      tenantId: 'faulty',
      budgets: new RateBudgets(),
      // Backoff and Retry-After are recorded, not waited: the test stays fast.
      clock: new FakeClock(Date.now()),
      timeoutMs: 150,
      maxAttempts: 10,
      jobPollIntervalMs: 0,
    });

  it('gives up a timed-out read only after retrying it', async () => {
    const zd = client();
    sandbox.handle.faults.enabled = false;
    try {
      sandbox.handle.faults.failNext('timeout', { method: 'GET', path: /\/users\/me$/ });
      const me = await zd.users.me();
      expect(me.role).toBe('admin');
      expect(zd.http.stats.retries).toBe(1);
    } finally {
      sandbox.handle.faults.enabled = true;
    }
  });

  it('turns 20 conversations of 4 messages into 20 tickets with 4 comments each, none duplicated', async () => {
    const zd = client();
    const conversations = Array.from({ length: 20 }, (_, n) => ({
      externalId: `vitrine:madeiramadeira:sessao-${n}`,
      buyer: { name: `Comprador ${n}`, email: `comprador${n}@exemplo.com.br` },
      messages: Array.from({ length: 4 }, (_, m) => `Conversa ${n}, mensagem ${m + 1}`),
    }));
    const unknownOutcomes: number[] = [];
    for (const conversation of conversations) {
      const { user } = await zd.users.createOrUpdate({
        ...conversation.buyer,
        external_id: `${conversation.externalId}:buyer`,
      });
      const { ticket } = await zd.tickets.createOnce(
        {
          subject: `Atendimento ${conversation.externalId}`,
          external_id: conversation.externalId,
          requester_id: user.id,
          comment: { body: conversation.messages[0]!, author_id: user.id },
          tags: ['vitrine'],
        },
        `faulty:${conversation.externalId}`,
      );
      for (const body of conversation.messages.slice(1)) {
        try {
          const { reconciled } = await zd.tickets.addCommentOnce(ticket.id, { body, author_id: user.id });
          if (reconciled) unknownOutcomes.push(ticket.id);
        } catch (error) {
          // Only an exhausted retry may surface; it must say so clearly.
          expect(error).toBeInstanceOf(ZendeskApiError);
          throw error;
        }
      }
    }

    const injected = sandbox.handle.faults.stats.injected;
    expect(injected.lost_answer + injected.reset_after).toBeGreaterThan(0);
    expect(injected.timeout).toBeGreaterThan(0);

    sandbox.handle.faults.enabled = false;
    for (const conversation of conversations) {
      const tickets = await zd.tickets.findByExternalId(conversation.externalId);
      expect(tickets).toHaveLength(1);
      const bodies: string[] = [];
      for await (const c of zd.tickets.listComments(tickets[0]!.id)) bodies.push(c.body);
      expect(bodies).toEqual(conversation.messages);
    }
    sandbox.handle.faults.enabled = true;
  }, 30_000);
});
