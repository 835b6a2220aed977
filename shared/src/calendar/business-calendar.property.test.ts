import fc from 'fast-check';
import { createBusinessCalendar } from './business-calendar';

const HOUR = 3_600_000;
const calendars = [
  createBusinessCalendar(),
  createBusinessCalendar({ state: 'SP', includeCarnival: true, includeCorpusChristi: true }),
  createBusinessCalendar({
    timeZone: 'America/New_York',
    businessHours: { days: [1, 2, 3, 4, 5, 6], start: '07:30', end: '22:00' },
  }),
  createBusinessCalendar({ timeZone: 'America/Manaus', customHolidays: ['2026-12-24', '2026-12-31'] }),
];

const calendarArb = fc.constantFrom(...calendars);
const instantArb = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const dayArb = instantArb.map((d) => d.toISOString().slice(0, 10));

describe('calendar properties', () => {
  it('addBusinessDays lands on a business day after the start, passing exactly n business days', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 40 }), (calendar, day, n) => {
        const result = calendar.addBusinessDays(day, n);
        expect(result > day).toBe(true);
        expect(calendar.isBusinessDay(result)).toBe(true);
        expect(calendar.addBusinessDays(calendar.addBusinessDays(day, n - 1), 1)).toBe(result);
      }),
    );
  });

  it('businessMillisBetween(a, addBusinessHours(a, h)) is h hours', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 200 * 4 }),
        (calendar, start, quarters) => {
          const hours = quarters / 4;
          const end = calendar.addBusinessHours(start, hours);
          expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(calendar.businessMillisBetween(start, end)).toBe(hours * HOUR);
        },
      ),
    );
  });

  it('business time is additive and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = calendar.businessMillisBetween(a, b);
        expect(ab + calendar.businessMillisBetween(b, c)).toBe(calendar.businessMillisBetween(a, c));
        expect(ab).toBeLessThanOrEqual(b.getTime() - a.getTime());
      }),
      { numRuns: 50 },
    );
  });

  it('localDate and startOfLocalTime round-trip', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 23 }), (calendar, day, hour) => {
        const hhmm = `${String(hour).padStart(2, '0')}:00`;
        expect(calendar.localDate(calendar.startOfLocalTime(day, hhmm))).toBe(day);
        expect(calendar.localDate(calendar.endOfLocalDay(day))).toBe(day);
      }),
    );
  });
});
