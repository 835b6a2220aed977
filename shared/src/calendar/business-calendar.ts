import { holidaysOfYear, type HolidaySelection, normalizeState } from './brazilian-holidays';
import {
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  parseTimeOfDay,
  resolveBusinessHours,
} from './business-hours';
import type { ResolvedBusinessHours } from './business-hours';
import { type DayNumber, daysFromCivil, formatDay, isoWeekday, parseDay, yearOfDay } from './civil-date';
import { CalendarInputError } from './errors';
import { calendarMessages } from './messages';
import { ZoneClock } from './zone-clock';

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

/** A store closure or municipal holiday, with the name agents should see. */
export interface CustomHoliday {
  date: string;
  name: string;
}

export interface CalendarOptions {
  /** IANA zone of the tenant; default America/Sao_Paulo. */
  timeZone?: string;
  /** UF whose state holidays also count, e.g. 'SP'. */
  state?: string;
  /** Carnaval Monday and Tuesday (ponto facultativo) as days off. Default false. */
  includeCarnival?: boolean;
  /** Corpus Christi (ponto facultativo; municipal holiday in many cities) as a day off. Default false. */
  includeCorpusChristi?: boolean;
  /** Municipal holidays and store closures: 'YYYY-MM-DD', or `{ date, name }` to give it a name. */
  customHolidays?: ReadonlyArray<string | CustomHoliday>;
  /** Default Mon–Fri 08:00–18:00. */
  businessHours?: BusinessHours;
}

/** Searching further than this for a business day means the configuration closes every day. */
const MAX_SEARCH_DAYS = 3_660;
const WINDOW_CACHE_LIMIT = 20_000;

type Window = { start: number; end: number } | null;
type YearSpan = { first: DayNumber; last: DayNumber; holidays: ReadonlyMap<DayNumber, string> };

