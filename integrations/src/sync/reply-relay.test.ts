import type { Conversation } from '@vitrine/shared';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { TAGS } from '../zendesk/conventions';
import { MarketplaceRefusal, type Connector, type OutboundReply } from './connector';
import { applyConversation } from './conversation-store';
import { recordInboundEvent } from './inbound-events';
import { syncZendeskTickets } from './linker';
import { addressee } from './reply-relay';
import { TenantSync } from './tenant-sync';
import { buyerMessage, conversation, sellerMessage } from './testing/conversations';
import { FakeZendesk } from './testing/fake-zendesk';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A marketplace that records what it received; `behaviour` decides how it answers. */
function marketplace(behaviour: (reply: OutboundReply) => void = () => undefined) {
  const received: OutboundReply[] = [];
  const finalized: string[] = [];
  const connector: Connector = {
    source: 'madeiramadeira',
    credentialKeys: [],
    streams: [],
    sendReply: async (_ctx, reply) => {
      behaviour(reply);
      received.push(reply);
      return { externalMessageId: `mm-${received.length}` };
    },
    finalize: async (_ctx, conv) => {
      finalized.push(conv.externalId);
    },
  };
  return { connector, received, finalized };
}

describe('addressee', () => {
  it('sends an Americanas reply starting with "SAC:" to the SAC, without the prefix', () => {
    expect(addressee('americanas', 'SAC: o pedido foi reenviado.')).toEqual({
      counterpart: 'marketplace',
      text: 'o pedido foi reenviado.',
    });
    expect(addressee('americanas', 'Olá, Maria!')).toEqual({ counterpart: 'customer', text: 'Olá, Maria!' });
    expect(addressee('madeiramadeira', 'SAC: x')).toEqual({ counterpart: 'customer', text: 'SAC: x' });
  });
});

