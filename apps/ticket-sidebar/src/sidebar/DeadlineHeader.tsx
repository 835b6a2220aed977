import styled from 'styled-components';
import { Tag } from '@zendeskgarden/react-tags';
import { LG, SM } from '@zendeskgarden/react-typography';
import { describeRule } from '@vitrine/shared/sla';
import type { ChannelId } from '@vitrine/shared/channels';
import type { TicketContext, TicketDeadline, DeadlineStatus } from '../context/types';
import { useNow } from '../clock/useNow';
import { FEMININE_CHANNELS, liveDeadline } from '../deadline/liveDeadline';
import { formatDateTime, formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { Row } from './layout';

/** Status colours: Garden's green/yellow/red hues, so they read like the rest of Zendesk. */
export const DEADLINE_HUES: Record<DeadlineStatus, { border: string; background: string }> = {
  ok: { border: '#038153', background: '#edf8f4' },
  due_soon: { border: '#ad5918', background: '#fff7ed' },
  breached: { border: '#cd3642', background: '#fff0f1' },
};

const DeadlineBox = styled.div<{ $status: DeadlineStatus }>`
  border-left: 4px solid ${(p) => DEADLINE_HUES[p.$status].border};
  background: ${(p) => DEADLINE_HUES[p.$status].background};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
`;

export function ContextHeader({ context }: { context: TicketContext }) {
  const { t } = useI18n();
  const channel = context.channel;
  return (
    <header>
      <Row>
        {channel && <Tag hue="blue">{t(`channel.${channel}` as MessageKey)}</Tag>}
        {context.order && <LG tag="h1">{t('header.order', { number: context.order.number })}</LG>}
      </Row>
      {context.deadline && <Deadline deadline={context.deadline} channel={channel} />}
    </header>
  );
}

function Deadline({ deadline, channel }: { deadline: TicketDeadline; channel?: ChannelId }) {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  const live = liveDeadline(deadline, now);
  const source =
    deadline.source === 'marketplace' && channel
      ? t(
          FEMININE_CHANNELS.includes(channel)
            ? 'deadline.source.marketplaceFem'
            : 'deadline.source.marketplace',
          {
            marketplace: t(`channel.${channel}` as MessageKey),
          },
        )
      : t('deadline.source.policy', { rule: describeRule(deadline.rule, locale) });
  return (
    <DeadlineBox $status={live.status} data-testid="deadline" data-status={live.status} role="status">
      <Row>
        <SM isBold>{t(`deadline.status.${live.status}`)}</SM>
        <SM>
          {live.msLeft >= 0
            ? t('deadline.dueIn', { left: formatDuration(live.msLeft) })
            : t('deadline.overdue', { late: formatDuration(live.msLeft, 'down') })}
        </SM>
      </Row>
      <SM>
        {t('deadline.until', { when: formatDateTime(deadline.dueAt, locale) })}
        {live.businessMsLeft !== undefined && live.businessMsLeft > 0
          ? ` · ${t(live.businessLive ? 'deadline.businessLeft' : 'deadline.businessLeftAtSync', {
              left: formatDuration(live.businessMsLeft),
            })}`
          : ''}
      </SM>
      <SM>{source}</SM>
    </DeadlineBox>
  );
}
