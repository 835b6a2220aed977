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
const formatted = new Map<DayNumber, string>();

export function formatDay(dayNumber: DayNumber): string {
  let text = formatted.get(dayNumber);
  if (text === undefined) {
    const { year, month, day } = civilFromDays(dayNumber);
    text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(dayNumber, text);
  }
  return text;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a strict 'YYYY-MM-DD' local date; rejects impossible dates such as 2026-02-30.
 * Hand-rolled rather than a RegExp: it runs twice per due-date computation.
 */
export function parseDay(localDate: string): DayNumber {
  if (
    typeof localDate === 'string' &&
    localDate.length === 10 &&
    localDate[4] === '-' &&
    localDate[7] === '-'
  ) {
    const year = digitsAt(localDate, 0, 4);
    const month = digitsAt(localDate, 5, 2);
    const day = digitsAt(localDate, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1) {
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const monthDays = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0);
      if (day <= monthDays) return daysFromCivil(year, month, day);
    }
  }
  throw new CalendarInputError('invalidDate', localDate);
}
