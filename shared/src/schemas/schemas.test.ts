import fc from 'fast-check';
import { brlToCents, Complaint, Contact, CsatRating, Exchange, formatBrl, Order, Review, Shipment } from '.';

const order = {
  source: 'madeiramadeira',
  externalId: '2371',
  number: '7001234',
  status: 'shipped',
  sourceStatus: '7 ENVIADO',
  customer: { name: 'Maria Souza', email: 'a1b2c3@madeiramadeira.com.br', document: '11144477735' },
  shippingAddress: { cep: '80010-000', city: 'Curitiba', uf: 'PR' },
  items: [
    { sku: 'MM-123', name: 'Rack para TV 1,80 m', quantity: 1, unitPriceCents: 12990, totalCents: 12990 },
  ],
  itemsTotalCents: 12990,
  shippingCents: 2500,
  totalCents: 15490,
  placedAt: '2026-11-10T14:03:00-03:00',
  estimatedDeliveryDate: '2026-11-25',
  invoices: [{ accessKey: '41261112345678000195550010000012341000012345', number: '1234', series: '1' }],
  shipments: [
    {
      carrier: 'correios',
      trackingCode: 'AA123456785BR',
      status: 'in_transit',
      events: [
        { at: '2026-11-12T09:00:00-03:00', status: 'posted', code: 'PO-01', description: 'Objeto postado' },
      ],
    },
  ],
  updatedAt: '2026-11-12T09:00:00-03:00',
};

describe('Order', () => {
  it('accepts a MadeiraMadeira order with invoice and shipment, filling defaults', () => {
    const parsed = Order.parse(order);
    expect(parsed.currency).toBe('BRL');
    expect(parsed.discountCents).toBe(0);
    expect(parsed.aliases).toEqual([]);
    expect(parsed.shipments[0]?.events[0]?.status).toBe('posted');
  });

  it('rejects money in reais instead of centavos, a 43-digit NF-e key and a date without offset', () => {
    expect(Order.safeParse({ ...order, totalCents: 154.9 }).success).toBe(false);
    expect(
      Order.safeParse({
        ...order,
        invoices: [{ accessKey: '4126111234567800019555001000001234100001234', number: '1' }],
      }).success,
    ).toBe(false);
    expect(Order.safeParse({ ...order, placedAt: '2026-11-10 14:03:00' }).success).toBe(false);
  });

  it('rejects an order without items or with zero quantity', () => {
    expect(Order.safeParse({ ...order, items: [] }).success).toBe(false);
    expect(Order.safeParse({ ...order, items: [{ ...order.items[0], quantity: 0 }] }).success).toBe(false);
  });
});

describe('Shipment', () => {
  it('accepts a carrier Vitrine cannot track as other, rejects an unknown status', () => {
    expect(
      Shipment.safeParse({ carrier: 'other', carrierName: 'Transportadora Regional', status: 'posted' })
        .success,
    ).toBe(true);
    expect(Shipment.safeParse({ carrier: 'correios', status: 'lost' }).success).toBe(false);
  });
});

describe('Exchange', () => {
  const exchange = {
    source: 'troquecommerce',
    externalId: 'REV-991',
    orderNumber: '7001234',
    kind: 'vale_troca',
    status: 'completed',
    amountCents: 12990,
    voucherCents: 12990,
    voucherCode: 'VT-7F3K',
    createdAt: '2026-11-15T10:00:00-03:00',
    updatedAt: '2026-11-18T10:00:00-03:00',
  };
  it('accepts troca, vale_troca and estorno and rejects other kinds', () => {
    for (const kind of ['troca', 'vale_troca', 'estorno'])
      expect(Exchange.safeParse({ ...exchange, kind }).success).toBe(true);
    expect(Exchange.safeParse({ ...exchange, kind: 'cashback' }).success).toBe(false);
    expect(Exchange.parse(exchange).refundCents).toBe(0);
  });
});

describe('Review, Complaint, CSAT, Contact', () => {
  it('keeps ratings between 1 and 5 stars', () => {
    const review = {
      source: 'yourviews',
      externalId: '229641',
      rating: 1,
      text: 'Veio faltando parafusos',
      product: { id: 'MM-123', name: 'Rack para TV' },
      createdAt: '2026-11-20T11:10:16-03:00',
    };
    expect(Review.safeParse(review).success).toBe(true);
    expect(Review.safeParse({ ...review, rating: 0 }).success).toBe(false);
    expect(Review.safeParse({ ...review, rating: 6 }).success).toBe(false);
  });

  it('accepts a Reclame Aqui complaint with its evaluation', () => {
    const parsed = Complaint.parse({
      source: 'reclameaqui',
      externalId: 'RA-123',
      title: 'Produto não entregue',
      text: 'Comprei há 30 dias e nada',
      status: 'evaluated',
      customer: { name: 'João' },
      evaluation: { solved: true, wouldBuyAgain: true, score: 9 },
      createdAt: '2026-11-01T10:00:00-03:00',
      updatedAt: '2026-11-05T10:00:00-03:00',
    });
    expect(parsed.evaluation?.solved).toBe(true);
  });

  it('accepts only good or bad CSAT scores', () => {
    const csat = {
      externalId: '55',
      ticketId: 1024,
      score: 'bad',
      comment: 'Demorou',
      createdAt: '2026-11-20T10:00:00Z',
    };
    expect(CsatRating.safeParse(csat).success).toBe(true);
    expect(CsatRating.safeParse({ ...csat, score: 'offered' }).success).toBe(false);
  });

  it('requires a known channel on a contact', () => {
    const contact = {
      id: 'c1',
      channel: 'whatsapp',
      identities: [{ kind: 'phone', value: '+5541998765432' }],
    };
    expect(Contact.parse(contact).identities[0]?.weak).toBe(false);
    expect(Contact.safeParse({ ...contact, channel: 'telegram' }).success).toBe(false);
  });
});

describe('brlToCents', () => {
  it.each([
    [129.9, 12990],
    ['129.90', 12990],
    ['129,90', 12990],
    ['1.299,90', 129990],
    ['R$ 1.299,90', 129990],
    ['1.299', 129900],
    ['0,5', 50],
    ['15', 1500],
  ])('%p → %p centavos', (input, cents) => expect(brlToCents(input)).toBe(cents));

  it.each(['', 'abc', '12,3,4', 'R$', NaN])('rejects %p', (input) => expect(brlToCents(input)).toBeNull());

  it('formats centavos for people', () => {
    expect(formatBrl(12990)).toBe('R$ 129,90');
    expect(formatBrl(129990, 'en')).toBe('R$1,299.90');
  });

  it('reads back what it formats, and never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        expect(brlToCents(formatBrl(cents))).toBe(cents);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void brlToCents(text)));
  });
});
