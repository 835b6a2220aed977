import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { ServiceError } from '../service/request';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { Muted } from './layout';

export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-busy="true">
      <SM>{t('state.loading')}</SM>
      <Skeleton height="20px" />
      <Skeleton width="80%" />
      <Skeleton width="60%" />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ServiceError; onRetry?: () => void }) {
  const { t } = useI18n();
  const message =
    error.kind === 'server' ? t('error.server', { status: error.status ?? '?' }) : t(`error.${error.kind}`);
  return (
    <Alert type="error">
      <Title>{t('error.title')}</Title>
      <Paragraph>{message}</Paragraph>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function SyncFooter({ lastSyncedAt, refreshing }: { lastSyncedAt: string; refreshing: boolean }) {
  const { t, locale } = useI18n();
  return (
    <footer>
      <Muted>
        {refreshing
          ? t('state.refreshing')
          : t('state.lastSynced', { when: formatDateTime(lastSyncedAt, locale) })}
      </Muted>
    </footer>
  );
}
