/**
 * Phone numbers to E.164 with libphonenumber-js (full "max" metadata: the "min" set accepts
 * placeholders such as SkyHub's `51 00000000` and cannot tell mobile from landline), plus the
 * Brazilian ninth-digit rule.
 *
 * Brazil: national numbers are a 2-digit DDD + subscriber. Landlines have 8 subscriber digits
 * starting 2–5; mobiles have 9 starting with 9. Older WhatsApp accounts are registered without
 * the ninth digit, so their wa_id is `55` + DDD + 8 digits (`554198765432`): a 10-digit national
 * number whose subscriber starts 6–9 cannot be a landline, and gets the 9 back (`+5541998765432`).
 *
 * Geographic Brazilian numbers (the overwhelming majority of what marketplaces and WhatsApp send)
 * take a fast path that mirrors the BR metadata exactly (a test compares both); anything else
 * (other countries, 0800/4003 service numbers, carrier-selection prefixes, extensions) goes
 * through libphonenumber-js.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** `+5541998765432` */
  e164: string;
  type: 'mobile' | 'fixed' | 'unknown';
  /** `+55 41 99876-5432` */
  display: string;
  /**
   * A number that does not identify one customer: placeholders (`(11) 99999-9999`, `1234-5678`)
   * and service numbers (0800, 4003-xxxx, 300x). Weak numbers never link contacts on their own.
   */
  weak?: boolean;
}

/** DDDs in use (the BR metadata's area-code pattern), indexed by the two-digit number. */
const VALID_DDD: readonly boolean[] = (() => {
  const ddd = /^(?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])$/;
  const table: boolean[] = [];
  for (let i = 0; i < 100; i++) table.push(ddd.test(String(i).padStart(2, '0')));
  return table;
})();

function brazilianDisplay(national: string): string {
  const ddd = national.slice(0, 2);
  const subscriber = national.slice(2);
  const split = subscriber.length - 4;
  return `+55 ${ddd} ${subscriber.slice(0, split)}-${subscriber.slice(split)}`;
}

/** Subscriber numbers people type when they do not want to give theirs: 9999-9999, 1234-5678, 8765-4321. */
function isPlaceholderSubscriber(national: string): boolean {
  // The 8 digits after the DDD and, on mobiles, after the leading 9.
  const from = national.length === 11 ? 3 : 2;
  const first = national.charCodeAt(from);
  let same = true;
  let ascending = first === 49; // 1
  let descending = first === 56; // 8
  for (let i = from + 1; i < national.length; i++) {
    const c = national.charCodeAt(i);
    const step = c - national.charCodeAt(i - 1);
    if (c !== first) same = false;
    if (step !== 1) ascending = false;
    if (step !== -1) descending = false;
  }
  return same || ascending || descending;
}

/**
 * A Brazilian national significant number (DDD + subscriber, digits only).
 * Returns undefined when it is not a geographic number, so the caller can ask libphonenumber-js
 * (service numbers such as 0800 are valid there); null when it is geographic but invalid.
 * `display` is left empty when not wanted: matching a million contacts does not need it.
 */
function fromBrazilianNational(national: string, withDisplay: boolean): NormalizedPhone | null | undefined {
  if (national.length !== 10 && national.length !== 11) return undefined;
  const ddd = (national.charCodeAt(0) - 48) * 10 + (national.charCodeAt(1) - 48);
  if (!(VALID_DDD[ddd] ?? false)) return undefined;
  const first = national.charCodeAt(2) - 48;
  let canonical: string;
  let type: 'mobile' | 'fixed';
  if (national.length === 11) {
    if (first !== 9) return null;
    canonical = national;
    type = 'mobile';
  } else if (first >= 2 && first <= 5) {
    canonical = national;
    type = 'fixed';
  } else if (first >= 6) {
    // Ninth-digit rule: an 8-digit subscriber starting 6–9 is a mobile written the pre-2016 way.
    canonical = national.slice(0, 2) + '9' + national.slice(2);
    type = 'mobile';
  } else {
    return null;
  }
  const result: NormalizedPhone = {
    e164: '+55' + canonical,
    type,
    display: withDisplay ? brazilianDisplay(canonical) : '',
  };
  if (isPlaceholderSubscriber(canonical)) result.weak = true;
  return result;
}

function fromLibphonenumber(segment: string, withDisplay: boolean): NormalizedPhone | null {
  let parsed: PhoneNumber | undefined;
  try {
    // Words around the number ("Tel: …", "celular …"): let the library find the number in them.
    parsed = parsePhoneNumberFromString(segment, { defaultCountry: 'BR', extract: HAS_LETTER.test(segment) });
  } catch {
    return null;
  }
  if (!parsed) return null;
  if (parsed.countryCallingCode === '55') {
    const fast = fromBrazilianNational(parsed.nationalNumber as string, withDisplay);
    if (fast !== undefined) return fast;
  }
  if (!parsed.isValid()) return null;
  const libType = parsed.getType();
  const type = libType === 'MOBILE' ? 'mobile' : libType === 'FIXED_LINE' ? 'fixed' : 'unknown';
  const result: NormalizedPhone = {
    e164: parsed.number as string,
    type,
    display: withDisplay ? parsed.formatInternational() : '',
  };
  // 0800, 4003-xxxx, 300x: a company's number, never a customer's identity.
  if (libType === 'TOLL_FREE' || libType === 'SHARED_COST' || libType === 'PREMIUM_RATE') result.weak = true;
  return result;
}

