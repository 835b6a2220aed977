/** A response the source gave that retrying cannot fix (4xx other than 429), or retries ran out. */
export class HttpError extends Error {
  constructor(
    readonly source: string,
    readonly method: string,
    readonly url: string,
    /** HTTP status, or 0 when no response arrived (timeout, reset). */
    readonly status: number,
    readonly body: unknown,
    message: string,
    /** True when a non-idempotent request may or may not have been applied (5xx, timeout, reset). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Short, secret-free description of a response body for error messages. */
export function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
