import type { TicketContextInput } from '../types';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A MadeiraMadeira ticket as the service would describe it: order 02-1000000004 shipped by
 * Correios (valid code AA123456785BR), a reply deadline reported by the marketplace, a duplicate
 * WhatsApp ticket from the same customer, one bad earlier rating and one note. Times are relative to
 * `now` so the deadline's status does not rot.
 */
export function buildContext(
  overrides: Partial<TicketContextInput> = {},
  now = Date.now(),
): TicketContextInput {
  return {
    ticketId: 4201,
    match: 'matched',
    channel: 'madeiramadeira',
    matchedBy: { kind: 'order', value: '02-1000000004' },
    order: {
      source: 'madeiramadeira',
      externalId: '1000000004',
      number: '02-1000000004',
      status: 'shipped',
      sourceStatus: '7 ENVIADO',
      customer: { name: 'MARIA SOUZA', email: 'maria@example.com', phone: '+5541998765432' },
      items: [
        {
          sku: 'MM-CAD-01',
          name: 'Cadeira de escritório',
          quantity: 2,
          unitPriceCents: 45990,
          totalCents: 91980,
        },
        { sku: 'MM-MES-02', name: 'Mesa de jantar', quantity: 1, unitPriceCents: 129900, totalCents: 129900 },
      ],
      itemsTotalCents: 221880,
      shippingCents: 4990,
      discountCents: 0,
      totalCents: 226870,
      placedAt: '2026-11-10T13:00:00-03:00',
      approvedAt: '2026-11-10T14:00:00-03:00',
      invoicedAt: '2026-11-11T09:30:00-03:00',
      shippedAt: '2026-11-12T16:00:00-03:00',
      estimatedDeliveryDate: '2026-11-18',
      revisedDeliveryDate: '2026-11-24',
      invoices: [{ accessKey: '41261112345678000190550010000123451000123456', number: '12345', series: '1' }],
      shipments: [
        {
          carrier: 'correios',
          carrierName: 'Correios - PAC',
          trackingCode: 'AA123456785BR',
          status: 'in_transit',
          estimatedDeliveryDate: '2026-11-24',
          events: [
            {
              at: '2026-11-14T08:10:00-03:00',
              status: 'in_transit',
              code: 'RO-01',
              description: 'Objeto em transferência - por favor aguarde',
              location: { city: 'Curitiba', uf: 'PR' },
            },
            {
              at: '2026-11-12T16:00:00-03:00',
              status: 'posted',
              code: 'PO-01',
              description: 'Objeto postado',
            },
          ],
          postedAt: '2026-11-12T16:00:00-03:00',
        },
      ],
      updatedAt: '2026-11-14T08:10:00-03:00',
    },
    deadline: {
      dueAt: iso(now + 30 * HOUR),
      computedDueAt: iso(now + 40 * HOUR),
      reportedDueAt: iso(now + 30 * HOUR),
      source: 'marketplace',
      rule: { kind: 'business_days', days: 2 },
      status: 'ok',
      businessMsLeft: 9 * HOUR,
      computedAt: iso(now),
    },
    otherContacts: [
      {
        ticketId: 4188,
        channel: 'whatsapp',
        status: 'open',
        createdAt: iso(now - 50 * HOUR),
        subject: 'Cadê minha mesa?',
        reasons: [
          { kind: 'phone', value: '+55 41 99876-5432' },
          { kind: 'order', value: '02-1000000004' },
        ],
      },
    ],
    csat: [
      {
        externalId: '9001',
        ticketId: 3920,
        score: 'bad',
        comment: 'Demoraram para responder',
        createdAt: '2026-09-02T10:00:00-03:00',
      },
      { externalId: '9000', ticketId: 3501, score: 'good', createdAt: '2026-06-01T10:00:00-03:00' },
    ],
    notes: [
      {
        id: 'n1',
        contactId: 'c1',
        author: { id: 7, name: 'Ana' },
        text: 'Prefere contato pela manhã',
        createdAt: '2026-10-01T09:00:00-03:00',
      },
    ],
    lastSyncedAt: iso(now - 2 * 60_000),
    ...overrides,
  };
}
