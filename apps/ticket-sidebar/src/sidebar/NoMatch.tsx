import { useState, type FormEvent } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Label, Message, Select } from '@zendeskgarden/react-forms';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { isValidCnpj, isValidCpf, normalizeEmail } from '@vitrine/shared/identity';
import type { TicketContext, TicketLookupRequest } from '../context/types';
import { useI18n } from '../i18n/I18nProvider';

const KINDS: TicketLookupRequest['kind'][] = ['order', 'document', 'email', 'phone'];

/** Catches a mistyped CPF/CNPJ or e-mail before asking the service (check digits, address shape). */
function invalidInput(kind: TicketLookupRequest['kind'], value: string): 'document' | 'email' | null {
  if (kind === 'document' && !isValidCpf(value) && !isValidCnpj(value)) return 'document';
  if (kind === 'email' && !normalizeEmail(value)) return 'email';
  return null;
}

/** Nothing matched: say so and let the agent search by what the customer told them. */
export function NoMatch({ onLookup }: { onLookup: (query: TicketLookupRequest) => Promise<TicketContext> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="nomatch-title">
      <Alert type="info">
        <Title id="nomatch-title">{t('noMatch.title')}</Title>
        <Paragraph>{t('noMatch.body')}</Paragraph>
      </Alert>
      <LookupForm onLookup={onLookup} />
    </section>
  );
}

/** Search by order number, CPF/CNPJ, e-mail or phone; a found order links the ticket to it. */
export function LookupForm({
  onLookup,
}: {
  onLookup: (query: TicketLookupRequest) => Promise<TicketContext>;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<TicketLookupRequest['kind']>('order');
  const [value, setValue] = useState('');
  const [state, setState] = useState<{
    status: 'idle' | 'searching' | 'notFound' | 'failed' | 'invalid';
    value?: string;
    invalid?: 'document' | 'email';
  }>({ status: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    if (!query) return;
    const invalid = invalidInput(kind, query);
    if (invalid) {
      setState({ status: 'invalid', invalid });
      return;
    }
    setState({ status: 'searching' });
    try {
      const context = await onLookup({ kind, value: query });
      // A found order replaces this form (the parent re-renders); without one the form stays.
      if (!context.order) setState({ status: 'notFound', value: query });
    } catch {
      setState({ status: 'failed' });
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('lookup.submit')}>
      <Field>
        <Label>{t('lookup.kind')}</Label>
        <Select
          isCompact
          value={kind}
          onChange={(event) => setKind(event.target.value as TicketLookupRequest['kind'])}
        >
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`lookup.kind.${option}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('lookup.value')}</Label>
        <Input isCompact value={value} onChange={(event) => setValue(event.target.value)} />
        {state.status === 'notFound' && (
          <Message validation="warning">{t('lookup.notFound', { value: state.value ?? '' })}</Message>
        )}
        {state.status === 'failed' && <Message validation="error">{t('lookup.failed')}</Message>}
        {state.status === 'invalid' && (
          <Message validation="error">
            {t(state.invalid === 'email' ? 'lookup.invalidEmail' : 'lookup.invalidDocument')}
          </Message>
        )}
      </Field>
      <Button size="small" type="submit" disabled={state.status === 'searching' || !value.trim()}>
        {state.status === 'searching' ? t('lookup.searching') : t('lookup.submit')}
      </Button>
    </form>
  );
}
