import { buildContext } from '../context/testing/buildContext';
import { TicketDeadline } from '../context/types';
import { liveDeadline } from './liveDeadline';

const HOUR = 3_600_000;
const now = new Date('2026-11-20T12:00:00-03:00');
const deadline = (dueInMs: number, status: 'ok' | 'due_soon' | 'breached') =>
  TicketDeadline.parse({
    ...buildContext({}, now.getTime()).deadline,
    dueAt: new Date(now.getTime() + dueInMs).toISOString(),
    status,
  });

test('the wall clock can only make the service’s status worse', () => {
  expect(liveDeadline(deadline(10 * HOUR, 'ok'), now).status).toBe('ok');
  expect(liveDeadline(deadline(10 * HOUR, 'due_soon'), now).status).toBe('due_soon');
  // Less than 4 wall-clock hours left means less than 4 business hours left too.
  expect(liveDeadline(deadline(3 * HOUR, 'ok'), now).status).toBe('due_soon');
  expect(liveDeadline(deadline(-1, 'ok'), now)).toEqual({
    status: 'breached',
    msLeft: -1,
    businessLive: false,
  });
  // Answering at the deadline instant itself is on time.
  expect(liveDeadline(deadline(0, 'due_soon'), now).status).toBe('due_soon');
});

describe('with the business windows, business time counts down live', () => {
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
  const windowed = TicketDeadline.parse({
    ...buildContext({}, now.getTime()).deadline,
    dueAt: at(27).toISOString(),
    status: 'ok',
    businessMsLeft: 5 * HOUR,
    // Today 12:00–14:00 and tomorrow 12:00–15:00: five business hours until the deadline; a
    // window after the deadline does not count.
    businessWindows: [
      { start: at(0).toISOString(), end: at(2).toISOString() },
      { start: at(24).toISOString(), end: at(27).toISOString() },
      { start: at(28).toISOString(), end: at(30).toISOString() },
    ],
  });

  test('only time inside the windows counts, clipped at the deadline', () => {
    expect(liveDeadline(windowed, now)).toMatchObject({
      status: 'ok',
      businessMsLeft: 5 * HOUR,
      businessLive: true,
    });
    expect(liveDeadline(windowed, at(0.5))).toMatchObject({ businessMsLeft: 4.5 * HOUR });
    // Overnight, between the windows, the business clock stands still.
    expect(liveDeadline(windowed, at(10))).toMatchObject({ businessMsLeft: 3 * HOUR, msLeft: 17 * HOUR });
  });

  test('the status turns due soon on business time, with the wall clock still far away', () => {
    expect(liveDeadline(windowed, at(1.01)).status).toBe('due_soon');
    expect(liveDeadline(windowed, at(1)).msLeft).toBe(26 * HOUR);
  });
});
