import { startSandbox, type RunningSandbox } from '../sandbox/core/test-server';
import { createZendeskClient, type ZendeskClientOptions } from './client';
import { ZendeskApiError } from './errors';
import { RateBudgets } from './rate-budget';
import { FakeClock } from './testing/fake-clock';
import type { RequestEvent } from './http';

const auth = { email: 'integracao@vitrine.example', apiToken: 'token-de-teste' };

describe('Zendesk client against the sandbox Zendesk', () => {
  let sandbox: RunningSandbox;
  const clients: ReturnType<typeof createZendeskClient>[] = [];

  const client = (extra: Partial<ZendeskClientOptions> = {}) => {
    const c = createZendeskClient({
      baseUrl: sandbox.baseUrl('zendesk'),
      auth,
      tenantId: 'loja-teste',
      budgets: new RateBudgets(),
      random: () => 1,
      jobPollIntervalMs: 20,
      timeoutMs: 2_000,
      ...extra,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({
      systems: ['zendesk'],
      zendesk: { jobDelayMs: 5, webhooks: { duplicateRate: 0 } },
    });
  });
  afterAll(() => sandbox.close());

  const newTicket = (zd = client(), subject = 'Pedido 123 atrasado') =>
    zd.tickets.create({
      subject,
      requester: {
        name: 'Maria Silva',
        email: `maria.${Math.random().toString(36).slice(2)}@exemplo.com.br`,
      },
      comment: { body: 'Meu pedido ainda não chegou.' },
      tags: ['vitrine'],
    });

  it('retries a 5xx on a read with jittered backoff and returns the answer', async () => {
    const clock = new FakeClock(Date.now());
    const zd = client({ clock, random: () => 0 });
    const { ticket } = await newTicket(zd);
    const before = zd.requestCount;
    sandbox.handle.faults.failNext('server_error', {
      method: 'GET',
      path: new RegExp(`/tickets/${ticket.id}$`),
    });
    const shown = await zd.tickets.show(ticket.id);
    expect(shown.id).toBe(ticket.id);
    expect(zd.requestCount - before).toBe(2);
    expect(zd.http.stats.retries).toBe(1);
    // First backoff: half of the 500 ms ceiling at least (random() = 0).
    expect(clock.sleeps).toEqual([250]);
  });

  it('gives up after the bounded attempts and names the call', async () => {
    const clock = new FakeClock(Date.now());
    const zd = client({ clock, maxAttempts: 3 });
    sandbox.handle.faults.failNext('server_error', { method: 'GET', path: /\/tickets\/1$/ }, 3);
    const error = await zd.tickets.show(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskApiError);
    expect((error as ZendeskApiError).attempts).toBe(3);
    expect((error as ZendeskApiError).message).toContain('tickets.show');
    expect(clock.sleeps).toHaveLength(2);
  });

  it('never retries a 4xx and throws a typed error with Zendesk’s error and description', async () => {
    const zd = client();
    const error = await zd.tickets.show(987654).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskApiError);
    const apiError = error as ZendeskApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.code).toBe('RecordNotFound');
    expect(apiError.attempts).toBe(1);
    expect(zd.requestCount).toBe(1);
    expect(apiError.message).toMatch(
      /Zendesk tickets\.show \(GET .*\/tickets\/987654\) answered 404 RecordNotFound/,
    );

    const invalid = await zd.tickets.create({ subject: 'sem comentário' } as never).catch((e: unknown) => e);
    expect((invalid as ZendeskApiError).status).toBe(422);
    expect(zd.requestCount).toBe(2);
  });

  it('honours Retry-After on a 429: waits the announced time, then succeeds', async () => {
    // A window that started 10 s ago; another worker already used this account's 3 requests.
    const start = Date.UTC(2026, 10, 22, 10, 0, 10);
    const clock = new FakeClock(start);
    const limited = await startSandbox({
      systems: ['zendesk'],
      zendesk: { rateLimitPerMinute: 3, now: clock.now },
    });
    try {
      const other = createZendeskClient({
        baseUrl: limited.baseUrl('zendesk'),
        auth,
        tenantId: 'a',
        clock,
        budgets: new RateBudgets(0),
      });
      for (let i = 0; i < 3; i++) await other.users.me();
      expect(clock.sleeps).toEqual([]);
      const events: RequestEvent[] = [];
      const zd = createZendeskClient({
        baseUrl: limited.baseUrl('zendesk'),
        auth,
        tenantId: 'a',
        clock,
        budgets: new RateBudgets(),
        onRequest: (e) => events.push(e),
      });
      const me = await zd.users.me();
      expect(me.role).toBe('admin');
      expect(events.map((e) => e.status)).toEqual([429, 200]);
      expect(zd.http.stats.rateLimited).toBe(1);
      // Retry-After = seconds left in the minute window (50 s): waited exactly that, once.
      expect(clock.sleeps).toEqual([50_000]);
    } finally {
      await limited.close();
    }
  });

  it('paces itself from the rate-limit headers so the account is never pushed into a 429', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    const limited = await startSandbox({
      systems: ['zendesk'],
      zendesk: { rateLimitPerMinute: 5, now: clock.now },
    });
    try {
      const events: RequestEvent[] = [];
      const budgets = new RateBudgets();
      const zd = createZendeskClient({
        baseUrl: limited.baseUrl('zendesk'),
        auth,
        tenantId: 'b',
        clock,
        budgets,
        onRequest: (e) => events.push(e),
      });
      for (let i = 0; i < 8; i++) await zd.users.me();
      expect(events.every((e) => e.status === 200)).toBe(true);
      expect(events).toHaveLength(8);
      // It waited for the next window once the remaining budget hit its reserve.
      expect(clock.sleeps.length).toBeGreaterThan(0);
      expect(clock.sleeps.every((ms) => ms <= 60_000)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('shares one budget per tenant: a second worker waits for the window instead of meeting a 429', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 22, 10, 0, 20));
    const limited = await startSandbox({
      systems: ['zendesk'],
      zendesk: { rateLimitPerMinute: 3, now: clock.now },
    });
    try {
      const budgets = new RateBudgets(0);
      const events: RequestEvent[] = [];
      const worker = () =>
        createZendeskClient({
          baseUrl: limited.baseUrl('zendesk'),
          auth,
          tenantId: 'c',
          clock,
          budgets,
          onRequest: (e) => events.push(e),
        });
      const a = worker();
      const b = worker();
      for (let i = 0; i < 3; i++) await a.users.me();
      await b.users.me();
      expect(events.map((e) => e.status)).toEqual([200, 200, 200, 200]);
      // b learnt from a's answers that the window was spent and waited for its reset (40 s left).
      expect(clock.sleeps).toEqual([40_000]);
    } finally {
      await limited.close();
    }
  });

  it('visits every page of a ticket’s comments through request()', async () => {
    const events: RequestEvent[] = [];
    const zd = client({ onRequest: (e) => events.push(e) });
    const { user: buyer } = await zd.users.createOrUpdate({
      name: 'João Pereira',
      external_id: 'vitrine:americanas:buyer:77',
    });
    const bodies = Array.from({ length: 250 }, (_, i) => `Mensagem ${i + 1}`);
    const ticket = await zd.tickets.import({
      subject: 'Conversa longa',
      requester_id: buyer.id,
      comments: bodies.map((body) => ({ body, author_id: buyer.id })),
    });
    events.length = 0;
    const seen: string[] = [];
    for await (const comment of zd.tickets.listComments(ticket.id)) seen.push(comment.body);
    expect(seen).toEqual(bodies);
    expect(events.filter((e) => e.call === 'tickets.listComments')).toHaveLength(3);
  });

  it('retries a page whose first answer failed (follow-up pages go through the same retry rules)', async () => {
    const zd = client({ clock: new FakeClock(Date.now()) });
    const ticket = await zd.tickets.import({
      subject: 'Outra conversa',
      requester: { name: 'Lia', email: 'lia@exemplo.com.br' },
      comments: Array.from({ length: 120 }, (_, i) => ({ body: `m${i}` })),
    });
    sandbox.handle.faults.failNext(
      'reset',
      { method: 'GET', path: new RegExp(`/tickets/${ticket.id}/comments$`) },
      2,
    );
    let count = 0;
    for await (const _ of zd.tickets.listComments(ticket.id)) count += 1;
    expect(count).toBe(120);
    expect(zd.http.stats.retries).toBe(2);
  });

  it('creates many tickets in chunks of 100 and reports per-item errors from the job statuses', async () => {
    const zd = client();
    const good = Array.from({ length: 150 }, (_, i) => ({
      subject: `Pedido ${i}`,
      external_id: `vitrine:madeiramadeira:bulk-${i}`,
      requester: { name: `Cliente ${i}`, email: `cliente${i}@exemplo.com.br` },
      comment: { body: `Olá, mensagem ${i}` },
    }));
    const tickets = [
      ...good.slice(0, 120),
      { subject: 'requester inexistente', requester_id: 424242, comment: { body: 'x' } },
      ...good.slice(120),
    ];
    const jobs = await zd.tickets.createMany(tickets);
    expect(jobs).toHaveLength(2);
    const results = await zd.waitForJobs(jobs);
    expect(results.map((r) => r.index)).toEqual(tickets.map((_, i) => i));
    const failed = results.filter((r) => !r.success);
    expect(failed).toEqual([expect.objectContaining({ index: 120, id: null, success: false })]);
    expect(failed[0]!.errors.join(' ')).toMatch(/RecordNotFound/);
    const created = await zd.tickets.showMany(results.filter((r) => r.success).map((r) => r.id!));
    expect(created).toHaveLength(150);
    expect((await zd.tickets.findByExternalId('vitrine:madeiramadeira:bulk-130'))[0]?.subject).toBe(
      'Pedido 130',
    );
  });

  it('creates many tickets exactly once when the answer to create_many is lost', async () => {
    const zd = client({ clock: new FakeClock(Date.now()), jobPollIntervalMs: 0 });
    const tickets = Array.from({ length: 5 }, (_, i) => ({
      subject: `Perdido ${i}`,
      external_id: `vitrine:americanas:lost-${i}`,
      requester: { name: `Cliente ${i}`, email: `perdido${i}@exemplo.com.br` },
      comment: { body: `mensagem ${i}` },
    }));
    sandbox.handle.faults.failNext('lost_answer', { method: 'POST', path: /\/tickets\/create_many$/ });
    const results = await zd.tickets.createManyOnce(tickets);
    expect(results.map((r) => [r.index, r.success])).toEqual(tickets.map((_, i) => [i, true]));
    for (const t of tickets) expect(await zd.tickets.findByExternalId(t.external_id)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(5);
  });

  it('updates many tickets with per-item results, including a ticket that does not exist', async () => {
    const zd = client();
    const { ticket } = await newTicket(zd);
    const [job] = await zd.tickets.updateMany([
      { id: ticket.id, additional_tags: ['vitrine_mediacao'] },
      { id: 99999999, status: 'solved' },
    ]);
    const outcome = await zd.waitForJob(job!.id);
    expect(outcome.status).toBe('completed');
    expect(outcome.results.map((r) => [r.index, r.success])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect((await zd.tickets.show(ticket.id)).tags).toEqual(['vitrine', 'vitrine_mediacao']);
    expect(await zd.tickets.addTags(ticket.id, ['Vitrine_Contato_Duplicado', 'vitrine'])).toEqual([
      'vitrine',
      'vitrine_mediacao',
      'vitrine_contato_duplicado',
    ]);
  });

  it('creates a ticket exactly once with an Idempotency-Key even when the answer is lost', async () => {
    const zd = client({ clock: new FakeClock(Date.now()) });
    const externalId = 'vitrine:mercadolivre:pack-2000001';
    const body = {
      subject: 'Dúvida sobre entrega',
      external_id: externalId,
      requester: { name: 'Bruno Costa', email: 'bruno@exemplo.com.br' },
      comment: { body: 'Quando chega?' },
    };
    sandbox.handle.faults.failNext('lost_answer', { method: 'POST', path: /\/api\/v2\/tickets$/ });
    const first = await zd.tickets.create(body, { idempotencyKey: 'loja-teste:conv:2000001' });
    expect(first.replayed).toBe(true); // the retry got the stored answer
    expect(await zd.tickets.findByExternalId(externalId)).toHaveLength(1);

    const again = await zd.tickets.createOnce(body, 'loja-teste:conv:2000001');
    expect(again).toEqual({ ticket: expect.objectContaining({ id: first.ticket.id }), created: false });

    const conflict = await zd.tickets
      .create({ ...body, subject: 'outro' }, { idempotencyKey: 'loja-teste:conv:2000001' })
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 400, code: 'IdempotentRequestError', attempts: 1 });
  });

  it('adds a comment exactly once when the answer to the update is lost', async () => {
    const zd = client();
    const { ticket } = await newTicket(zd);
    const buyer = ticket.requester_id;
    sandbox.handle.faults.failNext('lost_answer', {
      method: 'PUT',
      path: new RegExp(`/tickets/${ticket.id}$`),
    });
    const direct = await zd.tickets
      .update(ticket.id, { comment: { body: 'Segunda mensagem', author_id: buyer } })
      .catch((e: unknown) => e);
    expect(direct).toMatchObject({ outcomeUnknown: true, status: 502, attempts: 1 });

    sandbox.handle.faults.failNext('lost_answer', {
      method: 'PUT',
      path: new RegExp(`/tickets/${ticket.id}$`),
    });
    const result = await zd.tickets.addCommentOnce(ticket.id, {
      body: 'Terceira mensagem',
      author_id: buyer,
    });
    expect(result.reconciled).toBe(true);
    const bodies: string[] = [];
    for await (const c of zd.tickets.listComments(ticket.id)) bodies.push(c.body);
    expect(bodies).toEqual(['Meu pedido ainda não chegou.', 'Segunda mensagem', 'Terceira mensagem']);
  });

  it('upserts buyers by external id and keeps every e-mail and phone as identities', async () => {
    const zd = client();
    const first = await zd.users.createOrUpdate({
      name: 'Carla Mendes',
      external_id: 'vitrine:americanas:buyer:555',
      email: 'carla.mascarado@marketplace.example',
      phone: '+5541998765432',
    });
    expect(first.created).toBe(true);
    const second = await zd.users.createOrUpdate({
      external_id: 'VITRINE:AMERICANAS:BUYER:555',
      email: 'carla@gmail.example',
    });
    expect(second).toEqual({
      user: expect.objectContaining({ id: first.user.id, email: 'carla.mascarado@marketplace.example' }),
      created: false,
    });
    await zd.users.identities.create(first.user.id, { type: 'phone_number', value: '+5541333344444' });
    const identities = await zd.users.identities.list(first.user.id);
    expect(identities.map((i) => [i.type, i.value, i.primary])).toEqual([
      ['email', 'carla.mascarado@marketplace.example', true],
      ['phone_number', '+5541998765432', true],
      ['email', 'carla@gmail.example', false],
      ['phone_number', '+5541333344444', false],
    ]);
    const taken = await zd.users.identities
      .create(first.user.id + 1, { type: 'email', value: 'carla@gmail.example' })
      .catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ZendeskApiError);
  });

  it('resolves Vitrine’s custom fields by key and says which key is missing', async () => {
    const zd = client();
    const ids = await zd.ticketFields.resolveFieldIds();
    expect(Object.keys(ids).sort()).toEqual([
      'vitrine_conversation_id',
      'vitrine_marketplace',
      'vitrine_order_number',
      'vitrine_reply_due_at',
    ]);
    const { ticket } = await zd.tickets.create({
      requester: { name: 'Rui', email: 'rui@exemplo.com.br' },
      comment: { body: 'oi' },
      custom_fields: [{ id: ids.vitrine_order_number, value: '7001234' }],
    });
    expect(ticket.custom_fields).toEqual([{ id: ids.vitrine_order_number, value: '7001234' }]);
    await expect(zd.ticketFields.resolveFieldIds(['vitrine_inexistente'])).rejects.toThrow(
      /vitrine_inexistente/,
    );
  });

  it('exports tickets incrementally until end_of_stream and resumes from after_cursor', async () => {
    const zd = client();
    const ids: number[] = [];
    let cursor: string | null = null;
    for await (const page of zd.incrementalTickets({ startTime: 0 }, { perPage: 50 })) {
      ids.push(...page.tickets.map((t) => t.id));
      cursor = page.after_cursor;
      if (page.end_of_stream) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
    const { ticket } = await newTicket(zd, 'Chegou por e-mail');
    const next: number[] = [];
    for await (const page of zd.incrementalTickets({ cursor: cursor! }))
      next.push(...page.tickets.map((t) => t.id));
    expect(next).toEqual([ticket.id]);
    const tooRecent = zd.incrementalTickets({ startTime: Date.now() / 1000 - 10 }).next();
    await expect(tooRecent).rejects.toMatchObject({ status: 400, attempts: 1 });
  });
});
