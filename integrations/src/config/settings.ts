import { ConfigError } from './errors';

/**
 * Readers for single settings. Each turns a raw value (an environment string or a JSON value from
 * the config file) into a typed one, or stops with one sentence naming the setting and the fix.
 */

export type Raw = unknown;

function shown(value: Raw): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function readInteger(
  name: string,
  value: Raw,
  range: { min: number; max: number },
  example: string,
): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new ConfigError(
      `${name} must be a whole number from ${range.min} to ${range.max} (got "${shown(value)}"); set for example ${name}=${example}, or leave it unset.`,
    );
  }
  return n;
}

export function readNumber(
  name: string,
  value: Raw,
  range: { min: number; max: number },
  example: string,
): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n < range.min || n > range.max) {
    throw new ConfigError(
      `${name} must be a number from ${range.min} to ${range.max} (got "${shown(value)}"); set for example ${name}=${example}, or leave it unset.`,
    );
  }
  return n;
}

export function readText(name: string, value: Raw, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`${name} must be a non-empty text (got "${shown(value)}"); ${hint}.`);
  }
  return value.trim();
}

export function readChoice<T extends string>(name: string, value: Raw, choices: readonly T[]): T {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (!choices.includes(text as T)) {
    throw new ConfigError(`${name} must be one of ${choices.join(', ')} (got "${shown(value)}").`);
  }
  return text as T;
}

/** DATABASE_URL: only PostgreSQL; the message never repeats the URL, which may hold a password. */
export function readDatabaseUrl(name: string, value: Raw): string {
  const text = typeof value === 'string' ? value.trim() : '';
  let protocol = '';
  try {
    protocol = new URL(text).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(
      `${name} must be a PostgreSQL URL like postgres://user:password@host:5432/vitrine${protocol ? ` (got a ${protocol}// URL)` : ''}; unset it to use the built-in SQLite store.`,
    );
  }
  return text;
}
