import { checkReply, type Finding } from '@vitrine/shared/reply-policy';
import type { ChannelId } from '@vitrine/shared/channels';
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import type { ZafCommentAttachment } from '../zaf/types';

export interface DraftReply {
  text: string;
  attachments: ZafCommentAttachment[];
}

/** Runs the channel's reply rules on a draft. Pure and synchronous, like `checkReply`. */
export function findingsFor(channel: ChannelId, draft: DraftReply, locale: Locale): Finding[] {
  const attachments = draft.attachments.flatMap((file) => {
    // Zendesk reports the size of uploaded files as `size`; without it the size rule cannot apply.
    const bytes = (file as { size?: unknown }).size;
    return typeof bytes === 'number' ? [{ name: file.filename, bytes }] : [];
  });
  return checkReply({ channel, text: draft.text, attachments, locale }).findings;
}

/**
 * The message Zendesk shows when the guard stops a save: which rule of which marketplace, and the
 * offending words, one per line.
 */
export function blockMessage(channel: ChannelId, findings: Finding[], locale: Locale): string | null {
  const blocking = findings.filter((finding) => finding.severity === 'block');
  if (blocking.length === 0) return null;
  const title = translate(locale, 'guard.saveBlocked', {
    channel: translate(locale, `channel.${channel}` as MessageKey),
  });
  return [title, ...blocking.map((finding) => `• ${finding.message}`)].join('\n');
}
