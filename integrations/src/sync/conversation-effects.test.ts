import { TAGS, TICKET_FIELD_KEYS } from '../zendesk/conventions';
import { diffMessages } from './conversation-diff';
import { planConversationEffects, type KnownConversation } from './conversation-effects';
import type { AddCommentEffect, CreateTicketEffect } from './effects';
import { buyerMessage, conversation, sellerMessage } from './testing/conversations';

const firstRead: KnownConversation = {
  ticketPlanned: false,
  status: null,
  replyDueAt: null,
  relayedTexts: [],
};

describe('diffMessages', () => {
  it('returns unseen messages in the order the buyer wrote them, whatever order the source lists them in', () => {
    const conv = conversation('s1', [
      buyerMessage('m3', 'Alguma novidade?', 30),
      buyerMessage('m1', 'Olá, meu pedido não chegou', 10),
      buyerMessage('m2', 'O rastreio parou em Curitiba', 20),
    ]);
    const fresh = diffMessages(conv, []);
    expect(fresh.map((f) => [f.message.externalId, f.position])).toEqual([
      ['m1', 0],
      ['m2', 1],
      ['m3', 2],
    ]);
  });

  it('skips stored messages and appends new ones after them, even a late one written earlier', () => {
    const conv = conversation('s1', [
      buyerMessage('m1', 'Olá', 10),
      buyerMessage('late', 'mensagem atrasada', 5),
      buyerMessage('m2', 'Oi?', 20),
    ]);
    const stored = [
      {
        externalId: 'm1',
        position: 0,
        author: 'customer',
        counterpart: 'customer',
        text: 'Olá',
        createdAt: '',
      },
    ];
    expect(diffMessages(conv, stored).map((f) => [f.message.externalId, f.position])).toEqual([
      ['late', 1],
      ['m2', 2],
    ]);
  });

  it('keeps a message the source lists twice only once', () => {
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 10), buyerMessage('m1', 'Olá', 10)]);
    expect(diffMessages(conv, [])).toHaveLength(1);
  });
});

describe('planConversationEffects', () => {
  it('creates the requester, then the ticket with the first message, then one comment per further message', () => {
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 10), buyerMessage('m2', 'Alguém?', 20)]);
    const plan = planConversationEffects(conv, diffMessages(conv, []), firstRead, '2026-11-04T23:59:59.999Z');
    expect(plan.effects.map((e) => e.effect.kind)).toEqual(['ensure_user', 'create_ticket', 'add_comment']);
    expect(new Set(plan.effects.map((e) => e.chain)).size).toBe(1);
    const create = plan.effects[1]!.effect as CreateTicketEffect;
    expect(create.comment).toEqual({ body: 'Olá', public: true, byRequester: true });
    expect(create.tags).toEqual(expect.arrayContaining([TAGS.managed, TAGS.source('madeiramadeira')]));
    expect(create.fields[TICKET_FIELD_KEYS.orderNumber]).toBe(conv.orderNumber);
    expect(create.fields[TICKET_FIELD_KEYS.replyDueAt]).toBe('2026-11-04T23:59:59.999Z');
    expect((plan.effects[2]!.effect as AddCommentEffect).comment.body).toBe('Alguém?');
  });

  it('gives every effect a key derived from the message, so planning the same read twice queues nothing new', () => {
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 10), buyerMessage('m2', 'Alguém?', 20)]);
    const a = planConversationEffects(conv, diffMessages(conv, []), firstRead, null);
    const b = planConversationEffects(conv, diffMessages(conv, []), firstRead, null);
    expect(a.effects.map((e) => e.idempotencyKey)).toEqual(b.effects.map((e) => e.idempotencyKey));
    expect(new Set(a.effects.map((e) => e.idempotencyKey)).size).toBe(a.effects.length);
  });

  it('adds only comments once the ticket is planned', () => {
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 10), buyerMessage('m2', 'Alguém?', 20)]);
    const stored = [
      {
        externalId: 'm1',
        position: 0,
        author: 'customer',
        counterpart: 'customer',
        text: 'Olá',
        createdAt: '',
      },
    ];
    const plan = planConversationEffects(
      conv,
      diffMessages(conv, stored),
      { ...firstRead, ticketPlanned: true, status: 'open' },
      null,
    );
    expect(plan.effects.map((e) => e.idempotencyKey)).toEqual(['comment:madeiramadeira:s1:m2']);
  });

  it('tags mediation and writes one internal note when a conversation enters mediation', () => {
    const conv = conversation('s1', [buyerMessage('m1', 'Olá', 10)], { status: 'mediation' });
    const stored = [
      {
        externalId: 'm1',
        position: 0,
        author: 'customer',
        counterpart: 'customer',
        text: 'Olá',
        createdAt: '',
      },
    ];
    const plan = planConversationEffects(
      conv,
      [],
      { ...firstRead, ticketPlanned: true, status: 'open' },
      null,
    );
    expect(stored).toHaveLength(1);
    const note = plan.effects.find((e) => e.idempotencyKey.startsWith('mediation:'))!
      .effect as AddCommentEffect;
    expect(note.comment.public).toBe(false);
    expect(note.comment.body).toMatch(/mediação/);
    expect(note.addTags).toEqual([TAGS.mediation]);
    const again = planConversationEffects(
      conv,
      [],
      { ...firstRead, ticketPlanned: true, status: 'mediation' },
      null,
    );
    expect(again.effects).toEqual([]);
  });

  it('never writes back a reply Vitrine relayed itself, and confirms it was delivered', () => {
    const conv = conversation('s1', [
      buyerMessage('m1', 'Olá', 10),
      sellerMessage('r1', 'Seu pedido sai hoje.', 15),
    ]);
    const plan = planConversationEffects(
      conv,
      diffMessages(conv, []).slice(1),
      { ...firstRead, ticketPlanned: true, status: 'open', relayedTexts: ['Seu pedido sai hoje.'] },
      null,
    );
    expect(plan.effects).toEqual([]);
    expect(plan.commentStates.get('r1')).toBe('none');
    expect(plan.confirmedRelays).toEqual(['Seu pedido sai hoje.']);
  });

  it('shows a seller reply sent outside Zendesk as an internal note, never as a public comment', () => {
    const conv = conversation('s1', [
      buyerMessage('m1', 'Olá', 10),
      sellerMessage('r1', 'Respondi pelo portal', 15),
    ]);
    const plan = planConversationEffects(
      conv,
      diffMessages(conv, []).slice(1),
      { ...firstRead, ticketPlanned: true, status: 'open' },
      null,
    );
    const note = plan.effects[0]!.effect as AddCommentEffect;
    expect(note.comment.public).toBe(false);
    expect(note.comment.byRequester).toBe(false);
  });

  it('waits for a buyer message before creating a ticket', () => {
    const conv = conversation('s1', [sellerMessage('r1', 'Olá! Seu pedido foi enviado.', 15)]);
    const plan = planConversationEffects(conv, diffMessages(conv, []), firstRead, null);
    expect(plan.effects).toEqual([]);
  });
});
