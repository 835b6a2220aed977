/**
 * Marketplace dates often come without a timezone. MadeiraMadeira and SkyHub serve Brazilian
 * sellers from Brasília time, so a bare `2026-02-04 17:28:48` means 17:28:48 at −03:00 (Brazil has
 * had no daylight saving time since 2019). Reading it as UTC would move every deadline by 3 hours.
 */
const BRASILIA_OFFSET = '-03:00';

const pad = (n: string | number, width = 2) => String(n).padStart(width, '0');

/**
 * Parses the date shapes seen in the payloads into an ISO-8601 instant with an offset:
 * `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS[.fff]` (no zone: Brasília), `YYYY-MM-DD` and
 * `DD/MM/YYYY[ HH:MM[:SS]]` (Brasília midnight or the given time), anything with `Z` or an offset
 * (kept), and unix milliseconds. Returns undefined for empty strings and unparseable values.
 */
export function toInstant(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString() : undefined;
  const text = value.trim();
  if (text === '' || text.startsWith('0000-00-00')) return undefined;
  if (/^\d{12,14}$/.test(text)) return new Date(Number(text)).toISOString();

  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
    const offset =
      zone === undefined
        ? BRASILIA_OFFSET
        : zone === 'Z'
          ? 'Z'
          : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return check(y, mo, d, `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`);
  }
  m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const [, d, mo, y, h = '00', mi = '00', s = '00'] = m;
    return check(y, mo, d, `${y}-${mo}-${d}T${pad(h)}:${mi}:${s}${BRASILIA_OFFSET}`);
  }
  return undefined;
}

/** Refuses impossible calendar days (31/02), which `Date.parse` would silently roll over. */
function check(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  iso: string,
): string | undefined {
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    day.getUTCFullYear() !== Number(y) ||
    day.getUTCMonth() !== Number(mo) - 1 ||
    day.getUTCDate() !== Number(d)
  )
    return undefined;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** Like `toInstant` but for fields that must be present; the message names the field for the quarantine. */
export function requireInstant(value: string | number | null | undefined, field: string): string {
  const instant = toInstant(value);
  if (!instant) throw new Error(`${field}: unreadable date ${JSON.stringify(value)}`);
  return instant;
}
