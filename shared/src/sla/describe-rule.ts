import { formatMessage } from '../calendar/messages';
import { type SlaLocale, type SlaMessageKey, slaMessages } from './messages';
import { assertValidRule, type SlaRule } from './rules';

function amount(
  locale: SlaLocale,
  unit: 'business_days' | 'business_hours' | 'calendar_hours',
  n: number,
): string {
  const key: SlaMessageKey = `rule.${unit}.${n === 1 ? 'one' : 'other'}`;
  const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  return formatMessage(slaMessages[locale][key], { n: shown });
}

/** A rule as agents read it: "2 dias úteis", "12 horas úteis (máx. 24 horas corridas)". */
export function describeRule(rule: SlaRule, locale: SlaLocale): string {
  assertValidRule(rule);
  const messages = slaMessages[locale] ?? slaMessages['pt-BR'];
  const lang: SlaLocale = messages === slaMessages.en ? 'en' : 'pt-BR';
  switch (rule.kind) {
    case 'business_days':
      return amount(lang, 'business_days', rule.days);
    case 'calendar_hours':
      return amount(lang, 'calendar_hours', rule.hours);
    case 'business_hours': {
      const text = amount(lang, 'business_hours', rule.hours);
      if (rule.capCalendarHours === undefined) return text;
      return formatMessage(messages['rule.capped'], {
        rule: text,
        cap: amount(lang, 'calendar_hours', rule.capCalendarHours),
      });
    }
  }
}
