import { calendarMessages } from '../calendar/messages';

/**
 * Every user-facing string of the business calendar and the SLA policies, pt-BR first.
 * Placeholders: `{{name}}`. Keys: `status.*` (SLA clock labels), `rule.*` (rule descriptions, see
 * `describeRule`), `source.*` (where a deadline came from), `calendar.*`, `error.*`.
 */
export const slaMessages = {
  'pt-BR': {
    ...calendarMessages['pt-BR'],
    'status.ok': 'No prazo',
    'status.due_soon': 'Vence em breve',
    'status.breached': 'Prazo vencido',
    'rule.business_days.one': '{{n}} dia útil',
    'rule.business_days.other': '{{n}} dias úteis',
    'rule.business_hours.one': '{{n}} hora útil',
    'rule.business_hours.other': '{{n}} horas úteis',
    'rule.calendar_hours.one': '{{n}} hora corrida',
    'rule.calendar_hours.other': '{{n}} horas corridas',
    'rule.capped': '{{rule}} (máx. {{cap}})',
    'source.marketplace': 'Prazo informado pelo marketplace',
    'source.policy': 'Prazo calculado pela política do canal',
    'error.invalidRule':
      'Regra de SLA inválida: {{value}}. Use dias úteis (inteiro ≥ 0), horas úteis ou horas corridas (número ≥ 0).',
    'error.unknownChannel': 'Canal desconhecido: {{value}}.',
    'error.invalidDueSoon': 'Limite de "vence em breve" inválido: {{value}}. Informe milissegundos ≥ 0.',
  },
  en: {
    ...calendarMessages.en,
    'status.ok': 'On time',
    'status.due_soon': 'Due soon',
    'status.breached': 'Overdue',
    'rule.business_days.one': '{{n}} business day',
    'rule.business_days.other': '{{n}} business days',
    'rule.business_hours.one': '{{n}} business hour',
    'rule.business_hours.other': '{{n}} business hours',
    'rule.calendar_hours.one': '{{n}} calendar hour',
    'rule.calendar_hours.other': '{{n}} calendar hours',
    'rule.capped': '{{rule}} (max. {{cap}})',
    'source.marketplace': 'Deadline reported by the marketplace',
    'source.policy': 'Deadline computed from the channel policy',
    'error.invalidRule':
      'Invalid SLA rule: {{value}}. Use business days (whole number ≥ 0), business hours or calendar hours (number ≥ 0).',
    'error.unknownChannel': 'Unknown channel: {{value}}.',
    'error.invalidDueSoon': 'Invalid "due soon" threshold: {{value}}. Use milliseconds ≥ 0.',
  },
} as const satisfies { 'pt-BR': Record<string, string>; en: Record<string, string> };

export type SlaLocale = keyof typeof slaMessages;
export type SlaMessageKey = keyof (typeof slaMessages)['en'];
