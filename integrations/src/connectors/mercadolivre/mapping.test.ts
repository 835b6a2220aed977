import { Conversation } from '@vitrine/shared';
import { claimToConversation, packToConversation } from './mapping';
import { MlClaimRecord, MlPackRecord, type MlClaimRecordInput, type MlPackRecordInput } from './schemas';
import { parseNotification, streamForTopic } from './notifications';

const SELLER = 123456789;
const BUYER = 987654321;
const mlMessage = (id: string, from: number, text: string, created: string, moderation = 'clean') => ({
  id,
  site_id: 'MLB',
  from: { user_id: from },
  to: { user_id: from === SELLER ? BUYER : SELLER },
  status: 'available',
  text,
  message_date: { received: created, available: created, notified: created, created, read: null },
  message_moderation: {
    status: moderation,
    reason: moderation === 'rejected' ? 'PERSONAL_DATA' : null,
    source: 'online',
  },
  message_attachments: [],
});
const pack = (messages: object[], over: Partial<MlPackRecordInput> = {}): MlPackRecordInput =>
  ({
    pack_id: '2000004567890123',
    seller_id: String(SELLER),
    order: {
      id: 2000009876543210,
      status: 'paid',
      pack_id: 2000004567890123,
      buyer: { id: BUYER, nickname: 'JOAOSILVA', first_name: 'João', last_name: 'Silva' },
      order_items: [{ item: { id: 'MLB123', title: 'Guarda-roupa 6 portas' } }],
    },
    conversation: {
      paging: { limit: 10, offset: 0, total: messages.length },
      conversation_status: { status: 'active', claim_ids: null, substatus: null },
      messages,
    },
    ...over,
  }) as MlPackRecordInput;

describe('Mercado Livre pack → Conversation', () => {
  const map = (input: MlPackRecordInput) => Conversation.parse(packToConversation(MlPackRecord.parse(input)));

  it('maps buyer, order and messages in order with their ML ids', () => {
    const c = map(
      pack([
        mlMessage('b2', SELLER, 'Olá João, já enviamos.', '2026-11-20T14:00:00.000-03:00'),
        mlMessage('a1', BUYER, 'Quando chega meu guarda-roupa?', '2026-11-20T10:00:00.000-03:00'),
      ]),
    );
    expect(c).toMatchObject({
      externalId: 'pack-2000004567890123',
      orderNumber: '2000009876543210',
      customer: { name: 'João Silva', externalId: String(BUYER) },
      status: 'awaiting_customer',
      subject: 'Guarda-roupa 6 portas',
    });
    expect(c.messages.map((m) => [m.externalId, m.author])).toEqual([
      ['a1', 'customer'],
      ['b2', 'seller'],
    ]);
  });

  it('leaves out messages moderation rejected or still holds', () => {
    const c = map(
      pack([
        mlMessage('a1', BUYER, 'Meu whats é 11 99999-0000', '2026-11-20T10:00:00Z', 'rejected'),
        mlMessage('a2', BUYER, 'Pode me ligar?', '2026-11-20T10:05:00Z', 'pending'),
        mlMessage('a3', BUYER, 'Alguma novidade?', '2026-11-20T10:10:00Z'),
      ]),
    );
    expect(c.messages.map((m) => m.externalId)).toEqual(['a3']);
  });

  it('falls back to the pack id and the message sender without an order', () => {
    const c = map(pack([mlMessage('a1', BUYER, 'Oi', '2026-11-20T10:00:00Z')], { order: null }));
    expect(c.orderNumber).toBe('2000004567890123');
    expect(c.customer.externalId).toBe(String(BUYER));
  });
});

describe('Mercado Livre claim → Conversation', () => {
  const claim = (over: Record<string, unknown> = {}) => ({
    id: 5123456789,
    resource_id: 2000009876543210,
    resource: 'order',
    status: 'opened',
    type: 'mediations',
    stage: 'claim',
    reason_id: 'PDD9549',
    date_created: '2026-11-18T09:00:00.000-04:00',
    players: [
      { role: 'complainant', type: 'buyer', user_id: BUYER, available_actions: [] },
      {
        role: 'respondent',
        type: 'seller',
        user_id: SELLER,
        available_actions: [
          {
            action: 'send_message_to_complainant',
            due_date: '2026-11-21T09:00:00.000-04:00',
            mandatory: true,
          },
        ],
      },
    ],
    ...over,
  });
  const cmsg = (sender_role: string, receiver_role: string, message: string, date_created: string) => ({
    sender_role,
    receiver_role,
    message,
    date_created,
  });
  const map = (input: MlClaimRecordInput) =>
    Conversation.parse(claimToConversation(MlClaimRecord.parse(input)));

  it('a dispute is a mediation with the mediator as second counterpart', () => {
    const c = map({
      claim: claim({ stage: 'dispute' }),
      messages: [
        cmsg('complainant', 'respondent', 'Produto chegou riscado', '2026-11-18T09:05:00.000-04:00'),
        cmsg('mediator', 'respondent', 'Vendedor, envie fotos da embalagem', '2026-11-19T09:05:00.000-04:00'),
      ],
    } as MlClaimRecordInput);
    expect(c).toMatchObject({
      externalId: 'claim-5123456789',
      status: 'mediation',
      counterparts: ['customer', 'marketplace'],
      orderNumber: '2000009876543210',
    });
    expect(c.messages.map((m) => [m.author, m.counterpart])).toEqual([
      ['customer', 'customer'],
      ['marketplace', 'marketplace'],
    ]);
    expect(c.reportedDueAt).toBe('2026-11-21T09:00:00.000-04:00');
  });

  it('an open claim before dispute stays with the customer; a closed one is closed', () => {
    expect(map({ claim: claim(), messages: [] } as MlClaimRecordInput)).toMatchObject({
      status: 'open',
      counterparts: ['customer'],
    });
    expect(map({ claim: claim({ status: 'closed' }), messages: [] } as MlClaimRecordInput).status).toBe(
      'closed',
    );
  });
});

describe('Mercado Livre notifications', () => {
  const body = {
    _id: 'abc',
    resource: '/messages/abc123',
    user_id: SELLER,
    topic: 'messages',
    application_id: 897,
    attempts: 1,
    sent: '2026-11-20T13:00:00.000Z',
    received: '2026-11-20T13:00:00.000Z',
    actions: ['created'],
  };

  it('parses a documented payload and says which stream it wakes', () => {
    const parsed = parseNotification(body);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(streamForTopic(parsed.notification.topic)).toBe('mercadolivre.messages');
    expect(streamForTopic('claims')).toBe('mercadolivre.claims');
    expect(streamForTopic('items')).toBeNull();
  });

  it('refuses a payload without resource, with a readable reason', () => {
    const parsed = parseNotification({ ...body, resource: undefined });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('resource');
  });
});
