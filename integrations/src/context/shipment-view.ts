import {
  CARRIERS,
  correiosEventStatus,
  parseTrackingCode,
  type Carrier,
  type Order,
  type Shipment,
} from '@vitrine/shared';

const KNOWN_CARRIERS = new Set<string>(CARRIERS);

/**
 * Shipments as the agent should see them: the tracking code in its canonical form with a current
 * public tracking link built from it (a marketplace's stored link may be missing or stale), and the
 * status of the newest event when events exist — the Correios event code decides it (`BDE-01` is
 * delivered, whatever a marketplace's label says).
 */
export function withTrackingLinks(order: Order): Order {
  return { ...order, shipments: order.shipments.map(shipmentView) };
}

function shipmentView(shipment: Shipment): Shipment {
  const view: Shipment = { ...shipment };
  if (shipment.trackingCode) {
    const hint = KNOWN_CARRIERS.has(shipment.carrier) ? (shipment.carrier as Carrier) : undefined;
    const parsed = parseTrackingCode(shipment.trackingCode, hint);
    if (parsed.valid && parsed.normalized && parsed.url) {
      view.trackingCode = parsed.normalized;
      view.trackingUrl = parsed.url;
      if (view.carrier === 'other' && parsed.carrier) view.carrier = parsed.carrier;
    }
  }
  const newest = shipment.events[0];
  if (newest) {
    const [codigo, tipo] = newest.code.split('-');
    view.status =
      view.carrier === 'correios' && codigo && tipo !== undefined
        ? correiosEventStatus(codigo, tipo)
        : newest.status;
  }
  return view;
}
