import { Conversation } from '@vitrine/shared';
import { z } from 'zod';
import { toConversation } from './mapping';
import { MmSessionRecord, type MmSessionRecordInput } from './schemas';

// Small builders shaped like the documented payloads (Postman collection examples).
const session = (over: Record<string, unknown> = {}) => ({
  session_id: 1052,
  order_seller: '9346538',
  order: '72021868',
  order_date: '2026-02-04 10:04:30',
  customer_name: 'Vinicius Da Rocha Gomes',
  status: { id: 1, description: 'Aguardando Resposta', slug: 'awaiting_answer_seller' },
  created_at: '2026-02-04 15:52:49',
  expired_date: '2026-02-06 17:28:48',
  reason: {
    id: 587,
    external_id: 205,
    description: 'Informar Novo Prazo de Entrega',
    is_central_atendimento: false,
  },
  ...over,
});
const message = (over: Record<string, unknown> = {}) => ({
  from: 'Vinicius Da Rocha Gomes',
  origin: 'infobip',
  received_at: 1770236918586,
  text: 'Meu pedido ainda não chegou',
  type: 'text',
  role: 'buyer',
  created_at: '2026-02-04 17:28:38',
  ...over,
});
const order = (over: Record<string, unknown> = {}) => ({
  id_pedido: '9346538',
  comprador: {
    nome: 'Vinicius da Rocha Gomes',
    email: 'x7k2p9@madeiramadeira.com.br',
    telefone: '11998887778 / ',
    documento: '111.444.777-35',
  },
  ...over,
});
const record = (
  parts: { session?: object; messages?: object[]; order?: object | null } = {},
): MmSessionRecordInput =>
  ({
    session: parts.session ?? session(),
    history: { ...(parts.session ?? session()), messages: parts.messages ?? [message()] },
    order: parts.order === undefined ? order() : parts.order,
  }) as MmSessionRecordInput;

const map = (input: MmSessionRecordInput) => Conversation.parse(toConversation(MmSessionRecord.parse(input)));

describe('MadeiraMadeira session → Conversation', () => {
  it('maps identity, order, status and the reported deadline (Brasília time)', () => {
    const c = map(record());
    expect(c).toMatchObject({
      source: 'madeiramadeira',
      externalId: '1052',
      channel: 'madeiramadeira',
      orderNumber: '72021868',
      status: 'open',
      reportedDueAt: '2026-02-06T17:28:48-03:00',
      counterparts: ['customer'],
      customer: {
        name: 'Vinicius da Rocha Gomes',
        email: 'x7k2p9@madeiramadeira.com.br',
        phone: '+5511998887778',
        document: '11144477735',
      },
    });
  });

  it('orders messages by time, names authors and keeps ids stable across reads', () => {
    const messages = [
      message({
        role: 'seller',
        from: 'Loja',
        text: 'Já verificamos com a transportadora.',
        received_at: 1770240000000,
      }),
      message(),
      message({
        role: 'attendant',
        from: 'Atendente MM',
        text: 'Seguimos acompanhando.',
        received_at: 1770250000000,
      }),
    ];
    const first = map(record({ messages }));
    const again = map(record({ messages: [...messages].reverse() }));
    expect(first.messages.map((m) => m.author)).toEqual(['customer', 'seller', 'marketplace']);
    expect(first.messages[0]!.createdAt).toBe(new Date(1770236918586).toISOString());
    expect(again.messages.map((m) => m.externalId)).toEqual(first.messages.map((m) => m.externalId));
    expect(new Set(first.messages.map((m) => m.externalId)).size).toBe(3);
  });

  it('gives two identical buyer messages two different ids', () => {
    const c = map(record({ messages: [message(), message()] }));
    expect(c.messages).toHaveLength(2);
    expect(c.messages[0]!.externalId).not.toBe(c.messages[1]!.externalId);
  });

  it.each([
    [1, 'open'],
    [2, 'awaiting_customer'],
    [3, 'closed'],
    [4, 'mediation'],
    [5, 'mediation'],
    [6, 'open'],
  ])('status id %i → %s', (id, status) => {
    expect(map(record({ session: session({ status: { id: String(id), description: 'x' } }) })).status).toBe(
      status,
    );
  });

  it('treats an empty expired_date as no deadline and falls back to the session name without an order', () => {
    const c = map(record({ session: session({ expired_date: '' }), order: null }));
    expect(c.reportedDueAt).toBeUndefined();
    expect(c.customer.name).toBe('Vinicius Da Rocha Gomes');
  });

  it('accepts ids as numbers or strings and money as string or number', () => {
    const parsed = MmSessionRecord.parse(
      record({
        session: session({ session_id: '1052', order: 72021868 }),
        order: order({ skus: [{ sku: 1, valor_unitario: '1.299,90', total: 1299.9 }] }),
      }),
    );
    expect(parsed.session.order).toBe('72021868');
    expect(parsed.order?.skus?.[0]).toMatchObject({ sku: '1', valor_unitario: 129990, total: 129990 });
  });

  it('rejects a malformed record with a message the quarantine can show', () => {
    const bad = MmSessionRecord.safeParse(
      record({ session: session({ created_at: 'ontem', status: { description: 'sem id' } }) }),
    );
    expect(bad.success).toBe(false);
    const text = z.prettifyError(bad.error!);
    expect(text).toContain('session.created_at');
    expect(text).toContain('unreadable date');
    expect(text).toContain('session.status.id');
  });
});
