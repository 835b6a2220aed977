import type { Random } from './random';

/** Check digits per Receita Federal: Σ(digit × weight) mod 11; < 2 → 0, else 11 − r. */
function checkDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + Number(digits[i]) * w, 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** A valid CPF (11 digits, never all the same digit). */
export function generateCpf(rng: Random): string {
  let base: string;
  do base = rng.digits(9);
  while (/^(\d)\1{8}$/.test(base));
  const d1 = checkDigit(base, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(base + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${d2}`;
}

/** A valid numeric CNPJ (14 digits, branch 0001). */
export function generateCnpj(rng: Random): string {
  const base = `${rng.digits(8)}0001`;
  const d1 = checkDigit(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(base + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${d2}`;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** A Correios S10 tracking code (`AA123456785BR`) with a valid check digit. */
export function generateS10(rng: Random): string {
  const prefix = rng.pick(['AA', 'OJ', 'QB', 'PX', 'LB', 'NX', 'OS']);
  const serial = rng.digits(8);
  const sum = S10_WEIGHTS.reduce((acc, w, i) => acc + Number(serial[i]) * w, 0);
  const r = sum % 11;
  const check = r === 0 ? 5 : r === 1 ? 0 : 11 - r;
  return `${prefix}${serial}${check}BR`;
}
