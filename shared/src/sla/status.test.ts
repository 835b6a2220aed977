import { createBusinessCalendar } from '../calendar';
import { slaState } from './status';

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);
const calendar = createBusinessCalendar();
// MadeiraMadeira deadline of a message received Thu 19 Nov 15:00.
const deadline = { dueAt: at('2026-11-24T23:59:59-03:00') };

describe('slaState', () => {
  it('is ok with more than 4 business hours left, counting only business time', () => {
    const state = slaState(deadline, at('2026-11-23T09:00:00-03:00'), calendar);
    expect(state.status).toBe('ok');
    expect(state.businessMsLeft).toBe(19 * HOUR);
    expect(state.msLeft).toBe(
      at('2026-11-24T23:59:59-03:00').getTime() - at('2026-11-23T09:00:00-03:00').getTime(),
    );
  });

  it('turns due_soon at exactly 4 business hours left (Tue 14:00), not before', () => {
    expect(slaState(deadline, at('2026-11-24T13:59:00-03:00'), calendar).status).toBe('ok');
    expect(slaState(deadline, at('2026-11-24T14:00:00-03:00'), calendar).status).toBe('due_soon');
  });

  it('stays due_soon after closing time until the deadline passes', () => {
    const evening = slaState(deadline, at('2026-11-24T21:00:00-03:00'), calendar);
    expect(evening).toEqual({
      status: 'due_soon',
      msLeft: 2 * HOUR + 59 * 60_000 + 59_000,
      businessMsLeft: 0,
    });
    expect(slaState(deadline, deadline.dueAt, calendar).status).toBe('due_soon');
  });

  it('is breached one second after the deadline, with business time overdue', () => {
    expect(slaState(deadline, at('2026-11-25T00:00:00-03:00'), calendar).status).toBe('breached');
    const nextMorning = slaState(deadline, at('2026-11-25T10:30:00-03:00'), calendar);
    expect(nextMorning.status).toBe('breached');
    expect(nextMorning.businessMsLeft).toBe(-2.5 * HOUR);
    expect(nextMorning.msLeft).toBeLessThan(0);
  });

  it('accepts a custom threshold', () => {
    const monday = at('2026-11-23T09:00:00-03:00');
    expect(slaState(deadline, monday, calendar, { dueSoonMs: 24 * HOUR }).status).toBe('due_soon');
    expect(slaState(deadline, at('2026-11-24T17:00:00-03:00'), calendar, { dueSoonMs: 0 }).status).toBe('ok');
    expect(() => slaState(deadline, monday, calendar, { dueSoonMs: -1 })).toThrow(/threshold: -1/);
  });
});
