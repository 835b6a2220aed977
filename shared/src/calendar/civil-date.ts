import { CalendarInputError } from './errors';

/**
 * Local calendar dates as whole day numbers (days since 1970-01-01), so that walking over days is
 * integer arithmetic instead of Date objects. Algorithms from H. Hinnant, "chrono-compatible
 * low-level date algorithms" (proleptic Gregorian calendar).
 */
export type DayNumber = number;

export const MS_PER_DAY = 86_400_000;

export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOfDay(dayNumber: DayNumber): number {
  return civilFromDays(dayNumber).year;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatDay(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict 'YYYY-MM-DD' local date; rejects impossible dates such as 2026-02-30. */
export function parseDay(localDate: string): DayNumber {
  const match = typeof localDate === 'string' ? LOCAL_DATE.exec(localDate) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const dayNumber = daysFromCivil(year, month, day);
      const back = civilFromDays(dayNumber);
      if (back.month === month && back.day === day) return dayNumber;
    }
  }
  throw new CalendarInputError('invalidDate', localDate);
}
