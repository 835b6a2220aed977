import type { Carrier } from '../schemas/shipment';
import { trackingUrl } from './urls';

export interface ParsedTracking {
  carrier: Carrier | null;
  /** Well-formed for its carrier and, where the format has one, with a correct check digit. */
  valid: boolean;
  /** Upper-case, without spaces or separators; null when no carrier format was recognised. */
  normalized: string | null;
  /** Public tracking page; only for valid codes. */
  url: string | null;
}

/*
 * Formats accepted, by confidence:
 * - Correios (high): UPU S10, `AA123456785BR` — 2 letters, 8 serial digits, 1 check digit (weights
 *   8,6,4,2,3,5,9,7; r = s mod 11; r 0 → 5, r 1 → 0, else 11 − r), 2-letter country. Any country suffix
 *   is accepted because Correios also tracks inbound international objects (`…CN`, `…US`).
 * - Azul Cargo Express (medium): an IATA air waybill with Azul's airline prefix 577 — `577` + 7-digit
 *   serial + check digit (serial mod 7), written `577-12345675` or `57712345675`. With the `azul` hint
 *   the 8 digits without the prefix are accepted too. Azul publishes no API, so this follows IATA.
 * - Jadlog (medium): the 14-digit numeric tracking code (`codigo`) or shipmentId that Jadlog's
 *   `tracking/consultar` takes. Jadlog publishes no check digit, so "valid" only means 14 digits.
 *   A bare 14-digit number could also be a CNPJ, which is why `findTrackingCodes` needs the word
 *   "Jadlog" in the text before it reads one as a Jadlog code.
 * An unambiguous S10 code wins over a contradicting hint (marketplaces mislabel carriers); the hint
 * decides between numeric formats.
 */
const MAX_INPUT = 64;
const SEPARATORS = /[\s.\-/]+/g;
const S10 = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const AZUL_AWB = /^577\d{8}$/;
const AWB_SERIAL = /^\d{8}$/;
const JADLOG = /^\d{14}$/;

export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial.charCodeAt(i) - 48) * S10_WEIGHTS[i]!;
  const r = sum % 11;
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
}

function isValidS10(code: string): boolean {
  return s10CheckDigit(code.slice(2, 10)) === code.charCodeAt(10) - 48;
}

/** IATA AWB: the 8th digit of the serial is the first seven modulo 7. */
function isValidAwbSerial(serial: string): boolean {
  return Number(serial.slice(0, 7)) % 7 === serial.charCodeAt(7) - 48;
}

const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** A 14-digit number with valid CNPJ check digits is read as a company's CNPJ, not a Jadlog code. */
function isCnpj(digits: string): boolean {
  for (const length of [12, 13]) {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += (digits.charCodeAt(i) - 48) * CNPJ_WEIGHTS[i + 13 - length]!;
    const r = sum % 11;
    if ((r < 2 ? 0 : 11 - r) !== digits.charCodeAt(length) - 48) return false;
  }
  return true;
}

const NONE: ParsedTracking = { carrier: null, valid: false, normalized: null, url: null };

function result(carrier: Carrier, normalized: string, valid: boolean): ParsedTracking {
  return { carrier, valid, normalized, url: valid ? trackingUrl(carrier, normalized) : null };
}

export function parseTrackingCode(raw: string, hint?: Carrier): ParsedTracking {
  if (typeof raw !== 'string' || raw.length > MAX_INPUT) return NONE;
  const code = raw.replace(SEPARATORS, '').toUpperCase();
  if (S10.test(code)) return result('correios', code, isValidS10(code));
  if (hint === 'correios') return NONE;
  if (AZUL_AWB.test(code) && hint !== 'jadlog') return result('azul', code, isValidAwbSerial(code.slice(3)));
  if (hint === 'azul' && AWB_SERIAL.test(code)) {
    const awb = `577${code}`;
    return result('azul', awb, isValidAwbSerial(code));
  }
  if (JADLOG.test(code) && hint !== 'azul') return result('jadlog', code, true);
  return NONE;
}

// Free-text scanners: linear, no nested quantifiers. S10 may be written with spaces or dots between groups.
const S10_IN_TEXT = /\b([A-Za-z]{2})[ -]?(\d{9}|\d{3}[ .]\d{3}[ .]\d{3})[ -]?([A-Za-z]{2})\b/g;
const JADLOG_IN_TEXT = /(?<![\d.\-/])\d{14}(?!\d|[.\-/]\d)/g;
const AZUL_IN_TEXT = /(?<![\d.\-/])577[ .-]?\d{8}(?!\d|[.\-/]\d)/g;
const MENTIONS_JADLOG = /jadlog/i;
const MENTIONS_AZUL = /\bazul\b|\bawb\b/i;

/** A code found in free text, with where it was written (to highlight or blank it out). */
export interface FoundTracking extends ParsedTracking {
  /** The code as written ("aa 123 456 785 br"), and its UTF-16 offsets in the text. */
  raw: string;
  start: number;
  end: number;
}

/**
 * Every valid tracking code in a message ("meu rastreio é AA123456785BR"), in order of appearance,
 * without duplicates. Numeric codes count only when the text names their carrier (see above), and a
 * 14-digit number with valid CNPJ check digits is left to the identity extractor.
 */
export function findTrackingCodes(text: string): FoundTracking[] {
  if (typeof text !== 'string') return [];
  const found: FoundTracking[] = [];
  const seen = new Set<string>();
  const add = (m: RegExpExecArray, parsed: ParsedTracking): void => {
    if (!parsed.valid || parsed.normalized === null || seen.has(parsed.normalized)) return;
    seen.add(parsed.normalized);
    found.push({ ...parsed, raw: m[0], start: m.index, end: m.index + m[0].length });
  };
  for (const m of text.matchAll(S10_IN_TEXT)) add(m, parseTrackingCode(m[0]));
  if (MENTIONS_AZUL.test(text))
    for (const m of text.matchAll(AZUL_IN_TEXT)) add(m, parseTrackingCode(m[0], 'azul'));
  if (MENTIONS_JADLOG.test(text))
    for (const m of text.matchAll(JADLOG_IN_TEXT))
      if (!isCnpj(m[0])) add(m, parseTrackingCode(m[0], 'jadlog'));
  return found.sort((a, b) => a.start - b.start);
}
