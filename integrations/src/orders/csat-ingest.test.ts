import { buildTicketContext } from '../context/build-context';
import { startSandbox, type RunningSandbox } from '../sandbox/core/test-server';
import { addNativeTicket, type NativeTicketSeed } from '../sandbox/zendesk/seed';
import { getCheckpoint } from '../store/checkpoints';
import { describeEachEngine } from '../store/testing';
import { upsertTenant } from '../store/tenants';
import { recordInboundEvent } from '../sync/inbound-events';
import { syncZendeskTickets } from '../sync/linker';
import { TenantSync } from '../sync/tenant-sync';
import { zendeskGateway } from '../sync/zendesk-gateway-client';
import { createZendeskClient, type ZendeskClient } from '../zendesk/client';
import { RateBudgets } from '../zendesk/rate-budget';
import type { SatisfactionRating } from '../zendesk/types';
import { CSAT_STREAM, ingestCsatRatings } from './csat-ingest';

const TENANT = 'loja-exemplo';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const maria = { name: 'Maria Oliveira', email: 'maria.oliveira@gmail.com', phone: '+55 41 99876-5432' };
const MARIA_TICKETS: NativeTicketSeed[] = [
  {
    channel: 'email',
    requester: maria,
    subject: 'Entrega do pedido 2000004123',
    messages: [{ body: 'Meu pedido chegou, obrigada.' }],
    status: 'solved',
  },
  {
    channel: 'whatsapp',
    requester: maria,
    subject: 'Pedido atrasado',
    messages: [{ body: 'Comprei um sofá e ainda não chegou, já passou do prazo.' }],
    status: 'solved',
  },
  {
    channel: 'email',
    requester: maria,
    subject: 'Troca de produto',
    messages: [{ body: 'Quero trocar a cor da poltrona que comprei.' }],
  },
];

describeEachEngine('CSAT ingestion from Zendesk', (engine) => {
  let sandbox: RunningSandbox;
  let zd: ZendeskClient;
  let clock: number;
  let tickets: { delivered: number; lateOrder: number; other: number };

  beforeAll(async () => {
    clock = Date.now();
    sandbox = await startSandbox({
      systems: ['zendesk'],
      zendesk: {
        subdomain: TENANT,
        now: () => clock,
      },
    });
    zd = createZendeskClient({
      baseUrl: sandbox.baseUrl('zendesk'),
      auth: { email: 'integracao@vitrine.example', apiToken: 't' },
      tenantId: TENANT,
      budgets: new RateBudgets(),
    });
    // Added after the seed, so the seeded ratings (on the dataset's tickets) never touch them.
    const account = sandbox.handle.zendesk!.account;
    const [delivered, lateOrder, other] = MARIA_TICKETS.map((seed) => addNativeTicket(account, seed).id);
    tickets = { delivered: delivered!, lateOrder: lateOrder!, other: other! };
    await upsertTenant(engine.store.db, {
      id: TENANT,
      subdomain: TENANT,
      name: 'Loja Exemplo',
      zendeskBaseUrl: sandbox.baseUrl('zendesk'),
    });
    // The ticket export, as the sync engine runs it: what the context knows of each requester.
    await syncZendeskTickets(engine.store.db, TENANT, zendeskGateway(zd));
  });

  afterAll(async () => sandbox?.close());

  async function rate(ticketId: number, score: 'good' | 'bad', comment: string): Promise<SatisfactionRating> {
    const response = await zd.http.request<{ satisfaction_rating: SatisfactionRating }>({
      call: 'satisfaction.rate',
      method: 'POST',
      path: `/api/v2/tickets/${ticketId}/satisfaction_rating`,
      body: { satisfaction_rating: { score, comment } },
    });
    return response.data.satisfaction_rating;
  }

  async function storedRatings() {
    return engine.store.db
      .selectFrom('app_csat_ratings')
      .select(['external_id', 'ticket_id', 'score', 'customer_key'])
      .where('tenant_id', '=', TENANT)
      .orderBy('external_id')
      .execute();
  }

  it('stores each rating once even when read twice, and moves the checkpoint to the newest', async () => {
    clock += 60_000;
    const bad = await rate(tickets.lateOrder, 'bad', 'O sofá chegou com 10 dias de atraso e ninguém avisou.');

    const first = await ingestCsatRatings(engine.store.db, TENANT, zd);
    const afterFirst = await storedRatings();
    const second = await ingestCsatRatings(engine.store.db, TENANT, zd);
    const afterSecond = await storedRatings();

    // The seeded account has earlier good and bad ratings too; every one of them lands once.
    const seeded = afterFirst.filter((r) => r.ticket_id !== String(tickets.lateOrder));
    expect(new Set(seeded.map((r) => r.score))).toEqual(new Set(['good', 'bad']));
    expect(afterFirst).toHaveLength(first.stored);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.filter((r) => r.external_id === String(bad.id))).toEqual([
      {
        external_id: String(bad.id),
        ticket_id: String(tickets.lateOrder),
        score: 'bad',
        customer_key: 'phone:+5541998765432',
      },
    ]);

    const checkpoint = await getCheckpoint(engine.store.db, TENANT, CSAT_STREAM);
    expect(checkpoint?.cursor).toBe(bad.updated_at);
    expect(second.cursor).toBe(bad.updated_at);
    // The second read only saw the checkpoint's own second again: nothing counted twice.
    expect(first.added).toBe(first.stored);
    expect(second.added).toBe(0);
    expect(checkpoint?.records).toBe(first.stored);

    clock += 5 * 60_000;
    const good = await rate(tickets.delivered, 'good', 'Chegou antes do prazo, muito obrigada!');
    const third = await ingestCsatRatings(engine.store.db, TENANT, zd);
    // From the checkpoint on: the bad rating (its second, read again) and the new good one.
    expect(third.read).toBe(2);
    expect(Date.parse(good.updated_at)).toBeGreaterThan(Date.parse(bad.updated_at));
    expect(await getCheckpoint(engine.store.db, TENANT, CSAT_STREAM)).toMatchObject({
      cursor: good.updated_at,
      records: first.stored + 1,
    });
    expect(await storedRatings()).toHaveLength(afterFirst.length + 1);
  });

  it("shows a bad rating of one ticket in the context of the same customer's other ticket", async () => {
    const context = await buildTicketContext({ db: engine.store.db }, TENANT, tickets.other);
    // Found through the customer, not through a duplicate pair (the linker did not run).
    expect(context.otherContacts).toEqual([]);
    expect(context.csat.find((r) => r.ticketId === tickets.lateOrder)).toMatchObject({
      ticketId: tickets.lateOrder,
      score: 'bad',
      comment: 'O sofá chegou com 10 dias de atraso e ninguém avisou.',
    });
    expect(context.csat.map((r) => r.ticketId).sort()).toEqual([tickets.delivered, tickets.lateOrder].sort());
  });

  it('a rated_bad webhook event asks for the ratings at once', async () => {
    let wanted = 0;
    const sync = new TenantSync({
      db: engine.store.db,
      tenantId: TENANT,
      zendesk: zendeskGateway(zd),
      sources: new Map(),
      log: silent,
      onRatingsWanted: () => wanted++,
    });
    await recordInboundEvent(engine.store.db, {
      tenantId: TENANT,
      kind: 'zendesk.ticket.rated_bad',
      dedupeKey: null,
      payload: { ticket_id: tickets.lateOrder },
    });
    await sync.pump();
    expect(wanted).toBe(1);
  });
});
