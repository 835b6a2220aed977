import type { ChannelId } from '../channels';
import { SlaInputError } from './errors';

/**
 * How long a seller has to answer a customer message.
 * - `business_days`: until 23:59:59 local of the Nth business day strictly after the local day the
 *   message arrived (a message on a weekend or holiday still has that day as its receipt day).
 * - `business_hours`: N hours counted only inside business windows (outside a window the clock starts
 *   at the next opening); with `capCalendarHours`, never later than receipt + M wall-clock hours.
 * - `calendar_hours`: N wall-clock hours after receipt.
 */
export type SlaRule =
  | { kind: 'business_days'; days: number }
  | { kind: 'business_hours'; hours: number; capCalendarHours?: number }
  | { kind: 'calendar_hours'; hours: number };

/**
 * Defaults per channel, each overridable per tenant (`deadlineFor({ rules })`). A deadline the
 * marketplace itself reports always wins over these:
 * - madeiramadeira: 2 business days (Mensageria also reports `expired_date`, which then wins);
 * - americanas (customer chat): 12 business hours capped at 24 calendar hours — with the default
 *   10-hour windows the 24 h cap always comes first, longer windows can beat it;
 * - americanas-sac (Americanas' own support): 1 business day, after which Americanas closes the chat;
 * - mercadolivre (claims): 2 business days; the claim's `due_date`, when present, wins;
 * - email and phone (callbacks): next business day, what e-mail customers expect;
 * - whatsapp, instagram, facebook: 4 business hours capped at 24 h, since chat customers expect an
 *   answer the same day and never wait more than a day;
 * - reclameaqui: 2 business days; Reclame Aqui sets no deadline, but its reputation score weighs
 *   the response time, so complaints are held to the marketplace standard.
 */
const rule = (value: SlaRule): SlaRule => Object.freeze(value);

export const DEFAULT_SLA_RULES: Readonly<Record<ChannelId, SlaRule>> = Object.freeze({
  madeiramadeira: rule({ kind: 'business_days', days: 2 }),
  americanas: rule({ kind: 'business_hours', hours: 12, capCalendarHours: 24 }),
  'americanas-sac': rule({ kind: 'business_days', days: 1 }),
  mercadolivre: rule({ kind: 'business_days', days: 2 }),
  email: rule({ kind: 'business_days', days: 1 }),
  whatsapp: rule({ kind: 'business_hours', hours: 4, capCalendarHours: 24 }),
  instagram: rule({ kind: 'business_hours', hours: 4, capCalendarHours: 24 }),
  facebook: rule({ kind: 'business_hours', hours: 4, capCalendarHours: 24 }),
  phone: rule({ kind: 'business_days', days: 1 }),
  reclameaqui: rule({ kind: 'business_days', days: 2 }),
});

const isAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Returns the rule when it is well-formed, else throws naming it (rules may come from tenant settings). */
export function assertValidRule(rule: SlaRule): SlaRule {
  const ok =
    typeof rule === 'object' &&
    rule !== null &&
    ((rule.kind === 'business_days' && Number.isInteger(rule.days) && rule.days >= 0) ||
      (rule.kind === 'business_hours' &&
        isAmount(rule.hours) &&
        (rule.capCalendarHours === undefined || isAmount(rule.capCalendarHours))) ||
      (rule.kind === 'calendar_hours' && isAmount(rule.hours)));
  if (!ok) throw new SlaInputError('invalidRule', rule);
  return rule;
}