const HAS_LETTER = /\p{L}/u;
/** A trailing extension, which does not change whose number it is: "ramal 21", "r. 21", "ext. 5". */
const EXTENSION = /\s*(?:ramal|r\.|ext\.?)\s*\d{1,6}\s*$/i;

/** Characters that may appear inside one written phone number. */
function isPhoneFormatting(code: number): boolean {
  // space . - ( ) tab and the non-breaking space marketplaces paste from spreadsheets
  return (
    code === 32 || code === 46 || code === 45 || code === 40 || code === 41 || code === 160 || code === 9
  );
}

/**
 * The digits of a segment made only of digits, phone formatting and an optional leading `+`
 * (`+` is reported by a leading "+" in the result); null when anything else appears.
 * Copies digit runs, not characters: `(41) 99876-5432` costs three slices, `554198765432` none.
 */
function plainDigits(segment: string): string | null {
  let digits = '';
  let runStart = -1;
  let plus = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      digits = digits.length === 0 ? segment.slice(runStart, i) : digits + segment.slice(runStart, i);
      runStart = -1;
    }
    if (c === 43 /* + */ && digits.length === 0 && !plus) plus = true;
    else if (!isPhoneFormatting(c)) return null;
  }
  if (runStart >= 0) {
    const run = runStart === 0 ? segment : segment.slice(runStart);
    digits = digits.length === 0 ? run : digits + run;
  }
  return plus ? '+' + digits : digits;
}

function normalizeSegment(segment: string, withDisplay: boolean): NormalizedPhone | null {
  const written = plainDigits(segment);
  if (written !== null) {
    const plus = written.charCodeAt(0) === 43;
    const digits = plus ? written.slice(1) : written;
    if (digits.length < 8 || digits.length > 15) return null;
    let national: string | undefined;
    if (plus) {
      if (digits.startsWith('55')) national = digits.slice(2);
    } else if (digits.charCodeAt(0) === 48) {
      // Trunk prefix written by habit: (041) 3333-4444, 041 99876-5432.
      if (digits.length === 11 || digits.length === 12) national = digits.slice(1);
    } else if (digits.length === 12 || digits.length === 13) {
      // The WhatsApp wa_id shape, `55` + DDD + 8/9 digits (national numbers have only 10–11).
      if (digits.startsWith('55')) national = digits.slice(2);
      else return null;
    } else {
      national = digits;
    }
    if (national !== undefined) {
      const fast = fromBrazilianNational(national, withDisplay);
      if (fast !== undefined) return fast;
    }
  }
  return fromLibphonenumber(segment, withDisplay);
}

/** Separators between several numbers in one field: `"11998887778 / 1133334444"`, `"… ou …"`. */
const LIST_SEPARATOR = /\s*(?:[/,;|]|\bou\b|\be\b)\s*/i;

/**
 * One phone number from whatever a marketplace or a customer wrote. When the field holds several
 * numbers, the first valid one wins; `normalizePhones` returns them all.
 */
export function normalizePhone(raw: string): NormalizedPhone | null {
  return firstPhone(raw, true);
}

/**
 * The matching key of a phone field: E.164 of its first valid number, or null when there is none
 * or it is weak. Same rules as `normalizePhone`, without building the display text.
 */
export function phoneMatchKey(raw: string): string | null {
  const phone = firstPhone(raw, false);
  return phone && !phone.weak ? phone.e164 : null;
}

function firstPhone(raw: string, withDisplay: boolean): NormalizedPhone | null {
  if (raw.length === 0 || raw.length > 64) return null;
  if (raw.length > 16 && EXTENSION.test(raw)) raw = raw.replace(EXTENSION, '');
  const single = normalizeSegment(raw.trim(), withDisplay);
  if (single) return single;
  for (const segment of raw.split(LIST_SEPARATOR)) {
    if (segment === raw) break;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const phone = normalizeSegment(trimmed, withDisplay);
    if (phone) return phone;
  }
  return null;
}

/** Every valid number in a field such as SkyHub's `phones[]` joined, or `"11998887778 / 1133334444"`. */
export function normalizePhones(raw: string): NormalizedPhone[] {
  if (raw.length > 256) return [];
  const out: NormalizedPhone[] = [];
  for (const segment of raw.split(LIST_SEPARATOR)) {
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const phone = normalizeSegment(trimmed, true);
    if (phone && !out.some((p) => p.e164 === phone.e164)) out.push(phone);
  }
  return out;
}

/** The 12-digit form older WhatsApp accounts use (`554198765432`), when the number has one. */
export function whatsappIdWithoutNinthDigit(e164: string): string | null {
  if (e164.length !== 14 || !e164.startsWith('+55') || e164.charCodeAt(5) !== 57) return null;
  return '55' + e164.slice(3, 5) + e164.slice(6);
}
