import { z } from 'zod';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import type { Connector, StreamDefinition } from './connector';
import { countEffects } from './outbox';
import { OutboxWriter } from './outbox-writer';
import { runStream } from './stream-runner';
import { buyerMessage, conversation } from './testing/conversations';
import { FakeZendesk } from './testing/fake-zendesk';
import type { Conversation } from '@vitrine/shared';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A source whose sessions are whatever the test puts in `sessions` (one page). */
function fakeSource(sessions: Conversation[]) {
  const Raw = z.object({
    id: z.string(),
    conversation: z.custom<Conversation>((v) => typeof v === 'object' && v !== null),
  });
  const stream: StreamDefinition<z.infer<typeof Raw>> = {
    name: 'madeiramadeira.sessions',
    schema: Raw,
    readPage: async () => ({
      records: sessions.map((c) => ({ id: c.externalId, conversation: c })),
      nextCursor: null,
      caughtUp: true,
    }),
    externalId: (raw) => raw.id,
    toConversation: (raw) => raw.conversation,
  };
  const connector: Connector = {
    source: 'madeiramadeira',
    credentialKeys: [],
    streams: [stream],
    sendReply: async () => ({}),
  };
  return { stream, connector };
}

describeEachEngine('sync outbox', (engine) => {
  let tenantNo = 0;
  let tenantId: string;
  beforeEach(async () => {
    tenantId = `loja${++tenantNo}`;
    await upsertTenant(engine.store.db, {
      id: tenantId,
      subdomain: tenantId,
      name: tenantId,
      zendeskBaseUrl: 'http://zendesk.test',
    });
  });

  const ctx = () => ({ tenantId, baseUrl: 'http://mm.test', credentials: {}, log: silent });
  const sync = async (sessions: Conversation[]) => {
    const { stream, connector } = fakeSource(sessions);
    return runStream({ db: engine.store.db, tenantId, connector, stream, ctx: ctx(), log: silent });
  };
  const writer = (zendesk: FakeZendesk, extra: Partial<ConstructorParameters<typeof OutboxWriter>[0]> = {}) =>
    new OutboxWriter({
      db: engine.store.db,
      tenantId,
      zendesk,
      log: silent,
      unconfirmedGraceMs: 0,
      inflightLeaseMs: 0,
      ...extra,
    });

  it('writes every buyer message once, in order, on one ticket per conversation, with bulk calls', async () => {
    const zendesk = new FakeZendesk();
    const sessions = Array.from({ length: 30 }, (_, i) =>
      conversation(`s${i}`, [
        buyerMessage(`s${i}-m1`, `Olá ${i}`, 1),
        buyerMessage(`s${i}-m2`, `Cadê? ${i}`, 2),
        buyerMessage(`s${i}-m3`, `Obrigada ${i}`, 3),
      ]),
    );
    await sync(sessions);
    await writer(zendesk).drain();

    expect(zendesk.tickets.size).toBe(30);
    const comments = zendesk.buyerComments();
    for (let i = 0; i < 30; i++) {
      expect(comments.get(`vitrine:madeiramadeira:s${i}`)).toEqual([
        `Olá ${i}`,
        `Cadê? ${i}`,
        `Obrigada ${i}`,
      ]);
    }
    // 30 conversations × 3 messages: one users call, one create_many and two update_many rounds.
    expect(zendesk.calls.upsertUsers).toBe(1);
    expect(zendesk.calls.createMany).toBe(1);
    expect(zendesk.calls.updateMany).toBe(2);
    expect(await countEffects(engine.store.db, tenantId)).toMatchObject({
      pending: 0,
      inflight: 0,
      failed: 0,
    });
  });

  it('adds a new buyer message to the same ticket, and re-reading the same data changes nothing', async () => {
    const zendesk = new FakeZendesk();
    const first = conversation('s1', [buyerMessage('m1', 'Olá', 1)]);
    await sync([first]);
    await writer(zendesk).drain();
    const again = await sync([first]);
    expect(again.changed).toBe(0);
    await sync([
      {
        ...first,
        messages: [...first.messages, buyerMessage('m2', 'Alguém aí?', 5)],
        updatedAt: buyerMessage('m2', '', 5).createdAt,
      },
    ]);
    await writer(zendesk).drain();
    expect(zendesk.tickets.size).toBe(1);
    expect(zendesk.buyerComments().get('vitrine:madeiramadeira:s1')).toEqual(['Olá', 'Alguém aí?']);
  });

  it('does not duplicate a ticket or comment whose answer was lost, even when the job is forgotten', async () => {
    const zendesk = new FakeZendesk();
    zendesk.forgetJobs = true;
    await sync([
      conversation('s1', [
        buyerMessage('m1', 'Olá', 1),
        buyerMessage('m2', 'ok', 2),
        buyerMessage('m3', 'ok', 3),
      ]),
    ]);
    zendesk.loseAnswers = 3; // the create and both comments are applied, their answers lost
    await writer(zendesk).drain();
    expect(zendesk.tickets.size).toBe(1);
    expect(zendesk.buyerComments().get('vitrine:madeiramadeira:s1')).toEqual(['Olá', 'ok', 'ok']);
    expect(zendesk.calls.findByExternalId).toBeGreaterThan(0);
    expect(zendesk.calls.listComments).toBeGreaterThan(0);
  });

  it('sends again a write that never reached Zendesk', async () => {
    const zendesk = new FakeZendesk();
    await sync([conversation('s1', [buyerMessage('m1', 'Olá', 1), buyerMessage('m2', 'Oi?', 2)])]);
    zendesk.failBefore = 2;
    await writer(zendesk).drain();
    expect(zendesk.buyerComments().get('vitrine:madeiramadeira:s1')).toEqual(['Olá', 'Oi?']);
  });

  it('after a crash between "Zendesk accepted" and "we recorded it", a restarted writer finds the write instead of repeating it', async () => {
    const zendesk = new FakeZendesk();
    await sync([conversation('s1', [buyerMessage('m1', 'Olá', 1), buyerMessage('m2', 'Oi?', 2)])]);
    await writer(zendesk).drain(2); // user + ticket
    // The process dies right after update_many was accepted: the effect is inflight, no job id recorded.
    const comment = await engine.store.db
      .selectFrom('sync_outbox')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'add_comment')
      .executeTakeFirstOrThrow();
    const ticketId = [...zendesk.tickets.keys()][0]!;
    await zendesk.submitTicketUpdates([
      {
        id: ticketId,
        comment: { body: 'Oi?', public: true, authorId: zendesk.tickets.get(ticketId)!.requesterId },
      },
    ]);
    await engine.store.db
      .updateTable('sync_outbox')
      .set({ status: 'inflight', attempts: 1 })
      .where('id', '=', comment.id)
      .execute();

    const restarted = await engine.openStore();
    await new OutboxWriter({
      db: restarted.db,
      tenantId,
      zendesk,
      log: silent,
      unconfirmedGraceMs: 0,
      inflightLeaseMs: 0,
    }).drain();
    expect(zendesk.buyerComments().get('vitrine:madeiramadeira:s1')).toEqual(['Olá', 'Oi?']);
  });

  it('looks for an unconfirmed write only once the queued jobs are done, then sends it again if missing', async () => {
    const zendesk = new FakeZendesk();
    await sync([conversation('s1', [buyerMessage('m1', 'Olá', 1)])]);
    zendesk.failBefore = 1;
    zendesk.unfinishedJobs = 2;
    let now = new Date(Date.now() + 1000);
    const w = writer(zendesk, { unconfirmedGraceMs: 60_000, now: () => now });
    await w.drain();
    expect(zendesk.tickets.size).toBe(0); // a queued job could still create it: not resent yet
    expect(zendesk.calls.findByExternalId ?? 0).toBe(0);
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 1_500);
      await w.drain();
    }
    expect(zendesk.tickets.size).toBe(1);
  });

  it('sends each effect once when two processes drain the same store at the same time', async () => {
    const zendesk = new FakeZendesk();
    const sessions = Array.from({ length: 12 }, (_, i) =>
      conversation(`p${i}`, [
        buyerMessage(`p${i}-m1`, `Olá ${i}`, 1),
        buyerMessage(`p${i}-m2`, `Oi ${i}`, 2),
      ]),
    );
    await sync(sessions);
    // PostgreSQL: a second connection pool. SQLite: the same connection (two connections of one
    // thread would block each other's locks), still interleaving the two writers' steps.
    const other = engine.dialect === 'sqlite' ? engine.store : await engine.openStore();
    const lease = { inflightLeaseMs: 60_000 };
    await Promise.all([
      writer(zendesk, lease).drain(),
      new OutboxWriter({
        db: other.db,
        tenantId,
        zendesk,
        log: silent,
        unconfirmedGraceMs: 0,
        ...lease,
      }).drain(),
    ]);
    // Whatever one process left inflight for the other is finished by the next drain.
    await writer(zendesk, lease).drain();
    await writer(zendesk).drain();
    expect(zendesk.tickets.size).toBe(12);
    for (let i = 0; i < 12; i++) {
      expect(zendesk.buyerComments().get(`vitrine:madeiramadeira:p${i}`)).toEqual([`Olá ${i}`, `Oi ${i}`]);
    }
  });

  it('leaves an effect another process just marked inflight alone until its lease runs out', async () => {
    const zendesk = new FakeZendesk();
    await sync([conversation('s1', [buyerMessage('m1', 'Olá', 1)])]);
    await writer(zendesk).drain(1); // the user
    await engine.store.db
      .updateTable('sync_outbox')
      .set({ status: 'inflight', updated_at: new Date().toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'create_ticket')
      .execute();
    await writer(zendesk, { inflightLeaseMs: 60_000 }).drain();
    expect(zendesk.calls.createMany ?? 0).toBe(0);
    expect(zendesk.calls.findByExternalId ?? 0).toBe(0);
    await writer(zendesk, { inflightLeaseMs: 60_000, now: () => new Date(Date.now() + 61_000) }).drain();
    expect(zendesk.tickets.size).toBe(1);
  });

  it('marks a write Zendesk refuses as failed with the reason, and goes on with the others', async () => {
    const zendesk = new FakeZendesk();
    zendesk.refuse.add('vitrine:madeiramadeira:bad');
    await sync([
      conversation('bad', [buyerMessage('b1', 'x', 1), buyerMessage('b2', 'y', 2)]),
      conversation('good', [buyerMessage('g1', 'Olá', 1)]),
    ]);
    await writer(zendesk).drain();
    expect(zendesk.tickets.size).toBe(1);
    const failed = await engine.store.db
      .selectFrom('sync_outbox')
      .select(['kind', 'last_error'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'failed')
      .orderBy('id')
      .execute();
    expect(failed.map((f) => f.kind)).toEqual(['create_ticket', 'add_comment']);
    expect(failed[0]!.last_error).toMatch(/RecordInvalid/);
    expect(failed[1]!.last_error).toMatch(/never created/);
  });

  it('quarantines a record that fails the schema, with the reason, and syncs the rest of the page', async () => {
    const { stream, connector } = fakeSource([conversation('s1', [buyerMessage('m1', 'Olá', 1)])]);
    const broken: StreamDefinition = {
      ...stream,
      readPage: async (c, cursor) => {
        const page = await stream.readPage(c, cursor);
        return { ...page, records: [{ id: 42 }, ...page.records] };
      },
    };
    const report = await runStream({
      db: engine.store.db,
      tenantId,
      connector,
      stream: broken,
      ctx: ctx(),
      log: silent,
    });
    expect(report).toMatchObject({ changed: 1, quarantined: 1 });
    const q = await engine.store.db
      .selectFrom('quarantine')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(q).toHaveLength(1);
    expect(q[0]!.reason).toMatch(/id/);
  });
});
