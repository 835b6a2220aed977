/**
 * Every user-facing string of the business calendar, pt-BR first. Placeholders: `{{name}}`.
 * The SLA catalog (`slaMessages`) includes these.
 */
export const calendarMessages = {
  'pt-BR': {
    'calendar.customHoliday': 'Dia sem expediente',
    'error.invalidTimeZone':
      'Fuso horário desconhecido: {{value}}. Use um nome IANA, como "America/Sao_Paulo".',
    'error.invalidDate': 'Data inválida: {{value}}. Use o formato AAAA-MM-DD, como "2026-11-20".',
    'error.invalidInstant': 'Instante inválido: {{value}}. Informe uma data e hora válidas.',
    'error.invalidTimeOfDay': 'Horário inválido: {{value}}. Use HH:mm entre 00:00 e 24:00, como "08:00".',
    'error.invalidBusinessHours':
      'Horário comercial inválido: {{value}}. Informe ao menos um dia (1 = segunda … 7 = domingo) e início antes do fim.',
    'error.invalidState': 'UF desconhecida: {{value}}. Use a sigla do estado, como "SP" ou "RJ".',
    'error.invalidCount': 'Quantidade inválida: {{value}}. Informe um número inteiro maior ou igual a zero.',
    'error.invalidHours': 'Quantidade de horas inválida: {{value}}. Informe um número maior ou igual a zero.',
    'error.noBusinessTime':
      'Não há dia útil nem horário comercial nos próximos 10 anos a partir de {{value}}.',
  },
  en: {
    'calendar.customHoliday': 'Day off',
    'error.invalidTimeZone': 'Unknown time zone: {{value}}. Use an IANA name such as "America/Sao_Paulo".',
    'error.invalidDate': 'Invalid date: {{value}}. Use YYYY-MM-DD, e.g. "2026-11-20".',
    'error.invalidInstant': 'Invalid instant: {{value}}. Pass a valid Date.',
    'error.invalidTimeOfDay':
      'Invalid time of day: {{value}}. Use HH:mm between 00:00 and 24:00, e.g. "08:00".',
    'error.invalidBusinessHours':
      'Invalid business hours: {{value}}. Give at least one ISO weekday (1 = Monday … 7 = Sunday) and a start before the end.',
    'error.invalidState':
      'Unknown Brazilian state (UF): {{value}}. Use the two-letter code, e.g. "SP" or "RJ".',
    'error.invalidCount': 'Invalid count: {{value}}. Use a whole number greater than or equal to zero.',
    'error.invalidHours': 'Invalid number of hours: {{value}}. Use a number greater than or equal to zero.',
    'error.noBusinessTime': 'No business day or business hours within 10 years after {{value}}.',
  },
} as const satisfies Record<'pt-BR' | 'en', Record<string, string>>;

/** Replaces `{{name}}` placeholders; unknown placeholders are left visible rather than blanked. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
