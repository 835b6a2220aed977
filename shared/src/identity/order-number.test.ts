import { normalizeOrderNumber } from '.';

describe('normalizeOrderNumber', () => {
  it('Americanas: the SAC code and the order code of the same order give the same key', () => {
    // The pair SkyHub's /sac documentation shows for one ticket.
    const sac = normalizeOrderNumber('Lojas Americanas-201000000004001');
    const order = normalizeOrderNumber('02-1000000004');
    expect(sac).toMatchObject({ marketplace: 'americanas', kind: 'entrega', normalized: '1000000004' });
    expect(order).toMatchObject({ marketplace: 'americanas', kind: 'order', normalized: '1000000004' });
    expect(normalizeOrderNumber('Lojas Americanas-200123456789001')?.normalized).toBe('0123456789');
  });

  it('Americanas: the orders API code (channel + order number) is the order itself', () => {
    expect(normalizeOrderNumber('Lojas Americanas-1000000004')).toMatchObject({
      kind: 'order',
      normalized: '1000000004',
    });
  });

  it('Americanas: a bare entrega number is read as one only when the channel says Americanas', () => {
    expect(normalizeOrderNumber('201000000004001', 'americanas-sac')?.normalized).toBe('1000000004');
    expect(normalizeOrderNumber('201000000004001')?.normalized).toBe('201000000004001');
  });

  it('Mercado Livre: keeps pack or order when the label says which, and never merges the two numbers', () => {
    expect(normalizeOrderNumber('pack 2000004567890123')).toMatchObject({
      marketplace: 'mercadolivre',
      kind: 'pack',
      normalized: '2000004567890123',
    });
    expect(normalizeOrderNumber('order:2000001234567890')).toMatchObject({ kind: 'order' });
    const bare = normalizeOrderNumber('2000001234567890');
    expect(bare).toMatchObject({ marketplace: 'mercadolivre', normalized: '2000001234567890' });
    expect(bare?.kind).toBeUndefined();
  });

  it('strips labels and separators people write around a number', () => {
    expect(normalizeOrderNumber('Pedido nº 7001234')?.normalized).toBe('7001234');
    expect(normalizeOrderNumber('#7001234')?.normalized).toBe('7001234');
    expect(normalizeOrderNumber('7.001.234')?.normalized).toBe('7001234');
    expect(normalizeOrderNumber('v774982crb-01')?.normalized).toBe('V774982CRB-01');
    expect(normalizeOrderNumber('7001234', 'madeiramadeira')).toMatchObject({
      marketplace: 'madeiramadeira',
      normalized: '7001234',
    });
  });

  it('returns null for things that are not order numbers', () => {
    for (const raw of ['', 'pedido', 'abc', 'R$ 10,00', '12', 'Lojas Americanas-abc']) {
      expect(normalizeOrderNumber(raw)).toBeNull();
    }
  });
});
