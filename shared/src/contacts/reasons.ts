/** The sentences that explain a link, a refused link or an ignored value, from contactMessages. */
import { interpolate, type Locale } from '../i18n/translate';
import { formatCnpj, formatCpf, normalizePhone } from '../identity';
import type { MatchKey } from './match-keys';
import { contactMessages } from './messages';

type MessageKey = keyof (typeof contactMessages)['pt-BR'];

function fill(locale: Locale, key: MessageKey, values: Record<string, string>): string {
  return interpolate(contactMessages[locale][key], values);
}

/** How a normalized key value is shown to agents: masks for documents, spaced phones. */
export function displayValue(key: MatchKey, value: string): string {
  if (key === 'document') return value.length === 11 ? formatCpf(value) : formatCnpj(value);
  if (key === 'phone') return normalizePhone(value)?.display ?? value;
  return value;
}

function sameKey(key: MatchKey, value: string): MessageKey {
  if (key === 'document') return value.length === 11 ? 'same.document.cpf' : 'same.document.cnpj';
  return `same.${key}`;
}

export function sameReason(locale: Locale, key: MatchKey, value: string): string {
  return fill(locale, sameKey(key, value), { value: displayValue(key, value) });
}

export function conflictReason(locale: Locale, key: MatchKey, value: string): string {
  return fill(locale, 'conflict', { same: sameReason(locale, key, value) });
}

export function commonReason(locale: Locale, key: MatchKey, value: string, count: number): string {
  const label = contactMessages[locale][`key.${key}`];
  const sentence = fill(locale, 'common', {
    key: label,
    value: displayValue(key, value),
    count: String(count),
  });
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
