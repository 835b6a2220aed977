import type { BusinessCalendar } from '../calendar';
import { type ChannelId, isChannelId } from '../channels';
import { SlaInputError } from './errors';
import { assertValidRule, DEFAULT_SLA_RULES, type SlaRule } from './rules';

const HOUR = 3_600_000;

/** The instant a message received at `receivedAt` must be answered by, under `rule`. */
export function computeDueAt(receivedAt: Date, rule: SlaRule, calendar: BusinessCalendar): Date {
  assertValidRule(rule);
  switch (rule.kind) {
    case 'business_days':
      return calendar.endOfLocalDay(calendar.addBusinessDays(calendar.localDate(receivedAt), rule.days));
    case 'business_hours': {
      const byBusinessHours = calendar.addBusinessHours(receivedAt, rule.hours);
      if (rule.capCalendarHours === undefined) return byBusinessHours;
      const cap = receivedAt.getTime() + Math.round(rule.capCalendarHours * HOUR);
      return cap < byBusinessHours.getTime() ? new Date(cap) : byBusinessHours;
    }
    case 'calendar_hours':
      // localDate validates the instant before the arithmetic.
      calendar.localDate(receivedAt);
      return new Date(receivedAt.getTime() + Math.round(rule.hours * HOUR));
  }
}

export interface Deadline {
  /** The deadline to work against: the marketplace's when it reported one, else the computed one. */
  dueAt: Date;
  /** What the channel's rule gives; kept even when the marketplace's deadline wins. */
  computedDueAt: Date;
  reportedDueAt?: Date;
  source: 'marketplace' | 'policy';
  rule: SlaRule;
  channel: ChannelId;
}

/**
 * The deadline of a message on a channel. The tenant's `rules` override `DEFAULT_SLA_RULES` per
 * channel. A deadline the marketplace reports (MadeiraMadeira `expired_date`, a Mercado Livre claim
 * `due_date`) is the one the marketplace will enforce, so it wins even when later than ours.
 */
export function deadlineFor(input: {
  channel: ChannelId;
  receivedAt: Date;
  calendar: BusinessCalendar;
  reportedDueAt?: Date;
  rules?: Partial<Record<ChannelId, SlaRule>>;
}): Deadline {
  const { channel, receivedAt, calendar, reportedDueAt } = input;
  if (typeof channel !== 'string' || !isChannelId(channel))
    throw new SlaInputError('unknownChannel', channel);
  const rule = input.rules?.[channel] ?? DEFAULT_SLA_RULES[channel];
  const computedDueAt = computeDueAt(receivedAt, rule, calendar);
  if (reportedDueAt === undefined) {
    return { dueAt: computedDueAt, computedDueAt, source: 'policy', rule, channel };
  }
  calendar.localDate(reportedDueAt); // rejects an Invalid Date, naming it
  return {
    dueAt: new Date(reportedDueAt.getTime()),
    computedDueAt,
    reportedDueAt: new Date(reportedDueAt.getTime()),
    source: 'marketplace',
    rule,
    channel,
  };
}
