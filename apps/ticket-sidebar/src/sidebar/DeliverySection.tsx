import { Button } from '@zendeskgarden/react-buttons';
import { carrierName, trackingStatusLabel } from '@vitrine/shared/tracking';
import type { Order, Shipment } from '@vitrine/shared/schemas';
import { currentShipment, trackingLinkFor } from '../delivery/trackingLink';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { useClient } from '../zaf/hooks';
import { Facts, Muted, PlainList, Section } from './layout';

const LATEST_EVENTS = 3;

export function DeliverySection({ order }: { order: Order }) {
  const { t } = useI18n();
  const shipment = currentShipment(order.shipments);
  return (
    <Section id="delivery" title={t('delivery.title')}>
      {shipment ? <ShipmentDetails order={order} shipment={shipment} /> : <Muted>{t('delivery.none')}</Muted>}
    </Section>
  );
}

function ShipmentDetails({ order, shipment }: { order: Order; shipment: Shipment }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const link = trackingLinkFor(shipment);
  const promised = order.estimatedDeliveryDate;
  const expected = order.revisedDeliveryDate ?? shipment.estimatedDeliveryDate;
  const carrier =
    shipment.carrierName ??
    (shipment.carrier === 'other' ? t('delivery.carrier.other') : carrierName(shipment.carrier));

  const insertLink = () => {
    if (!link) return;
    // appendText keeps whatever the agent already typed; a leading blank line separates the link.
    void client.invoke('ticket.comment.appendText', `\n${t('delivery.linkText', { url: link })}`);
  };

  return (
    <>
      <Facts>
        <dt>{t('delivery.carrier')}</dt>
        <dd>
          {carrier} · {trackingStatusLabel(shipment.status, locale)}
        </dd>
        {shipment.trackingCode && (
          <>
            <dt>{t('delivery.trackingCode')}</dt>
            <dd>{shipment.trackingCode}</dd>
          </>
        )}
        {promised && (
          <>
            <dt>{t('delivery.promised')}</dt>
            <dd>{formatDate(promised, locale)}</dd>
          </>
        )}
        {expected && (
          <>
            <dt>{t('delivery.expected')}</dt>
            <dd>
              {formatDate(expected, locale)}
              {promised && expected > promised && <Muted> — {t('delivery.late')}</Muted>}
            </dd>
          </>
        )}
      </Facts>
      {shipment.events.length === 0 ? (
        <Muted>{t('delivery.noEvents')}</Muted>
      ) : (
        <PlainList aria-label={t('delivery.events')}>
          {shipment.events.slice(0, LATEST_EVENTS).map((event) => (
            <li key={`${event.at}-${event.code}`}>
              <Muted>{formatDateTime(event.at, locale)}</Muted> {event.description}
              {event.location?.city && (
                <Muted> · {[event.location.city, event.location.uf].filter(Boolean).join('/')}</Muted>
              )}
            </li>
          ))}
        </PlainList>
      )}
      {link ? (
        <Button size="small" isStretched onClick={insertLink}>
          {t('delivery.insertLink')}
        </Button>
      ) : (
        <Muted>{t('delivery.noValidLink')}</Muted>
      )}
    </>
  );
}