describeEachEngine('reply relay', (engine) => {
  let n = 0;
  let tenantId: string;
  beforeEach(async () => {
    tenantId = `relay${++n}`;
    await upsertTenant(engine.store.db, {
      id: tenantId,
      subdomain: tenantId,
      name: tenantId,
      zendeskBaseUrl: 'http://zendesk.test',
    });
  });

  async function ticketFor(conv: Conversation, zendesk: FakeZendesk, mm: ReturnType<typeof marketplace>) {
    const sync = new TenantSync({
      db: engine.store.db,
      tenantId,
      zendesk,
      log: silent,
      sources: new Map([
        [
          'madeiramadeira',
          {
            connector: mm.connector,
            ctx: { tenantId, baseUrl: 'http://mm.test', credentials: {}, log: silent },
          },
        ],
      ]),
      unconfirmedWriteGraceMs: 0,
      unconfirmedSendGraceMs: 0,
    });
    await engine.store.db.transaction().execute((trx) => applyConversation(trx, tenantId, conv));
    await sync.pump();
    const ticketId = [...zendesk.tickets.values()].find(
      (t) => t.externalId === `vitrine:madeiramadeira:${conv.externalId}`,
    )!.id;
    const webhook = async (event: 'ticket.public_reply' | 'ticket.solved') => {
      await recordInboundEvent(engine.store.db, {
        tenantId,
        kind: `zendesk.${event}`,
        dedupeKey: `zendesk:${event}:${ticketId}`,
        payload: { event, ticket_id: ticketId },
      });
      await sync.pump();
    };
    return { sync, ticketId, webhook };
  }

  it('delivers an agent reply exactly once, however many times the webhook arrives', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const { ticketId, webhook } = await ticketFor(
      conversation('s1', [buyerMessage('m1', 'Olá', 1)]),
      zendesk,
      mm,
    );
    zendesk.agentReply(ticketId, 'Olá, Maria! Seu pedido sai hoje.');
    await webhook('ticket.public_reply');
    await webhook('ticket.public_reply');
    zendesk.agentReply(ticketId, 'Segue o rastreio assim que sair.');
    await webhook('ticket.public_reply');
    expect(mm.received.map((r) => r.text)).toEqual([
      'Olá, Maria! Seu pedido sai hoje.',
      'Segue o rastreio assim que sair.',
    ]);
    expect(mm.received[0]!.idempotencyKey).not.toBe(mm.received[1]!.idempotencyKey);
  });

  it('does not write a relayed reply back on the ticket when the source lists it as a seller message', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 1)]);
    const { sync, ticketId, webhook } = await ticketFor(conv, zendesk, mm);
    zendesk.agentReply(ticketId, 'Seu pedido sai hoje.');
    await webhook('ticket.public_reply');
    const next = {
      ...conv,
      messages: [
        ...conv.messages,
        sellerMessage('r1', 'Seu pedido sai hoje.', 3),
        buyerMessage('m2', 'Obrigada!', 4),
      ],
    };
    await engine.store.db.transaction().execute((trx) => applyConversation(trx, tenantId, next));
    await sync.pump();
    const comments = zendesk.tickets.get(ticketId)!.comments.map((c) => c.body);
    expect(comments).toEqual(['Olá', 'Seu pedido sai hoje.', 'Obrigada!']);
  });

  it('blocks a reply the channel rules forbid: nothing sent, an internal pt-BR note and a tag', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const { ticketId, webhook } = await ticketFor(
      conversation('s1', [buyerMessage('m1', 'Olá', 1)]),
      zendesk,
      mm,
    );
    zendesk.agentReply(ticketId, 'Me chama no WhatsApp (41) 99876-5432 que te passo o pix.');
    await webhook('ticket.public_reply');
    expect(mm.received).toEqual([]);
    const ticket = zendesk.tickets.get(ticketId)!;
    const note = ticket.comments.at(-1)!;
    expect(note.public).toBe(false);
    expect(note.body).toMatch(/não enviou/);
    expect(ticket.tags).toContain(TAGS.replyRefused);
  });

  it('turns a marketplace refusal into an internal note saying what to do, and does not retry it', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace(() => {
      throw new MarketplaceRefusal(
        'session_closed',
        'A sessão já foi finalizada. Aguarde o cliente escrever de novo.',
      );
    });
    const { ticketId, webhook } = await ticketFor(
      conversation('s1', [buyerMessage('m1', 'Olá', 1)]),
      zendesk,
      mm,
    );
    zendesk.agentReply(ticketId, 'Olá! Tudo certo com a entrega?');
    await webhook('ticket.public_reply');
    await webhook('ticket.public_reply');
    const ticket = zendesk.tickets.get(ticketId)!;
    const notes = ticket.comments.filter((c) => !c.public);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/recusou.*Aguarde o cliente/s);
    expect(ticket.tags).toContain(TAGS.replyRefused);
  });

  it('retries a transient failure and delivers once', async () => {
    const zendesk = new FakeZendesk();
    let failures = 1;
    const mm = marketplace(() => {
      if (failures-- > 0) throw new Error('socket hang up');
    });
    const { sync, ticketId, webhook } = await ticketFor(
      conversation('s1', [buyerMessage('m1', 'Olá', 1)]),
      zendesk,
      mm,
    );
    zendesk.agentReply(ticketId, 'Olá! Já verifico.');
    await webhook('ticket.public_reply');
    expect(mm.received).toHaveLength(0);
    await engine.store.db
      .updateTable('sync_relayed_replies')
      .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
      .where('tenant_id', '=', tenantId)
      .execute();
    await sync.pump();
    await sync.pump();
    expect(mm.received.map((r) => r.text)).toEqual(['Olá! Já verifico.']);
  });

  it('keeps a reply on a ticket whose creation is still being confirmed, and relays it once linked', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const { sync, ticketId, webhook } = await ticketFor(
      conversation('s1', [buyerMessage('m1', 'Olá', 1)]),
      zendesk,
      mm,
    );
    // As after a crash: the ticket exists in Zendesk, the writer has not recorded it yet.
    await engine.store.db
      .updateTable('sync_conversations')
      .set({ ticket_id: null })
      .where('tenant_id', '=', tenantId)
      .execute();
    zendesk.agentReply(ticketId, 'Olá! Já verifico o seu pedido.');
    await webhook('ticket.public_reply');
    expect(mm.received).toEqual([]);
    const waiting = await engine.store.db
      .selectFrom('sync_webhook_deliveries')
      .select(['status', 'last_error'])
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(waiting).toEqual([{ status: 'pending', last_error: expect.stringMatching(/not linked/) }]);

    await engine.store.db
      .updateTable('sync_conversations')
      .set({ ticket_id: ticketId })
      .where('tenant_id', '=', tenantId)
      .execute();
    await engine.store.db
      .updateTable('sync_webhook_deliveries')
      .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
      .where('tenant_id', '=', tenantId)
      .execute();
    await sync.pump();
    expect(mm.received.map((r) => r.text)).toEqual(['Olá! Já verifico o seu pedido.']);
  });

  it('relays a reply whose webhook Zendesk never delivered, found through the incremental export', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const { sync } = await ticketFor(conversation('s1', [buyerMessage('m1', 'Olá', 1)]), zendesk, mm);
    const ticketId = [...zendesk.tickets.keys()][0]!;
    await syncZendeskTickets(engine.store.db, tenantId, zendesk); // first read: nothing new from agents
    await sync.pump();
    expect(mm.received).toEqual([]);
    zendesk.agentReply(ticketId, 'Olá! O pedido sai amanhã.');
    await syncZendeskTickets(engine.store.db, tenantId, zendesk);
    await sync.pump();
    await syncZendeskTickets(engine.store.db, tenantId, zendesk); // the same change again: no second check
    await sync.pump();
    expect(mm.received.map((r) => r.text)).toEqual(['Olá! O pedido sai amanhã.']);
  });

  it('finalizes the treatment when the ticket is solved', async () => {
    const zendesk = new FakeZendesk();
    const mm = marketplace();
    const { webhook } = await ticketFor(conversation('s1', [buyerMessage('m1', 'Olá', 1)]), zendesk, mm);
    await webhook('ticket.solved');
    expect(mm.finalized).toEqual(['s1']);
  });
});
