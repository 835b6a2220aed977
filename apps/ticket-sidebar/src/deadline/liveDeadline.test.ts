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
  expect(liveDeadline(deadline(-1, 'ok'), now)).toEqual({ status: 'breached', msLeft: -1 });
  // Answering at the deadline instant itself is on time.
  expect(liveDeadline(deadline(0, 'due_soon'), now).status).toBe('due_soon');
});
