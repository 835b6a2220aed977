/**
 * Which fields of a contact feed which match key: the one place that turns a contact into keys.
 * Weak values (see match-keys.ts) are dropped here, so they cannot link anything later.
 */
import {
  extractIdentifiers,
  normalizeCnpj,
  normalizeCpf,
  normalizeEmail,
  normalizeOrderNumber,
  phoneMatchKey,
} from '../identity';
import { LINKING_KEYS, MIN_ORDER_NUMBER_LENGTH } from './match-keys';

export interface ContactInput {
  id: string;
  channel: string;
  email?: string;
  phone?: string;
  document?: string;
  orderNumbers?: string[];
  /** Free text the customer wrote; identifiers found in it count as keys. */
  text?: string;
  name?: string;
}

/** Key kinds as small integers: their position in LINKING_KEYS, i.e. their precedence. */
export const ORDER = LINKING_KEYS.indexOf('order');
export const DOCUMENT = LINKING_KEYS.indexOf('document');
export const PHONE = LINKING_KEYS.indexOf('phone');
export const EMAIL = LINKING_KEYS.indexOf('email');

/**
 * Calls `visit(kind, value)` for every strong key of the contact, values normalized.
 * `ownCpf` is true for a CPF from the contact's own `document` field (the one conflicts look at).
 */
export function forEachContactKey(
  c: ContactInput,
  visit: (kind: number, value: string, ownCpf: boolean) => void,
): void {
  if (c.orderNumbers) {
    for (const raw of c.orderNumbers) {
      if (typeof raw !== 'string') continue;
      const order = normalizeOrderNumber(raw, c.channel);
      if (order && order.normalized.length >= MIN_ORDER_NUMBER_LENGTH) visit(ORDER, order.normalized, false);
    }
  }
  if (typeof c.document === 'string' && c.document.length > 0) {
    const cpf = normalizeCpf(c.document);
    if (cpf) visit(DOCUMENT, cpf, true);
    else {
      const cnpj = normalizeCnpj(c.document);
      if (cnpj) visit(DOCUMENT, cnpj, false);
    }
  }
  if (typeof c.phone === 'string' && c.phone.length > 0) {
    const phone = phoneMatchKey(c.phone);
    if (phone !== null) visit(PHONE, phone, false);
  }
  if (typeof c.email === 'string' && c.email.length > 0) {
    const email = normalizeEmail(c.email);
    if (email && !email.weak) visit(EMAIL, email.email, false);
  }
  if (typeof c.text === 'string' && c.text.length > 0) {
    const found = extractIdentifiers(c.text);
    for (const o of found.orderNumbers) if (o.length >= MIN_ORDER_NUMBER_LENGTH) visit(ORDER, o, false);
    for (const d of found.documents) visit(DOCUMENT, d, false);
    for (const p of found.phones) visit(PHONE, p, false);
    for (const e of found.emails) if (normalizeEmail(e)?.weak === false) visit(EMAIL, e, false);
  }
}
