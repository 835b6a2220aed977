import { Shipment } from '@vitrine/shared/schemas';
import { currentShipment, trackingLinkFor } from './trackingLink';

const shipment = (fields: Partial<Shipment>) =>
  Shipment.parse({ carrier: 'correios', status: 'in_transit', ...fields });

test('a valid code gives the carrier’s public tracking page', () => {
  expect(trackingLinkFor(shipment({ trackingCode: 'aa 123 456 785 br' }))).toBe(
    'https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
  );
});

test('a code with a wrong check digit gives no link, and marketplace links count only when they are carrier pages', () => {
  expect(trackingLinkFor(shipment({ trackingCode: 'AA123456784BR' }))).toBeNull();
  expect(
    trackingLinkFor(shipment({ carrier: 'other', trackingUrl: 'https://rastreio.lojaparceira.com/abc' })),
  ).toBeNull();
  expect(
    trackingLinkFor(
      shipment({ carrier: 'other', trackingUrl: 'https://www.jadlog.com.br/jadlog/tracking?cte=123' }),
    ),
  ).toBe('https://www.jadlog.com.br/jadlog/tracking?cte=123');
});

test('the current shipment is the latest one still on its way', () => {
  const delivered = shipment({
    status: 'delivered',
    postedAt: '2026-11-15T10:00:00-03:00',
    trackingCode: 'A',
  });
  const older = shipment({ postedAt: '2026-11-01T10:00:00-03:00', trackingCode: 'B' });
  const newer = shipment({ postedAt: '2026-11-10T10:00:00-03:00', trackingCode: 'C' });
  expect(currentShipment([older, delivered, newer])?.trackingCode).toBe('C');
  expect(currentShipment([delivered])?.trackingCode).toBe('A');
  expect(currentShipment([])).toBeUndefined();
});