/**
 * The tenant's working calendar.
 *
 * Two notions, kept apart on purpose:
 * - a *business day* (dia útil) is Monday–Friday that is not a holiday. This is the legal notion the
 *   marketplaces count deadlines in, so it does not follow the store's opening days;
 * - a *business window* is the store's opening hours (`businessHours`) on a listed weekday that is
 *   not a holiday; business hours are counted only inside windows.
 *
 * Local dates are 'YYYY-MM-DD' strings in the calendar's zone; instants are `Date`s.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  readonly state?: string;
  readonly businessHours: BusinessHours;
  private readonly clock: ZoneClock;
  private readonly selection: HolidaySelection;
  private readonly hours: ResolvedBusinessHours;
  private readonly custom = new Map<DayNumber, string>();
  private lastYear: YearSpan | undefined;
  private readonly windows = new Map<DayNumber, Window>();

  constructor(opts: CalendarOptions = {}) {
    this.clock = ZoneClock.for(opts.timeZone ?? DEFAULT_TIME_ZONE);
    this.timeZone = this.clock.timeZone;
    if (opts.state !== undefined) this.state = normalizeState(opts.state);
    this.selection = {
      state: this.state,
      includeCarnival: opts.includeCarnival === true,
      includeCorpusChristi: opts.includeCorpusChristi === true,
    };
    this.businessHours = opts.businessHours ?? DEFAULT_BUSINESS_HOURS;
    this.hours = resolveBusinessHours(this.businessHours);
    for (const entry of opts.customHolidays ?? []) {
      const date = typeof entry === 'string' ? entry : entry?.date;
      const name = typeof entry === 'string' ? '' : (entry.name ?? '').trim();
      this.custom.set(parseDay(date), name || calendarMessages['pt-BR']['calendar.customHoliday']);
    }
  }

  /** The local calendar date ('YYYY-MM-DD') of an instant in this calendar's zone. */
  localDate(instant: Date): string {
    return formatDay(this.clock.dayOf(epochOf(instant)));
  }

  /**
   * ISO-8601 with the zone's offset, e.g. '2026-11-24T23:59:59-03:00' (milliseconds only when not
   * zero), for APIs and CLIs that show local time.
   */
  localIsoString(instant: Date): string {
    const epoch = epochOf(instant);
    const offset = this.clock.offsetAt(epoch);
    const wall = new Date(epoch + offset).toISOString();
    const millis = wall.slice(19, 23) === '.000' ? '' : wall.slice(19, 23);
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset) / 60_000;
    const zone = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return `${wall.slice(0, 19)}${millis}${zone}`;
  }

  /** Monday–Friday and not a national, selected state, switched-on or custom holiday. */
  isBusinessDay(localDate: string): boolean {
    return this.isBusinessDayNumber(parseDay(localDate));
  }

  /** The holiday's pt-BR name (or the custom date's name) when the date is a day off, else null. */
  holidayName(localDate: string): string | null {
    return this.holidayOf(parseDay(localDate));
  }

  /** The Nth business day strictly after `localDate` (n = 0 returns `localDate`). */
  addBusinessDays(localDate: string, n: number): string {
    let day = parseDay(localDate);
    if (!Number.isInteger(n) || n < 0) throw new CalendarInputError('invalidCount', n);
    let found = 0;
    for (let searched = 0; found < n; searched++) {
      if (searched > MAX_SEARCH_DAYS) throw new CalendarInputError('noBusinessTime', localDate);
      day++;
      if (this.isBusinessDayNumber(day)) {
        found++;
        searched = 0;
      }
    }
    return formatDay(day);
  }

  /** 23:59:59.000 local time of `localDate`, as an instant. */
  endOfLocalDay(localDate: string): Date {
    return new Date(this.clock.instantAt(parseDay(localDate), 86_399_000));
  }

  /** The instant at which the local clock shows `hhmm` ('HH:mm', '24:00' = next midnight) on `localDate`. */
  startOfLocalTime(localDate: string, hhmm: string): Date {
    return new Date(this.clock.instantAt(parseDay(localDate), parseTimeOfDay(hhmm)));
  }

  /**
   * `instant` plus `hours` counted only inside business windows. Outside a window the clock starts
   * at the next window's opening; a count that ends exactly at a closing returns that closing.
   */
  addBusinessHours(instant: Date, hours: number): Date {
    const from = epochOf(instant);
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
      throw new CalendarInputError('invalidHours', hours);
    }
    let remaining = Math.round(hours * 3_600_000);
    let day = this.clock.dayOf(from);
    for (let searched = 0; searched <= MAX_SEARCH_DAYS; searched++, day++) {
      const window = this.window(day);
      if (!window) continue;
      const start = Math.max(from, window.start);
      if (start >= window.end) continue;
      if (remaining <= window.end - start) return new Date(start + remaining);
      remaining -= window.end - start;
      searched = 0;
    }
    throw new CalendarInputError('noBusinessTime', instant);
  }

  /** Milliseconds of business windows between two instants; 0 when `to` is not after `from`. */
  businessMillisBetween(from: Date, to: Date): number {
    const start = epochOf(from);
    const end = epochOf(to);
    if (end <= start) return 0;
    let total = 0;
    const lastDay = this.clock.dayOf(end);
    for (let day = this.clock.dayOf(start); day <= lastDay; day++) {
      const window = this.window(day);
      if (!window) continue;
      const overlap = Math.min(end, window.end) - Math.max(start, window.start);
      if (overlap > 0) total += overlap;
    }
    return total;
  }

  private isBusinessDayNumber(day: DayNumber): boolean {
    return isoWeekday(day) <= 5 && this.holidayOf(day) === null;
  }

  private holidayOf(day: DayNumber): string | null {
    // Day walks stay within a year almost always: skip the year arithmetic while they do.
    const span = this.lastYear;
    const holidays =
      span && day >= span.first && day <= span.last ? span.holidays : this.loadYear(yearOfDay(day)).holidays;
    return holidays.get(day) ?? this.custom.get(day) ?? null;
  }

  private loadYear(year: number): YearSpan {
    const span: YearSpan = {
      first: daysFromCivil(year, 1, 1),
      last: daysFromCivil(year, 12, 31),
      holidays: holidaysOfYear(year, this.selection),
    };
    this.lastYear = span;
    return span;
  }

  private window(day: DayNumber): Window {
    let window = this.windows.get(day);
    if (window === undefined) {
      window =
        this.hours.openOn[isoWeekday(day)] && this.holidayOf(day) === null
          ? {
              start: this.clock.instantAt(day, this.hours.startMs),
              end: this.clock.instantAt(day, this.hours.endMs),
            }
          : null;
      if (this.windows.size > WINDOW_CACHE_LIMIT) this.windows.clear();
      this.windows.set(day, window);
    }
    return window;
  }
}

export function createBusinessCalendar(opts?: CalendarOptions): BusinessCalendar {
  return new BusinessCalendar(opts);
}

function epochOf(instant: Date): number {
  const epoch = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(epoch)) throw new CalendarInputError('invalidInstant', instant);
  return epoch;
}
