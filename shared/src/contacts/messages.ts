import { formatCnpj, formatCpf, normalizePhone } from '../identity';
import type { MatchKey } from './match-keys';

/** User-facing text of duplicate grouping, pt-BR first. Placeholders are `{{name}}`. */
export const contactMessages = {
  'pt-BR': {
    'same.order': 'mesmo pedido {{value}}',
    'same.document.cpf': 'mesmo CPF {{value}}',
    'same.document.cnpj': 'mesmo CNPJ {{value}}',
    'same.phone': 'mesmo telefone {{value}}',
    'same.email': 'mesmo e-mail {{value}}',
    conflict: '{{same}}, mas os CPFs são diferentes: não agrupados',
    common: '{{key}} {{value}} aparece em {{count}} contatos: comum demais para identificar um cliente',
    'key.order': 'pedido',
    'key.document': 'documento',
    'key.phone': 'telefone',
    'key.email': 'e-mail',
  },
  en: {
    'same.order': 'same order {{value}}',
    'same.document.cpf': 'same CPF {{value}}',
    'same.document.cnpj': 'same CNPJ {{value}}',
    'same.phone': 'same phone {{value}}',
    'same.email': 'same e-mail {{value}}',
    conflict: '{{same}}, but the CPFs differ: not grouped',
    common: '{{key}} {{value}} appears in {{count}} contacts: too common to identify a customer',
    'key.order': 'order',
    'key.document': 'document',
    'key.phone': 'phone',
    'key.email': 'e-mail',
  },
} satisfies { 'pt-BR': Record<string, string>; en: Record<string, string> };

type Locale = keyof typeof contactMessages;
type MessageKey = keyof (typeof contactMessages)['pt-BR'];

function fill(locale: Locale, key: MessageKey, values: Record<string, string>): string {
  return contactMessages[locale][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
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
