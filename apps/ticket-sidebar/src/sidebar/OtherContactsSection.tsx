import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import type { OtherContact } from '../context/types';
import { useNow } from '../clock/useNow';
import { formatAge } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { useClient } from '../zaf/hooks';
import { Muted, PlainList, Row, Section } from './layout';

export function OtherContactsSection({ contacts }: { contacts: OtherContact[] }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const now = useNow(60_000);
  return (
    <Section id="contacts" title={t('contacts.title')}>
      {contacts.length === 0 ? (
        <Muted>{t('contacts.none')}</Muted>
      ) : (
        <PlainList>
          {contacts.map((contact) => (
            <li key={contact.ticketId}>
              <Row>
                <Tag size="small">{t(`channel.${contact.channel}` as MessageKey)}</Tag>
                <Button
                  isLink
                  size="small"
                  onClick={() => void client.invoke('routeTo', 'ticket', String(contact.ticketId))}
                  aria-label={t('contacts.open', { id: contact.ticketId })}
                >
                  #{contact.ticketId}
                </Button>
                <Muted>
                  {t(`ticketStatus.${contact.status}`)} · {formatAge(contact.createdAt, now, locale)}
                </Muted>
              </Row>
              {contact.subject && <div>{contact.subject}</div>}
              <Muted>
                {contact.reasons
                  .map((reason) => t(`contacts.reason.${reason.kind}`, { value: reason.value }))
                  .join(' · ')}
              </Muted>
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}
