import { brlToCents } from '@vitrine/shared';
import { z } from 'zod';
import { toInstant } from './brasilia-time';

/**
 * Tolerant zod building blocks for raw marketplace payloads, where the same field arrives in
 * different shapes from one record to the next (ids as strings or numbers, money as "129.90" or
 * 129.9, dates with or without a zone). Each one normalizes; each rejects what cannot be read,
 * with a message the quarantine can show.
 */

/** An id the source sends as a string or a number; kept as a string (numbers this large lose nothing below 2^53). */
export const LooseId = z.union([z.string().min(1), z.number().int()]).transform(String);

/** An integer sent as a number or a numeric string (status ids, counts). */
export const LooseInt = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/, 'expected an integer')])
  .transform(Number);

/** Money sent as `129.9`, `"129.90"` or `"1.299,90"`; kept as integer centavos (see `brlToCents`). */
export const LooseCents = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const cents = brlToCents(value);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: `unreadable amount ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return cents;
});

/** A date in any shape `toInstant` reads; must be present and readable. */
export const SourceDate = z
  .union([z.string(), z.number()])
  .refine((value) => toInstant(value) !== undefined, { message: 'unreadable date' });

/** A date that may be missing or empty (`expired_date: ""`); unreadable non-empty values still fail. */
export const OptionalSourceDate = z
  .union([z.string(), z.number()])
  .nullish()
  .refine(
    (value) => value === null || value === undefined || value === '' || toInstant(value) !== undefined,
    {
      message: 'unreadable date',
    },
  );
