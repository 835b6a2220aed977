import { useEffect, useRef } from 'react';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { PendingOrder } from '@vitrine/shared/schemas';
import type { TicketContext, TicketLookupRequest } from '../context/types';
import { useI18n } from '../i18n/I18nProvider';
import { LookupForm } from './NoMatch';

/** How often the sidebar asks again while the ticket's order is not synced, and how many times. */
export const PENDING_ORDER_REFRESH_MS = 15_000;
export const PENDING_ORDER_MAX_REFRESHES = 8;

/**
 * The ticket names an order Vitrine has not synced yet (its conversation arrived first). Says so,
 * in place of the order sections, and asks the service again a few times: ingestion was asked to
 * bring the order when the context was built, so it usually appears within seconds. A number the
 * customer mistyped never arrives: the manual lookup stays at hand to link the right order.
 */
export function PendingOrderNotice({
  order,
  onRefresh,
  onLookup,
}: {
  order: PendingOrder;
  onRefresh: () => void;
  onLookup: (query: TicketLookupRequest) => Promise<TicketContext>;
}) {
  const { t } = useI18n();
  const refreshes = useRef(0);
  useEffect(() => {
    if (refreshes.current >= PENDING_ORDER_MAX_REFRESHES) return;
    const timer = setTimeout(() => {
      refreshes.current++;
      onRefresh();
    }, PENDING_ORDER_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [order, onRefresh]);
  return (
    <section aria-labelledby="pending-order-title" data-testid="pending-order">
      <Alert type="info">
        <Title id="pending-order-title">{t('pendingOrder.title', { number: order.number })}</Title>
        <Paragraph>{t('pendingOrder.body')}</Paragraph>
      </Alert>
      <SM>{t('pendingOrder.lookup')}</SM>
      <LookupForm onLookup={onLookup} />
    </section>
  );
}
