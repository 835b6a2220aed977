/**
 * `vitrine identity <value>`: what kind of identifier a value is, and its normalized form.
 *
 * Precedence, first match wins:
 * 1. a WhatsApp id (`554198765432@s.whatsapp.net`) → phone; any other `@` → e-mail;
 * 2. letters in a 14-character `[0-9A-Z]` code, or 14 digits → CNPJ (alphanumeric CNPJs have letters,
 *    no phone has 14 digits in Brazil);
 * 3. written like a phone (`+`, parentheses, or `9999-9999`) → phone, even when the digits would
 *    also pass the CPF check (about 1 in 100 eleven-digit numbers does);
 * 4. written like a CPF (`111.444.777-35`) → CPF, valid or not;
 * 5. 11 bare digits that pass the CPF check → CPF; otherwise a valid phone → phone
 *    (so `41998765432` is a phone unless its last two digits happen to be CPF check digits);
 * 6. 11 bare digits that are neither → reported as an invalid CPF; anything else that is not a
 *    valid phone → unknown.
 */
import { formatCnpj, normalizeCnpj } from './cnpj';
import { formatCpf, isValidCpfDigits } from './cpf';
import { normalizeEmail, WHATSAPP_JID } from './email';
import { normalizePhone } from './phone';

export type IdentityKind = 'cpf' | 'cnpj' | 'phone' | 'email' | 'unknown';

export interface IdentityResult {
  kind: IdentityKind;
  valid: boolean;
  normalized: string | null;
  display?: string;
  weak?: boolean;
  /** The marketplace behind a relay e-mail. */
  relay?: string;
}

const CPF_MASK = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;
const CNPJ_MASK = /^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}$/i;
const PHONE_CUES = /^\s*\+|\(|\d{4,5}-\d{4}\b/;

function stripSeparators(value: string): string {
  return value.replace(/[\s.\-/()+]/g, '');
}

function phoneResult(value: string): IdentityResult | null {
  const phone = normalizePhone(value);
  if (!phone) return null;
  const result: IdentityResult = {
    kind: 'phone',
    valid: true,
    normalized: phone.e164,
    display: phone.display,
  };
  if (phone.weak) result.weak = true;
  return result;
}

export function identify(value: string): IdentityResult {
  const v = value.trim();
  if (v.length === 0 || v.length > 256) return { kind: 'unknown', valid: false, normalized: null };

  const jid = WHATSAPP_JID.exec(v.toLowerCase());
  if (jid) return phoneResult(jid[1] as string) ?? { kind: 'phone', valid: false, normalized: null };

  if (v.includes('@')) {
    const email = normalizeEmail(v);
    if (!email) return { kind: 'email', valid: false, normalized: null };
    const result: IdentityResult = {
      kind: 'email',
      valid: true,
      normalized: email.email,
      display: email.email,
    };
    if (email.weak) result.weak = true;
    if (email.relay) result.relay = email.relay;
    return result;
  }

  const compact = stripSeparators(v).toUpperCase();
  const looksLikeCnpj = CNPJ_MASK.test(v) || (/^[0-9A-Z]{12}\d{2}$/.test(compact) && /\d/.test(compact));
  if (looksLikeCnpj && (/[A-Z]/.test(compact) || !/[()+]/.test(v))) {
    const cnpj = normalizeCnpj(v);
    return cnpj
      ? { kind: 'cnpj', valid: true, normalized: cnpj, display: formatCnpj(cnpj) }
      : { kind: 'cnpj', valid: false, normalized: null };
  }

  if (PHONE_CUES.test(v) && !CPF_MASK.test(v)) {
    const phone = phoneResult(v);
    if (phone) return phone;
  }

  const digitsOnly = /^\d{11}$/.test(compact) && /^[\d\s.\-/]+$/.test(v);
  if (CPF_MASK.test(v) || (digitsOnly && isValidCpfDigits(compact))) {
    return isValidCpfDigits(compact)
      ? { kind: 'cpf', valid: true, normalized: compact, display: formatCpf(compact) }
      : { kind: 'cpf', valid: false, normalized: null };
  }

  const phone = phoneResult(v);
  if (phone) return phone;
  if (digitsOnly) return { kind: 'cpf', valid: false, normalized: null };
  return { kind: 'unknown', valid: false, normalized: null };
}
