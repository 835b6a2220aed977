import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { TAGS } from '../zendesk/conventions';
import { applyConversation } from './conversation-store';
import { linkDuplicateTickets, syncZendeskTickets } from './linker';
import { OutboxWriter } from './outbox-writer';
import { buyerMessage, conversation } from './testing/conversations';
import { FakeZendesk } from './testing/fake-zendesk';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describeEachEngine('duplicate contacts linker', (engine) => {
  it('marks the marketplace ticket and the WhatsApp ticket about the same order, once, without merging', async () => {
    const tenantId = 'linker';
    await upsertTenant(engine.store.db, {
      id: tenantId,
      subdomain: tenantId,
      name: tenantId,
      zendeskBaseUrl: 'http://zendesk.test',
    });
    const zendesk = new FakeZendesk();
    const writer = new OutboxWriter({
      db: engine.store.db,
      tenantId,
      zendesk,
      log: silent,
      unconfirmedGraceMs: 0,
    });
    const conv = conversation('s1', [buyerMessage('m1', 'Meu pedido não chegou', 1)], {
      orderNumber: '7001234',
    });
    const other = conversation('s2', [buyerMessage('n1', 'Quero trocar a cor', 1)], {
      orderNumber: '7009999',
      customer: { name: 'João Lima', email: 'joao@example.com.br', externalId: 'buyer-joao' },
    });
    await engine.store.db.transaction().execute(async (trx) => {
      await applyConversation(trx, tenantId, conv);
      await applyConversation(trx, tenantId, other);
    });
    await writer.drain();
    const whatsapp = zendesk.addNativeTicket({
      channel: 'whatsapp',
      subject: 'Conversa com Maria',
      description: 'Oi, sobre o pedido 7001234, ainda não recebi',
      requester: { name: 'Maria S.', phone: '+5541998765432' },
    });

    await syncZendeskTickets(engine.store.db, tenantId, zendesk);
    expect(await linkDuplicateTickets(engine.store.db, tenantId, silent)).toMatchObject({ notes: 2 });
    expect(await linkDuplicateTickets(engine.store.db, tenantId, silent)).toMatchObject({ notes: 0 });
    await writer.drain();

    const marketplaceTicket = [...zendesk.tickets.values()].find(
      (t) => t.externalId === 'vitrine:madeiramadeira:s1',
    )!;
    for (const ticket of [marketplaceTicket, zendesk.tickets.get(whatsapp)!]) {
      const notes = ticket.comments.filter((c) => !c.public);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toMatch(/pedido 7001234/);
      expect(ticket.tags).toContain(TAGS.duplicate);
    }
    expect(marketplaceTicket.comments.find((c) => !c.public)!.body).toContain(`#${whatsapp}`);
    const unrelated = [...zendesk.tickets.values()].find(
      (t) => t.externalId === 'vitrine:madeiramadeira:s2',
    )!;
    expect(unrelated.tags).not.toContain(TAGS.duplicate);
    expect(zendesk.tickets.size).toBe(3);
  });
});
