/**
 * CNPJ (Cadastro Nacional da Pessoa Jurídica), numeric and the alphanumeric form the Receita Federal
 * issues from July 2026 (IN RFB 2.229/2024): 12 base characters `[0-9A-Z]` and 2 numeric check
 * digits. Each character weighs its ASCII code minus 48, so digits keep their value and `A`–`Z`
 * count 17–42; the mod-11 rule is the same as for numeric CNPJs, which therefore stay valid.
 * Implemented here (not a library) for the same reason as the CPF: tiny, allocation-free, hot path.
 */
import { allSameChar } from './cpf';

const CNPJ_LENGTH = 14;
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper-cased characters of a CNPJ written with the usual separators; null when anything else appears. */
function cnpjChars(raw: string): string | null {
  let chars = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) chars += raw[i];
    else if (c >= 97 && c <= 122) chars += String.fromCharCode(c - 32);
    else if (c !== 46 && c !== 45 && c !== 32 && c !== 47) return null;
    if (chars.length > CNPJ_LENGTH) return null;
  }
  return chars.length === CNPJ_LENGTH ? chars : null;
}

function cnpjCheckDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (chars.charCodeAt(i) - 48) * (weights[i] as number);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A valid, already-stripped, upper-case 14-character CNPJ. */
export function isValidCnpjChars(chars: string): boolean {
  if (chars.length !== CNPJ_LENGTH || allSameChar(chars)) return false;
  // Only the 12 base positions may be letters; the check digits are always numeric.
  const dv1 = chars.charCodeAt(12);
  const dv2 = chars.charCodeAt(13);
  if (!isDigit(dv1) || !isDigit(dv2)) return false;
  return (
    cnpjCheckDigit(chars, FIRST_WEIGHTS) === dv1 - 48 && cnpjCheckDigit(chars, SECOND_WEIGHTS) === dv2 - 48
  );
}

export function normalizeCnpj(raw: string): string | null {
  const chars = cnpjChars(raw.trim());
  return chars !== null && isValidCnpjChars(chars) ? chars : null;
}

export function isValidCnpj(raw: string): boolean {
  return normalizeCnpj(raw) !== null;
}

/** `12ABC34501DE35` → `12.ABC.345/01DE-35`. Anything that is not 14 characters once separators are removed is returned as given. */
export function formatCnpj(cnpj: string): string {
  const c = cnpjChars(cnpj.trim());
  if (c === null) return cnpj;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}
