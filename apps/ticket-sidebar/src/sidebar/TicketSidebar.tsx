import { useCallback, useMemo } from 'react';
import { SM } from '@zendeskgarden/react-typography';
import type { TicketContext, TicketLookupRequest } from '../context/types';
import { useTicketContext } from '../context/useTicketContext';
import { useI18n } from '../i18n/I18nProvider';
import { ReplyFindings } from '../reply-guard/ReplyFindings';
import { useReplyGuard } from '../reply-guard/useReplyGuard';
import { addCustomerNote, lookupTicketContext } from '../service/api';
import { ServiceError, type ServiceTarget } from '../service/request';
import { useClient, useSetting } from '../zaf/hooks';
import { useTicketId } from '../zaf/useTicketId';
import type { ZafCurrentUser } from '../zaf/types';
import { ContextHeader } from './DeadlineHeader';
import { DeliverySection } from './DeliverySection';
import { HistorySection } from './HistorySection';
import { Panel } from './layout';
import { NoMatch } from './NoMatch';
import { OrderSection } from './OrderSection';
import { OtherContactsSection } from './OtherContactsSection';
import { PendingOrderNotice } from './PendingOrderNotice';
import { ComplaintsSection, ExchangesSection, ReviewsSection } from './SourceSections';
import { ErrorState, Loading, SyncFooter } from './States';
import { TemplatesSection } from './TemplatesSection';

export function TicketSidebar() {
  const { t } = useI18n();
  const ticketId = useTicketId();
  const serviceUrl = useSetting('serviceUrl');
  const tenantId = useSetting('tenantId') ?? '';
  const target = useMemo<ServiceTarget | null>(
    () => (serviceUrl && typeof ticketId === 'number' ? { serviceUrl, tenantId, ticketId } : null),
    [serviceUrl, tenantId, ticketId],
  );
  const { state, retry, refresh, replace, update } = useTicketContext(target);
  const findings = useReplyGuard(state.status === 'ready' ? state.context.channel : undefined);

  let body;
  if (!serviceUrl) body = <ErrorState error={new ServiceError('notConfigured')} />;
  else if (ticketId === 'new') body = <SM>{t('state.newTicket')}</SM>;
  else if (!target || state.status === 'loading') body = <Loading />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={retry} />;
  else
    body = (
      <ContextView
        context={state.context}
        target={target}
        onReplace={replace}
        onUpdate={update}
        onRefresh={refresh}
        refreshing={state.refreshing}
      />
    );

  return (
    <Panel>
      <ReplyFindings findings={findings} />
      {body}
    </Panel>
  );
}

function ContextView({
  context,
  target,
  onReplace,
  onUpdate,
  onRefresh,
  refreshing,
}: {
  context: TicketContext;
  target: ServiceTarget;
  onReplace: (context: TicketContext) => void;
  onUpdate: (change: (context: TicketContext) => TicketContext) => void;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const client = useClient();
  const onLookup = useCallback(
    async (query: TicketLookupRequest) => {
      const found = await lookupTicketContext(client, target, query);
      if (found.order) onReplace(found);
      return found;
    },
    [client, target, onReplace],
  );
  const onAddNote = useCallback(
    async (text: string) => {
      const { currentUser } = (await client.get('currentUser')) as { currentUser: ZafCurrentUser };
      const note = await addCustomerNote(client, target, {
        text,
        author: { id: currentUser.id, name: currentUser.name },
      });
      onUpdate((current) => ({ ...current, notes: [note, ...current.notes] }));
    },
    [client, target, onUpdate],
  );

  return (
    <>
      {context.match === 'none' ? (
        <>
          <ContextHeader context={context} />
          <NoMatch onLookup={onLookup} />
        </>
      ) : (
        <>
          <ContextHeader context={context} />
          {!context.order && context.pendingOrder && (
            <PendingOrderNotice order={context.pendingOrder} onRefresh={onRefresh} onLookup={onLookup} />
          )}
          {context.order && <OrderSection order={context.order} />}
          {context.order && <DeliverySection order={context.order} />}
          <OtherContactsSection contacts={context.otherContacts} />
          <HistorySection csat={context.csat} notes={context.notes} onAddNote={onAddNote} />
          {context.order && <TemplatesSection context={context} />}
          {context.exchanges && <ExchangesSection exchanges={context.exchanges} />}
          {context.reviews && <ReviewsSection reviews={context.reviews} />}
          {context.complaints && <ComplaintsSection complaints={context.complaints} />}
        </>
      )}
      <SyncFooter lastSyncedAt={context.lastSyncedAt} refreshing={refreshing} />
    </>
  );
}
