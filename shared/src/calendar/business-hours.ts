import { CalendarInputError } from './errors';

/** Weekly opening hours of the support team. Times are local to the calendar's zone. */
export interface BusinessHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** 'HH:mm', inclusive. */
  start: string;
  /** 'HH:mm', exclusive; '24:00' means until midnight. */
  end: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '08:00',
  end: '18:00',
});

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** 'HH:mm' → milliseconds after local midnight; '24:00' is accepted as the next midnight. */
export function parseTimeOfDay(hhmm: string): number {
  const match = typeof hhmm === 'string' ? HH_MM.exec(hhmm) : null;
  if (!match) throw new CalendarInputError('invalidTimeOfDay', hhmm);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * 60_000;
}

export interface ResolvedBusinessHours {
  /** Index = ISO weekday. */
  openOn: readonly boolean[];
  startMs: number;
  endMs: number;
}

export function resolveBusinessHours(hours: BusinessHours): ResolvedBusinessHours {
  const days = hours?.days;
  if (!Array.isArray(days) || days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new CalendarInputError('invalidBusinessHours', hours);
  }
  const startMs = parseTimeOfDay(hours.start);
  const endMs = parseTimeOfDay(hours.end);
  if (startMs >= endMs) throw new CalendarInputError('invalidBusinessHours', hours);
  const openOn = Array.from({ length: 8 }, (_, weekday) => days.includes(weekday));
  return { openOn, startMs, endMs };
}
