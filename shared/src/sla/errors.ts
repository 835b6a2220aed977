import { formatMessage } from '../calendar/messages';
import { slaMessages } from './messages';

type ErrorCodeOf<K> = K extends `error.${infer Code}` ? Code : never;
export type SlaErrorCode = ErrorCodeOf<'error.invalidRule' | 'error.unknownChannel' | 'error.invalidDueSoon'>;

/** A bad SLA input. `message` is English; `code` and `value` let a UI use `slaMessages[locale]['error.<code>']`. */
export class SlaInputError extends Error {
  readonly code: SlaErrorCode;
  readonly value: unknown;

  constructor(code: SlaErrorCode, value: unknown) {
    let shown: string;
    try {
      shown = JSON.stringify(value) ?? String(value);
    } catch {
      shown = String(value);
    }
    super(formatMessage(slaMessages.en[`error.${code}`], { value: shown }));
    this.name = 'SlaInputError';
    this.code = code;
    this.value = value;
  }
}
