import { z } from 'zod';

/**
 * Money is an integer number of BRL centavos everywhere in Vitrine (R$ 129,90 → 12990).
 * Marketplaces send money as numbers, strings with a dot or strings with a comma; converting once at
 * the edge (`brlToCents`) keeps sums exact and avoids 0.1 + 0.2 surprises in totals and refunds.
 */
export const Cents = z.number().int().nonnegative();
export type Cents = z.infer<typeof Cents>;

/** A plain calendar day (`YYYY-MM-DD`), e.g. a promised delivery date that has no time of day. */
export const IsoDate = z.iso.date();

const BRL_TEXT = /^(-)?(?:R\$)?\s*(\d{1,3}(?:\.\d{3})+|\d+)?(?:([.,])(\d{1,2}))?$/;

/**
 * Converts what marketplaces send as money into centavos: `129.9`, `"129.90"`, `"129,90"`,
 * `"1.299,90"`, `"R$ 1.299,90"`. Returns null for anything else (so callers can quarantine the record).
 * A dot followed by exactly three digits is a thousands separator (`"1.299"` is R$ 1.299,00).
 */
export function brlToCents(value: number | string): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Math.round(value * 100);
  }
  const text = value.trim().replace(/\u00a0/g, ' ');
  const match = BRL_TEXT.exec(text);
  if (!match || (match[2] === undefined && match[4] === undefined)) return null;
  const [, minus, whole = '0', , fraction = ''] = match;
  const cents = Number(whole.replace(/\./g, '')) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return minus ? -cents : cents;
}

/** Built once per locale: building an `Intl.NumberFormat` costs far more than formatting with it. */
const brlFormats = new Map<'pt-BR' | 'en', Intl.NumberFormat>();

/** `12990` → `R$ 129,90` (pt-BR) or `R$129.90` (en). */
export function formatBrl(cents: number, locale: 'pt-BR' | 'en' = 'pt-BR'): string {
  let format = brlFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'pt-BR', {
      style: 'currency',
      currency: 'BRL',
    });
    brlFormats.set(locale, format);
  }
  return format.format(cents / 100).replace(/\u00a0/g, ' ');
}
