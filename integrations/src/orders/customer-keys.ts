import {
  normalizeCnpj,
  normalizeCpf,
  normalizeEmail,
  normalizeOrderNumber,
  normalizePhone,
  type CustomerIdentity,
} from '@vitrine/shared';

/**
 * A customer as the store indexes them: normalized keys that identify one person. Weak values
 * (marketplace relay e-mails, placeholder and service phones) are left out: they would join
 * strangers, the same rule the duplicate matcher follows (`@vitrine/shared/contacts`).
 */
export interface CustomerKeys {
  /** CPF (11 digits) or CNPJ (14 characters). */
  document?: string;
  /** E.164 with the ninth digit restored. */
  phone?: string;
  email?: string;
}

export type CustomerKeyKind = keyof CustomerKeys;

export function normalizeDocument(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  return normalizeCpf(raw) ?? normalizeCnpj(raw) ?? undefined;
}

export function normalizeCustomerPhone(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const phone = normalizePhone(raw);
  return phone && !phone.weak ? phone.e164 : undefined;
}

export function normalizeCustomerEmail(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const email = normalizeEmail(raw);
  return email && !email.weak ? email.email : undefined;
}

export function customerKeysOf(identity: Partial<CustomerIdentity> | undefined): CustomerKeys {
  const keys: CustomerKeys = {};
  const document = normalizeDocument(identity?.document);
  const phone = normalizeCustomerPhone(identity?.phone);
  const email = normalizeCustomerEmail(identity?.email);
  if (document) keys.document = document;
  if (phone) keys.phone = phone;
  if (email) keys.email = email;
  return keys;
}

/** Keys of several sources of the same customer; the first source wins per kind. */
export function mergeCustomerKeys(...sets: CustomerKeys[]): CustomerKeys {
  const merged: CustomerKeys = {};
  for (const set of sets) {
    merged.document ??= set.document;
    merged.phone ??= set.phone;
    merged.email ??= set.email;
  }
  for (const kind of Object.keys(merged) as CustomerKeyKind[]) {
    if (merged[kind] === undefined) delete merged[kind];
  }
  return merged;
}

/** `document:…`, `phone:…`, `email:…`: the form notes and ratings are stored under. */
export function customerKeyStrings(keys: CustomerKeys): string[] {
  const out: string[] = [];
  if (keys.document) out.push(`document:${keys.document}`);
  if (keys.phone) out.push(`phone:${keys.phone}`);
  if (keys.email) out.push(`email:${keys.email}`);
  return out;
}

/** The strongest key (document, then phone, then e-mail): where a new note is filed. */
export function primaryCustomerKey(keys: CustomerKeys): string | undefined {
  return customerKeyStrings(keys)[0];
}

/**
 * Parses a customer key as written in a URL (`document:52998224725`, `phone:+5541998765432`), also
 * accepting the value in any common format (`document:529.982.247-25`). Undefined when invalid.
 */
export function parseCustomerKey(text: string): string | undefined {
  const separator = text.indexOf(':');
  if (separator < 0) return undefined;
  const kind = text.slice(0, separator);
  const value = text.slice(separator + 1);
  const normalized =
    kind === 'document'
      ? normalizeDocument(value)
      : kind === 'phone'
        ? normalizeCustomerPhone(value)
        : kind === 'email'
          ? normalizeCustomerEmail(value)
          : undefined;
  return normalized ? `${kind}:${normalized}` : undefined;
}

/** The matching form of an order number (labels, prefixes and separators removed, upper-case). */
export function normalizeOrderKey(raw: string, source?: string): string {
  const parsed = normalizeOrderNumber(raw.trim(), source);
  return (parsed?.normalized ?? raw.trim()).toUpperCase();
}
