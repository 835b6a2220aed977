import { calendarMessages, formatMessage } from './messages';

type ErrorCodeOf<K> = K extends `error.${infer Code}` ? Code : never;
export type CalendarErrorCode = ErrorCodeOf<keyof (typeof calendarMessages)['en']>;

/**
 * A bad calendar or SLA input (time zone, date, time of day, count, state…). `message` is English
 * for logs and developers; `code` and `value` let a UI show `calendarMessages['pt-BR']['error.<code>']`.
 */
export class CalendarInputError extends Error {
  readonly code: CalendarErrorCode;
  readonly value: unknown;

  constructor(code: CalendarErrorCode, value: unknown) {
    super(formatMessage(calendarMessages.en[`error.${code}`], { value: describeValue(value) }));
    this.name = 'CalendarInputError';
    this.code = code;
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
