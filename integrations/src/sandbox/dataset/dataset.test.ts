import { isValidCnpj, isValidCpf, parseTrackingCode } from '@vitrine/shared';
import { buildDataset, sandboxZendeskSeed, seededBuyerMessages } from '.';

const NOW = new Date('2026-11-20T15:00:00Z');

describe('sandbox dataset', () => {
  it('is the same for the same seed and different for another seed', () => {
    const a = buildDataset({ seed: 42, now: NOW });
    const b = buildDataset({ seed: 42, now: NOW });
    const c = buildDataset({ seed: 43, now: NOW });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.customers.map((x) => x.document)).not.toEqual(a.customers.map((x) => x.document));
  });

  it('has valid CPFs, a few valid CNPJs, Brazilian mobiles and valid S10 codes', () => {
    const d = buildDataset({ seed: 7, now: NOW });
    const cpfs = d.customers.filter((c) => c.documentType === 'cpf');
    const cnpjs = d.customers.filter((c) => c.documentType === 'cnpj');
    expect(cpfs.length).toBeGreaterThan(30);
    expect(cnpjs.length).toBeGreaterThan(0);
    for (const c of cpfs) expect(isValidCpf(c.document)).toBe(true);
    for (const c of cnpjs) expect(isValidCnpj(c.document)).toBe(true);
    for (const c of d.customers) expect(c.phone).toMatch(/^\+55[1-9]\d9\d{8}$/);
    const correios = d.orders.filter((o) => o.carrier === 'Correios');
    expect(correios.length).toBeGreaterThan(0);
    for (const o of correios) expect(parseTrackingCode(o.trackingCode).valid).toBe(true);
  });

  it('grows with the scale', () => {
    const small = buildDataset({ seed: 1, scale: 1, now: NOW });
    const big = buildDataset({ seed: 1, scale: 3, now: NOW });
    expect(big.conversations.length).toBeGreaterThanOrEqual(small.conversations.length * 2.5);
  });

  it('every conversation has a buyer message, placed before now and in order', () => {
    const d = buildDataset({ seed: 3, now: NOW });
    for (const c of d.conversations) {
      expect(c.messages[0]!.author).toBe('customer');
      const times = c.messages.map((m) => Date.parse(m.at));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    }
    expect(seededBuyerMessages(d).length).toBeGreaterThanOrEqual(d.conversations.length);
  });

  it('covers mediation and closed conversations on each marketplace', () => {
    const d = buildDataset({ seed: 5, now: NOW });
    for (const source of ['madeiramadeira', 'americanas', 'mercadolivre'] as const) {
      const statuses = new Set(d.conversations.filter((c) => c.source === source).map((c) => c.status));
      expect(statuses.has('mediation')).toBe(true);
      expect(statuses.has('closed')).toBe(true);
      expect(statuses.has('open')).toBe(true);
    }
  });

  it('has customers who wrote on two channels about one order', () => {
    const d = buildDataset({ seed: 9, now: NOW });
    const seed = sandboxZendeskSeed(d);
    const whatsapp = seed.find(
      (t) => t.via.channel === 'whatsapp' && t.sameCaseAs?.source === 'madeiramadeira',
    )!;
    const session = d.conversations.find((c) => c.conversationId === whatsapp.sameCaseAs!.conversationId)!;
    const buyer = d.customers.find((c) => c.id === session.customerId)!;
    expect(whatsapp.requester.phone).toBe(buyer.phone);

    const email = seed.find((t) => t.via.channel === 'email' && t.sameCaseAs?.source === 'americanas')!;
    const sac = d.conversations.find((c) => c.conversationId === email.sameCaseAs!.conversationId)!;
    const order = d.orders.find((o) => o.id === sac.orderId)!;
    expect(email.subject).toContain(order.number);
    expect(seed.some((t) => t.via.channel === 'instagram_dm')).toBe(true);
  });
});
