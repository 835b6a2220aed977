import fc from 'fast-check';
import { createBusinessCalendar } from '../calendar';
import { computeDueAt } from './due-at';
import type { SlaRule } from './rules';

const calendars = [
  createBusinessCalendar(),
  createBusinessCalendar({ state: 'RJ', includeCarnival: true }),
  createBusinessCalendar({ timeZone: 'America/New_York' }),
];

const ruleArb: fc.Arbitrary<SlaRule> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((days) => ({ kind: 'business_days' as const, days })),
  fc
    .record({
      hours: fc.integer({ min: 0, max: 200 }),
      cap: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    })
    .map(({ hours, cap }) => ({ kind: 'business_hours' as const, hours, capCalendarHours: cap })),
  fc.integer({ min: 0, max: 500 }).map((hours) => ({ kind: 'calendar_hours' as const, hours })),
);

describe('computeDueAt properties', () => {
  it('is never earlier than receipt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        ruleArb,
        (calendar, receivedAt, rule) => {
          expect(computeDueAt(receivedAt, rule, calendar).getTime()).toBeGreaterThanOrEqual(
            receivedAt.getTime(),
          );
        },
      ),
    );
  });

  it('puts a business-days deadline at 23:59:59 local on a business day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 30 }),
        (calendar, receivedAt, days) => {
          const due = computeDueAt(receivedAt, { kind: 'business_days', days }, calendar);
          expect(calendar.isBusinessDay(calendar.localDate(due))).toBe(true);
          expect(calendar.localIsoString(due).slice(11, 19)).toBe('23:59:59');
        },
      ),
    );
  });
});
