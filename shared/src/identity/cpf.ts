/**
 * CPF (Cadastro de Pessoas Físicas): 9 base digits + 2 check digits, mod 11.
 * Implemented here rather than taken from a library: the rule is a dozen lines, the hot path of
 * duplicate matching calls it once per contact, and a loop over char codes allocates nothing.
 */

const CPF_LENGTH = 11;

/** Digits of a CPF written with the usual separators (`111.444.777-35`, `111 444 777 35`); null otherwise. */
function cpfDigits(raw: string): string | null {
  let digits = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += raw[i];
      if (digits.length > CPF_LENGTH) return null;
    } else if (c !== 46 /* . */ && c !== 45 /* - */ && c !== 32 /* space */ && c !== 47 /* / */) {
      return null;
    }
  }
  return digits.length === CPF_LENGTH ? digits : null;
}

/** `r = Σ % 11`; the check digit is 0 when r < 2, otherwise 11 − r. */
function cpfCheckDigit(digits: string, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += (digits.charCodeAt(i) - 48) * (count + 1 - i);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** `00000000000`, `AAAAAAAAAAAAAA`: pass the mod-11 rule but are not documents (used by CNPJ too). */
export function allSameChar(value: string): boolean {
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) !== value.charCodeAt(0)) return false;
  return true;
}

/** A valid, already-stripped 11-digit CPF (used by the other normalizers). */
export function isValidCpfDigits(digits: string): boolean {
  if (digits.length !== CPF_LENGTH || allSameChar(digits)) return false;
  return (
    cpfCheckDigit(digits, 9) === digits.charCodeAt(9) - 48 &&
    cpfCheckDigit(digits, 10) === digits.charCodeAt(10) - 48
  );
}

export function normalizeCpf(raw: string): string | null {
  const digits = cpfDigits(raw.trim());
  return digits !== null && isValidCpfDigits(digits) ? digits : null;
}

export function isValidCpf(raw: string): boolean {
  return normalizeCpf(raw) !== null;
}

/** `11144477735` → `111.444.777-35`. Anything that is not 11 digits once separators are removed is returned as given. */
export function formatCpf(cpf: string): string {
  const digits = cpfDigits(cpf.trim());
  if (digits === null) return cpf;
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}
