import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '@vitrine/shared/reply-policy';
import type { ChannelId } from '@vitrine/shared/channels';
import { useI18n } from '../i18n/I18nProvider';
import { useClient, useZafEvent } from '../zaf/hooks';
import type { ZafCommentAttachment } from '../zaf/types';
import { channelFromTags } from './channel';
import { blockMessage, findingsFor } from './guard';

export const WARNING_DEBOUNCE_MS = 400;

/**
 * The reply guard. On `ticket.save` it reads the draft, checks it against the channel's rules and
 * rejects with a message listing the blocking findings (the SDK turns a rejected string into the
 * error Zendesk shows, and the save stops). Internal notes never reach a marketplace and pass.
 * While the agent types, findings are recomputed (debounced) and shown in the sidebar instead.
 */
export function useReplyGuard(contextChannel: ChannelId | undefined): Finding[] {
  const client = useClient();
  const { locale } = useI18n();
  const [tagChannel, setTagChannel] = useState<ChannelId | undefined>();
  const [findings, setFindings] = useState<Finding[]>([]);
  const channel = contextChannel ?? tagChannel;
  const latest = useRef({ channel, contextChannel, locale });
  latest.current = { channel, contextChannel, locale };

  useEffect(() => {
    let active = true;
    client
      .get('ticket.tags')
      .then((result) => {
        const tags = result['ticket.tags'];
        if (active && Array.isArray(tags)) setTagChannel(channelFromTags(tags as string[]));
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [client]);

  useEffect(() => {
    const onSave = async (): Promise<void> => {
      // Everything the decision needs is read at save time, tags included: the agent may save
      // before the context or the first tag lookup has arrived.
      const draft = await client.get([
        'ticket.comment.text',
        'ticket.comment.attachments',
        'ticket.comment.type',
        'ticket.tags',
      ]);
      const { locale: currentLocale } = latest.current;
      const tags = draft['ticket.tags'];
      const current =
        latest.current.contextChannel ??
        (Array.isArray(tags) ? channelFromTags(tags as string[]) : undefined);
      if (!current) return;
      if (draft['ticket.comment.type'] === 'internalNote') return;
      const found = findingsFor(
        current,
        {
          text: String(draft['ticket.comment.text'] ?? ''),
          attachments: (draft['ticket.comment.attachments'] as ZafCommentAttachment[] | undefined) ?? [],
        },
        currentLocale,
      );
      setFindings(found);
      const message = blockMessage(current, found, currentLocale);
      // The SDK sends a rejection's string to Zendesk as the error shown to the agent.
      if (message) return Promise.reject(message);
    };
    client.on('ticket.save', onSave);
    return () => client.off('ticket.save', onSave);
  }, [client]);

  const timer = useRef<ReturnType<typeof setTimeout>>();
  const recheck = useCallback((text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { channel: current, locale: currentLocale } = latest.current;
      setFindings(current ? findingsFor(current, { text, attachments: [] }, currentLocale) : []);
    }, WARNING_DEBOUNCE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  useZafEvent('ticket.comment.text.changed', (text) => recheck(typeof text === 'string' ? text : ''));
  useZafEvent('ticket.tags.changed', (tags) => {
    if (Array.isArray(tags)) setTagChannel(channelFromTags(tags as string[]));
  });

  return findings;
}
