import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { TicketContext } from '../context/types';
import { useI18n } from '../i18n/I18nProvider';
import { fillTemplate, TEMPLATE_IDS, type TemplateId } from '../templates/replyTemplates';
import { useClient } from '../zaf/hooks';
import { Muted, Row, Section } from './layout';

export function TemplatesSection({ context }: { context: TicketContext }) {
  const { t } = useI18n();
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  const insert = (id: TemplateId) => {
    const filled = fillTemplate(id, context);
    if (!filled.ok) {
      setProblem(t('templates.missing', { what: t(filled.missing) }));
      return;
    }
    setProblem(null);
    void client.invoke('ticket.comment.appendText', filled.text);
  };
  return (
    <Section id="templates" title={t('templates.title')}>
      <Row>
        {TEMPLATE_IDS.map((id) => (
          <Button key={id} size="small" isBasic onClick={() => insert(id)}>
            {t(`templates.${id}.label`)}
          </Button>
        ))}
      </Row>
      {problem && <Muted role="alert">{problem}</Muted>}
    </Section>
  );
}
