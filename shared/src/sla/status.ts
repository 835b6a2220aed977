import type { BusinessCalendar } from '../calendar';
import type { Deadline } from './due-at';
import { SlaInputError } from './errors';

export type SlaStatus = 'ok' | 'due_soon' | 'breached';

export interface SlaState {
  status: SlaStatus;
  /** Wall-clock ms until the deadline; negative once breached. */
  msLeft: number;
  /** Business-window ms until the deadline; negative (business ms overdue) once breached. */
  businessMsLeft: number;
}

export const DEFAULT_DUE_SOON_MS = 4 * 3_600_000;

/**
 * The SLA clock at `now`. Answering at the deadline instant itself is on time, so `breached` starts
 * just after it. `due_soon` compares *business* time left with the threshold: a deadline at 23:59
 * whose last business window has closed cannot wait for tomorrow, even with hours on the wall clock.
 */
export function slaState(
  deadline: Pick<Deadline, 'dueAt'>,
  now: Date,
  calendar: BusinessCalendar,
  opts: { dueSoonMs?: number } = {},
): SlaState {
  const dueSoonMs = opts.dueSoonMs ?? DEFAULT_DUE_SOON_MS;
  if (typeof dueSoonMs !== 'number' || !Number.isFinite(dueSoonMs) || dueSoonMs < 0) {
    throw new SlaInputError('invalidDueSoon', dueSoonMs);
  }
  const msLeft = deadline.dueAt.getTime() - now.getTime();
  if (msLeft < 0) {
    return {
      status: 'breached',
      msLeft,
      businessMsLeft: -calendar.businessMillisBetween(deadline.dueAt, now),
    };
  }
  const businessMsLeft = calendar.businessMillisBetween(now, deadline.dueAt);
  return { status: businessMsLeft <= dueSoonMs ? 'due_soon' : 'ok', msLeft, businessMsLeft };
}
