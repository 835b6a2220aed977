import type { Locale } from './messages';

/** Dates are shown in the sellers' time zone, whatever the agent's machine says. */
export const DISPLAY_TIME_ZONE = 'America/Sao_Paulo';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-US' : 'pt-BR');

/** `2026-11-22T14:30:00-03:00` → `22/11/2026` (pt-BR) or `11/22/2026` (en). `YYYY-MM-DD` stays that day. */
export function formatDate(iso: string, locale: Locale): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: dayOnly ? 'UTC' : DISPLAY_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** `22/11 14:30` — for events and deadlines, where the year is obvious. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: DISPLAY_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(iso))
    .replace(',', '');
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
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  if (ms < HOUR) return format.format(-Math.max(1, Math.round(ms / MINUTE)), 'minute');
  if (ms < DAY) return format.format(-Math.round(ms / HOUR), 'hour');
  return format.format(-Math.round(ms / DAY), 'day');
}
