/**
 * Errors of the Zendesk client. Every message names the call ("tickets.createMany") so a log line
 * tells the reader which request failed and, where we know it, what to do about it.
 */

export type ZendeskFailure =
  /** Zendesk answered with an HTTP error (status set). */
  | 'http'
  /** No answer within the client timeout. */
  | 'timeout'
  /** The connection failed or was reset. */
  | 'network';

export interface ZendeskApiErrorInit {
  call: string;
  method: string;
  url: string;
  failure: ZendeskFailure;
  status: number | null;
  /** Zendesk's `error` (e.g. `RecordInvalid`, `UpdateConflict`, `IdempotentRequestError`). */
  code?: string | null;
  description?: string | null;
  details?: unknown;
  attempts: number;
  /**
   * True when the request may have been applied although we got no success answer (5xx, timeout or
   * reset on a non-idempotent write). The caller must reconcile (look the ticket up by external_id,
   * list the comments) before trying again: a blind retry could duplicate.
   */
  outcomeUnknown: boolean;
  cause?: unknown;
}

export class ZendeskApiError extends Error {
  readonly call: string;
  readonly method: string;
  readonly url: string;
  readonly failure: ZendeskFailure;
  readonly status: number | null;
  readonly code: string | null;
  readonly description: string | null;
  readonly details: unknown;
  readonly attempts: number;
  readonly outcomeUnknown: boolean;

  constructor(init: ZendeskApiErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ZendeskApiError';
    this.call = init.call;
    this.method = init.method;
    this.url = init.url;
    this.failure = init.failure;
    this.status = init.status;
    this.code = init.code ?? null;
    this.description = init.description ?? null;
    this.details = init.details;
    this.attempts = init.attempts;
    this.outcomeUnknown = init.outcomeUnknown;
  }

  /** Worth trying again later (the outbox keeps the effect): rate limits, outages, network trouble. */
  get transient(): boolean {
    return this.failure !== 'http' || this.status === 429 || (this.status !== null && this.status >= 500);
  }
}

function hint(status: number | null, code: string | null | undefined): string | null {
  if (status === 401)
    return 'check the Zendesk e-mail and API token (Admin Center › Apps and integrations › Zendesk API)';
  if (status === 403)
    return 'the API user lacks permission: use an admin or an agent with access to these tickets';
  if (status === 404)
    return 'the record does not exist in this Zendesk account (deleted, merged or another subdomain)';
  if (status === 409 && code === 'UpdateConflict')
    return 'the ticket changed meanwhile: reread it and apply again';
  if (code === 'IdempotentRequestError') return 'the same Idempotency-Key was used with a different body';
  if (code === 'TooManyJobs')
    return 'Zendesk runs at most 30 jobs per account: wait for queued jobs to finish';
  if (status === 422) return 'Zendesk refused the data (see details)';
  return null;
}

function describe(init: ZendeskApiErrorInit): string {
  const where = `Zendesk ${init.call} (${init.method} ${init.url})`;
  const tries = init.attempts > 1 ? ` after ${init.attempts} attempts` : '';
  let what: string;
  if (init.failure === 'timeout') what = `got no answer in time${tries}`;
  else if (init.failure === 'network') what = `could not be reached${tries}`;
  else {
    const zendesk = [init.code, init.description].filter(Boolean).join(': ');
    what = `answered ${init.status}${zendesk ? ` ${zendesk}` : ''}${tries}`;
  }
  const unknown = init.outcomeUnknown ? ' — the change may have been applied; reconcile before retrying' : '';
  const fix = hint(init.status, init.code);
  return `${where} ${what}${unknown}${fix ? ` (${fix})` : ''}`;
}

/** Zendesk's error bodies: `{error, description, details}` or `{error: {title, message}}`. */
export function parseZendeskErrorBody(data: unknown): {
  code: string | null;
  description: string | null;
  details: unknown;
} {
  if (!data || typeof data !== 'object') {
    return {
      code: null,
      description: typeof data === 'string' && data.length < 300 ? data : null,
      details: undefined,
    };
  }
  const body = data as Record<string, unknown>;
  const error = body.error;
  if (error && typeof error === 'object') {
    const nested = error as Record<string, unknown>;
    return {
      code: typeof nested.title === 'string' ? nested.title : null,
      description: typeof nested.message === 'string' ? nested.message : null,
      details: body.details,
    };
  }
  return {
    code: typeof error === 'string' ? error : null,
    description: typeof body.description === 'string' ? body.description : null,
    details: body.details,
  };
}
