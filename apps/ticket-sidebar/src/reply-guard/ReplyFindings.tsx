import type { Finding } from '@vitrine/shared/reply-policy';
import { Alert, Title } from '@zendeskgarden/react-notifications';
import { useI18n } from '../i18n/I18nProvider';
import { PlainList } from '../sidebar/layout';

/** What the guard found in the draft, shown as the agent types (never a modal). */
export function ReplyFindings({ findings }: { findings: Finding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  const blocking = findings.some((finding) => finding.severity === 'block');
  return (
    <Alert type={blocking ? 'error' : 'warning'} role="alert" data-testid="reply-findings">
      <Title>{blocking ? t('guard.blockedTitle') : t('guard.warningsTitle')}</Title>
      <PlainList>
        {findings.map((finding) => (
          <li key={`${finding.rule}-${finding.start ?? finding.excerpt}`}>{finding.message}</li>
        ))}
      </PlainList>
    </Alert>
  );
}
