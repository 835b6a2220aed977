import type { ChannelId } from '../channels';
import { interpolate, resolveLocale, type Locale, type MessageParams } from '../i18n/translate';
import { detect, isSentenceEnd, type Hit } from './detectors';
import { replyPolicyMessages } from './messages';
import { replyPolicyFor, type ReplyPolicy } from './policies';
import type { RuleId, Severity } from './rules';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The offending words as written (a link, a phone, the sentence asking for payment). */
  excerpt: string;
  /** In the requested locale, citing the marketplace rule. */
  message: string;
  /** Where the excerpt sits in the text (UTF-16 offsets), for highlighting; absent for attachments. */
  start?: number;
  end?: number;
}

export interface ReplyCheckInput {
  channel: ChannelId;
  text: string;
  attachments?: { name: string; bytes: number }[];
  locale?: Locale | string;
}

export interface ReplyCheckResult {
  /** No finding blocks sending. */
  ok: boolean;
  findings: Finding[];
}

const MAX_EXCERPT = 120;
const MAX_FINDINGS = 50;
const SENTENCE_RULES: ReadonlySet<RuleId> = new Set([
  'payment_request',
  'fee_charge',
  'off_platform_sale',
  'claim_evasion',
]);

function excerptOf(text: string, hit: Hit): string {
  const raw = text.slice(hit.start, hit.end);
  if (!SENTENCE_RULES.has(hit.rule)) return raw;
  // Sentence rules: show the words around the trigger, within its sentence.
  let start = hit.start;
  let end = hit.end;
  while (start > 0 && hit.start - start < 50 && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - hit.start < MAX_EXCERPT - 50 && !isSentenceEnd(text.charCodeAt(end)))
    end++;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function formatSize(bytes: number, locale: Locale): string {
  const exact = bytes / 1_000_000;
  const mb = Number.isInteger(exact) ? String(exact) : exact.toFixed(1);
  return `${locale === 'en' ? mb : mb.replace('.', ',')} MB`;
}

function message(policy: ReplyPolicy, rule: RuleId, locale: Locale, params: MessageParams): string {
  const key = `replyPolicy.${rule}.${policy.voice}` as keyof (typeof replyPolicyMessages)['pt-BR'];
  return interpolate(replyPolicyMessages[locale][key], params);
}

/**
 * Checks a reply against the channel's marketplace rules before it is sent. Pure and synchronous: the
 * reply guard calls it inside Zendesk's `ticket.save` hook and on (debounced) keystrokes.
 */
export function checkReply(input: ReplyCheckInput): ReplyCheckResult {
  const policy = replyPolicyFor(String(input?.channel));
  const locale = resolveLocale(input?.locale);
  const text = typeof input?.text === 'string' ? input.text : '';
  const findings: Finding[] = [];
  const seen = new Set<string>();

  const hits = detect(text, policy).sort((a, b) => a.start - b.start);
  for (const hit of hits) {
    const excerpt = excerptOf(text, hit);
    const key = `${hit.rule}\u0000${excerpt.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({
      rule: hit.rule,
      severity: policy.rules[hit.rule]!,
      excerpt,
      message: message(policy, hit.rule, locale, { excerpt }),
      start: hit.start,
      end: hit.end,
    });
    if (findings.length >= MAX_FINDINGS) break;
  }

  const limit = policy.maxAttachmentBytes;
  const attachmentSeverity = policy.rules.attachment_too_large;
  if (limit !== undefined && attachmentSeverity && Array.isArray(input?.attachments)) {
    for (const file of input.attachments) {
      if (!(file?.bytes > limit)) continue;
      findings.push({
        rule: 'attachment_too_large',
        severity: attachmentSeverity,
        excerpt: String(file.name),
        message: message(policy, 'attachment_too_large', locale, {
          name: String(file.name),
          size: formatSize(file.bytes, locale),
          limit: formatSize(limit, locale),
        }),
      });
    }
  }

  const lengthSeverity = policy.rules.text_too_long;
  if (policy.maxTextLength !== undefined && lengthSeverity && text.length > policy.maxTextLength) {
    findings.push({
      rule: 'text_too_long',
      severity: lengthSeverity,
      excerpt: `${text.slice(policy.maxTextLength, policy.maxTextLength + 40)}…`,
      message: message(policy, 'text_too_long', locale, { limit: policy.maxTextLength, length: text.length }),
      start: policy.maxTextLength,
      end: text.length,
    });
  }

  return { ok: !findings.some((f) => f.severity === 'block'), findings };
}
