import { type DayNumber, MS_PER_DAY } from './civil-date';
import { CalendarInputError } from './errors';

/**
 * Converts between instants and local wall-clock time of one IANA zone with `Intl.DateTimeFormat`
 * (the zone database shipped with Node/ICU, so no extra library).
 *
 * Offsets are cached per 15-minute UTC slot: since 1970 every zone's offset is a multiple of
 * 15 minutes and changes on such a boundary, and formatToParts is by far the slowest step of a
 * due-date computation.
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
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
    if (typeof timeZone !== 'string' || timeZone.trim() === '')
      throw new CalendarInputError('invalidTimeZone', timeZone);
    this.timeZone = this.format.resolvedOptions().timeZone;
  }

  /** Local time minus UTC, in ms, at the given instant (e.g. −10 800 000 for −03:00). */
  offsetAt(epochMs: number): number {
    const slot = Math.floor(epochMs / 900_000);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      offset = this.computeOffset(slot * 900_000);
      if (this.offsets.size > 50_000) this.offsets.clear();
      this.offsets.set(slot, offset);
    }
    return offset;
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
