import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Label, Textarea, Message } from '@zendeskgarden/react-forms';
import type { CsatRating, CustomerNote } from '@vitrine/shared/schemas';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { Muted, PlainList, Section } from './layout';

const Rating = styled.li<{ $bad: boolean }>`
  border-left: 3px solid ${(p) => (p.$bad ? '#cd3642' : 'transparent')};
  background: ${(p) => (p.$bad ? '#fff0f1' : 'transparent')};
  padding-left: ${(p) => p.theme.space.xxs} !important;
`;

export function HistorySection({
  csat,
  notes,
  onAddNote,
}: {
  csat: CsatRating[];
  notes: CustomerNote[];
  onAddNote: (text: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  return (
    <Section id="history" title={t('history.title')}>
      <Muted>{t('history.csat')}</Muted>
      {csat.length === 0 ? (
        <div>
          <Muted>{t('history.noCsat')}</Muted>
        </div>
      ) : (
        <PlainList aria-label={t('history.csat')}>
          {csat.map((rating) => (
            <Rating key={rating.externalId} $bad={rating.score === 'bad'} data-score={rating.score}>
              <strong>{t(rating.score === 'bad' ? 'history.csat.bad' : 'history.csat.good')}</strong>{' '}
              <Muted>
                {t('history.csatTicket', { id: rating.ticketId })} · {formatDate(rating.createdAt, locale)}
              </Muted>
              {rating.comment && <div>“{rating.comment}”</div>}
            </Rating>
          ))}
        </PlainList>
      )}
      <Muted>{t('history.notes')}</Muted>
      {notes.length === 0 ? (
        <div>
          <Muted>{t('history.noNotes')}</Muted>
        </div>
      ) : (
        <PlainList aria-label={t('history.notes')}>
          {notes.map((note) => (
            <li key={note.id}>
              {note.text}{' '}
              <Muted>
                {t('history.noteBy', { author: note.author.name, when: formatDate(note.createdAt, locale) })}
              </Muted>
            </li>
          ))}
        </PlainList>
      )}
      <NoteForm onAddNote={onAddNote} />
    </Section>
  );
}

function NoteForm({ onAddNote }: { onAddNote: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setState('saving');
    try {
      await onAddNote(text.trim());
      setText('');
      setState('saved');
    } catch {
      setState('failed');
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Field>
        <Label>{t('history.addNote')}</Label>
        {/* Fixed rows, resizable by the agent: Garden's autosize (minRows) measures the box with a
            forced layout on every render, the panel's single most expensive step when it opens. */}
        <Textarea
          isCompact
          isResizable
          rows={3}
          maxLength={5000}
          value={text}
          placeholder={t('history.notePlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
        {state === 'saved' && <Message validation="success">{t('history.noteSaved')}</Message>}
        {state === 'failed' && <Message validation="error">{t('history.noteFailed')}</Message>}
      </Field>
      <Button size="small" type="submit" disabled={state === 'saving' || !text.trim()}>
        {t('history.saveNote')}
      </Button>
    </form>
  );
}
