import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Readers for single settings. Each validates a raw value (an environment string or a JSON value
 * from the config file) with zod, or stops with one sentence naming the setting and the fix (zod's
 * own messages name no setting, so they are replaced, not shown).
 */

export type Raw = unknown;

function shown(value: Raw): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A number given as JSON, or as text in the environment. */
const numeric = (pattern: RegExp) =>
  z.union([z.number(), z.string().trim().regex(pattern).transform(Number)]).pipe(z.number().finite());

export function readInteger(
  name: string,
  value: Raw,
  range: { min: number; max: number },
  example: string,
): number {
  const parsed = numeric(/^-?\d+$/)
    .pipe(z.number().int().min(range.min).max(range.max))
    .safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `${name} must be a whole number from ${range.min} to ${range.max} (got "${shown(value)}"); set for example ${name}=${example}, or leave it unset.`,
    );
  }
  return parsed.data;
}

export function readNumber(
  name: string,
  value: Raw,
  range: { min: number; max: number },
  example: string,
): number {
  const parsed = numeric(/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i)
    .pipe(z.number().min(range.min).max(range.max))
    .safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `${name} must be a number from ${range.min} to ${range.max} (got "${shown(value)}"); set for example ${name}=${example}, or leave it unset.`,
    );
  }
  return parsed.data;
}

export function readText(name: string, value: Raw, hint: string): string {
  const parsed = z.string().trim().min(1).safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`${name} must be a non-empty text (got "${shown(value)}"); ${hint}.`);
  return parsed.data;
}

export function readChoice<T extends string>(name: string, value: Raw, choices: readonly T[]): T {
  const parsed = z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(choices as unknown as [T, ...T[]]))
    .safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`${name} must be one of ${choices.join(', ')} (got "${shown(value)}").`);
  return parsed.data as T;
}

/** DATABASE_URL: only PostgreSQL; the message never repeats the URL, which may hold a password. */
export function readDatabaseUrl(name: string, value: Raw): string {
  const url = z.string().trim().pipe(z.url()).safeParse(value);
  const protocol = url.success ? new URL(url.data).protocol : '';
  if (!url.success || (protocol !== 'postgres:' && protocol !== 'postgresql:')) {
    throw new ConfigError(
      `${name} must be a PostgreSQL URL like postgres://user:password@host:5432/vitrine${protocol ? ` (got a ${protocol}// URL)` : ''}; unset it to use the built-in SQLite store.`,
    );
  }
  return url.data;
}
