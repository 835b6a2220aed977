import { Conversation } from '@vitrine/shared';
import { z } from 'zod';
import { toConversation } from './mapping';
import { SkySacRecord, type SkySacRecordInput } from './schemas';

const CODE = 'Lojas Americanas-201000000004001';
const sac = (over: Record<string, unknown> = {}) => ({
  code: CODE,
  created_at: '2023-06-06T21:41:57-03:00',
  mediation: false,
  order_code: '02-1000000004',
  platform: 'B2w',
  status: 'UNREAD',
  updated_at: '2023-06-06T21:44:44-03:00',
  warehouse: '98',
  ...over,
});
const customerPart = {
  role: 'CUSTOMER',
  name: 'Maria Souza',
  email: 'maria.souza@example.com.br',
  code: '778899',
};
const msg = (role: string, content: string, created_at: string) => ({
  content,
  created_at,
  part:
    role === 'CUSTOMER' ? customerPart : { role, name: role === 'EMPLOYEE' ? 'Ajuda Americanas' : 'Loja' },
});
const chat = (parts: string, messages: object[]) => ({
  parts,
  status: 'ACTIVE',
  seller_status: 'UNREAD',
  messages,
});
const record = (over: Partial<{ sac: object; chats: unknown }> = {}): SkySacRecordInput =>
  ({
    sac: over.sac ?? sac(),
    chats: over.chats ?? {
      chats: [
        chat('CUSTOMER_SELLER', [msg('CUSTOMER', 'A cadeira veio com o pé quebrado', '2023-06-06T21:41:57')]),
        chat('B2W_SELLER', [
          msg('EMPLOYEE', 'Parceiro, favor tratar a avaria do pedido 02-1000000004', '2023-06-06T21:43:00'),
        ]),
      ],
    },
  }) as SkySacRecordInput;

const map = (input: SkySacRecordInput) => Conversation.parse(toConversation(SkySacRecord.parse(input)));

describe('Americanas SAC ticket → Conversation', () => {
  it('makes one conversation with two counterparts, each message tagged with its side', () => {
    const c = map(record());
    expect(c).toMatchObject({
      source: 'americanas',
      externalId: CODE,
      channel: 'americanas',
      orderNumber: '02-1000000004',
      counterparts: ['customer', 'marketplace'],
      customer: { name: 'Maria Souza', email: 'maria.souza@example.com.br', externalId: '778899' },
      status: 'open',
    });
    expect(c.messages.map((m) => [m.author, m.counterpart])).toEqual([
      ['customer', 'customer'],
      ['marketplace', 'marketplace'],
    ]);
  });

  it('reads dates without zone as Brasília time', () => {
    expect(map(record()).messages[0]!.createdAt).toBe('2023-06-06T21:41:57-03:00');
  });

  it('puts customer ↔ Americanas chats on the marketplace side', () => {
    const c = map(
      record({
        chats: {
          chats: [
            chat('CUSTOMER_B2W', [msg('CUSTOMER', 'Abri reclamação na Americanas', '2023-06-07 09:00:00')]),
          ],
        },
      }),
    );
    expect(c.messages[0]).toMatchObject({ author: 'customer', counterpart: 'marketplace' });
  });

  it('reads the older single-chat response shape', () => {
    const c = map(
      record({ chats: chat('CUSTOMER_SELLER', [msg('CUSTOMER', 'Olá', '2023-06-06T21:41:57')]) }),
    );
    expect(c.messages).toHaveLength(1);
  });

  it('maps mediation and archived tickets', () => {
    expect(map(record({ sac: sac({ mediation: true }) })).status).toBe('mediation');
    expect(map(record({ sac: sac({ status: 'ARCHIVED' }) })).status).toBe('closed');
  });

  it('keeps message ids stable when chats come back in another order', () => {
    const a = map(record());
    const input = record();
    const chats = (input.chats as { chats: object[] }).chats;
    const b = map({ ...input, chats: { chats: [...chats].reverse() } } as SkySacRecordInput);
    expect(b.messages.map((m) => m.externalId)).toEqual(a.messages.map((m) => m.externalId));
  });

  it('rejects an unknown chat pair with a readable reason', () => {
    const bad = SkySacRecord.safeParse(record({ chats: { chats: [chat('SELLER_SELLER', [])] } }));
    expect(bad.success).toBe(false);
    expect(z.prettifyError(bad.error!)).toContain('parts');
  });
});
