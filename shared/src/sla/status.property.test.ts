import fc from 'fast-check';
import { createBusinessCalendar } from '../calendar';
import { type SlaStatus, slaState } from './status';

const ORDER: Record<SlaStatus, number> = { ok: 0, due_soon: 1, breached: 2 };
const calendar = createBusinessCalendar({ state: 'SP' });
const instant = fc.date({
  min: new Date('2026-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('slaState properties', () => {
  it('only moves forward (ok → due_soon → breached) as time passes, and business time never exceeds wall time', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 96 * 3_600_000 }), (dueAt, now, later) => {
        const before = slaState({ dueAt }, now, calendar);
        const after = slaState({ dueAt }, new Date(now.getTime() + later), calendar);
        expect(ORDER[after.status]).toBeGreaterThanOrEqual(ORDER[before.status]);
        expect(Math.abs(before.businessMsLeft)).toBeLessThanOrEqual(Math.abs(before.msLeft));
        expect(before.status === 'breached').toBe(before.msLeft < 0);
      }),
      { numRuns: 60 },
    );
  });
});
