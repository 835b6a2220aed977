import { type DayNumber, MS_PER_DAY } from './civil-date';
import { CalendarInputError } from './errors';

const CACHE_LIMIT = 50_000;
const clocks = new Map<string, ZoneClock>();

/**
 * Converts between instants and local wall-clock time of one IANA zone with `Intl.DateTimeFormat`
 * (the zone database shipped with Node/ICU, so no extra library).
 *
 * formatToParts is by far the slowest step of a due-date computation, so offsets are cached per UTC
 * day, and only on a day whose offset changes (a DST switch) per 15-minute slot: since 1970 every
 * zone's offset is a multiple of 15 minutes and changes on such a boundary.
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  /** UTC day → its offset, or NaN when the offset changes during that day. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly slotOffsets = new Map<number, number>();

  /** One clock per zone: building an Intl.DateTimeFormat costs far more than a computation. */
  static for(timeZone: string): ZoneClock {
    let clock = clocks.get(timeZone);
    if (!clock) {
      clock = new ZoneClock(timeZone);
      clocks.set(timeZone, clock);
    }
    return clock;
  }

  private constructor(timeZone: string) {
    if (typeof timeZone !== 'string' || timeZone.trim() === '')
      throw new CalendarInputError('invalidTimeZone', timeZone);
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CalendarInputError('invalidTimeZone', timeZone);
    }
    this.timeZone = this.format.resolvedOptions().timeZone;
  }

  /** Local time minus UTC, in ms, at the given instant (e.g. −10 800 000 for −03:00). */
  offsetAt(epochMs: number): number {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    let offset = this.dayOffsets.get(utcDay);
    if (offset === undefined) {
      const first = this.computeOffset(utcDay * MS_PER_DAY);
      offset = first === this.computeOffset((utcDay + 1) * MS_PER_DAY - 900_000) ? first : Number.NaN;
      if (this.dayOffsets.size > CACHE_LIMIT) this.dayOffsets.clear();
      this.dayOffsets.set(utcDay, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const slot = Math.floor(epochMs / 900_000);
    let slotOffset = this.slotOffsets.get(slot);
    if (slotOffset === undefined) {
      slotOffset = this.computeOffset(slot * 900_000);
      if (this.slotOffsets.size > CACHE_LIMIT) this.slotOffsets.clear();
      this.slotOffsets.set(slot, slotOffset);
    }
    return slotOffset;
  }

  /** The local calendar day on which the instant falls. */
  dayOf(epochMs: number): DayNumber {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / MS_PER_DAY);
  }

  /**
   * The instant at which the local clock shows `msOfDay` on `day` (msOfDay may reach 24 h, i.e. the
   * next midnight). A local time skipped by a DST jump maps to the instant just after the jump, by
   * the same amount late; a repeated local time maps to its first occurrence.
   */
  instantAt(day: DayNumber, msOfDay: number): number {
    const wall = day * MS_PER_DAY + msOfDay;
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    const first = wall - before;
    if (this.offsetAt(first) === before) return first;
    const second = wall - after;
    if (this.offsetAt(second) === after) return second;
    // Skipped wall time (spring forward): keep the distance from the jump.
    return wall - before;
  }

  private computeOffset(epochMs: number): number {
    const parts = this.format.formatToParts(new Date(epochMs));
    const field = (type: Intl.DateTimeFormatPartTypes): number => {
      const part = parts.find((p) => p.type === type);
      return part ? Number(part.value) : 0;
    };
    let year = field('year');
    if (parts.some((p) => p.type === 'era' && p.value.startsWith('B'))) year = 1 - year;
    const asUtc = Date.UTC(
      year,
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    return asUtc - Math.floor(epochMs / 1000) * 1000;
  }
}
