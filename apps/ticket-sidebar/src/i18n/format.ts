import type { Locale } from './messages';

/** Dates are shown in the sellers' time zone, whatever the agent's machine says. */
export const DISPLAY_TIME_ZONE = 'America/Sao_Paulo';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-US' : 'pt-BR');

/**
 * One formatter per locale and kind, built on first use: building an `Intl` formatter (a time zone
 * above all) costs far more than formatting with it, and a panel formats dozens of dates.
 */
function memoPerLocale<T>(build: (locale: string) => T): (locale: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale) => {
    let formatter = built.get(locale);
    if (!formatter) built.set(locale, (formatter = build(intlLocale(locale))));
    return formatter;
  };
}

const DAY_MONTH = { day: '2-digit', month: '2-digit' } as const;
const dateInZone = memoPerLocale(
  (locale) => new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...DAY_MONTH, year: 'numeric' }),
);
const dayOnlyDate = memoPerLocale(
  (locale) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...DAY_MONTH, year: 'numeric' }),
);
const dateTimeInZone = memoPerLocale(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      ...DAY_MONTH,
      hour: '2-digit',
      minute: '2-digit',
    }),
);
const relativeTime = memoPerLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** `2026-11-22T14:30:00-03:00` → `22/11/2026` (pt-BR) or `11/22/2026` (en). `YYYY-MM-DD` stays that day. */
export function formatDate(iso: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dayOnlyDate(locale).format(new Date(`${iso}T12:00:00Z`));
  return dateInZone(locale).format(new Date(iso));
}

/** `22/11 14:30` — for events and deadlines, where the year is obvious. */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateTimeInZone(locale).format(new Date(iso)).replace(',', '');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A compact duration: `2 d 4 h`, `3 h 20 min`, `12 min` (always positive). A countdown rounds up to
 * the minute ("5 h" until the last second of the fifth hour); elapsed time rounds down.
 */
export function formatDuration(ms: number, round: 'up' | 'down' = 'up'): string {
  const minutesTotal = (round === 'up' ? Math.ceil : Math.floor)(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutesTotal / (DAY / MINUTE));
  const hours = Math.floor((minutesTotal % (DAY / MINUTE)) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** `há 3 dias` / `3 days ago`. */
export function formatAge(iso: string, now: Date, locale: Locale): string {
  const ms = now.getTime() - new Date(iso).getTime();
  const format = relativeTime(locale);
  if (ms < HOUR) return format.format(-Math.max(1, Math.round(ms / MINUTE)), 'minute');
  if (ms < DAY) return format.format(-Math.round(ms / HOUR), 'hour');
  return format.format(-Math.round(ms / DAY), 'day');
}
