import axios, { type AxiosInstance, type Method } from 'axios';
import type { ConnectorLogger } from '../../sync/connector';
import { HttpError, describeBody } from './errors';
import type { RateLimiter } from './rate-limiter';

/**
 * The one request function every connector call goes through — first pages, follow-up pages and
 * replies alike — so retry, rate-limit and re-authentication rules cannot be skipped.
 *
 * - 429: waits `Retry-After` (seconds or HTTP date; capped), else exponential backoff.
 * - 5xx, timeouts, resets: exponential backoff with full jitter.
 * - 401: calls `reauthenticate` once per request, then retries; a second 401 is an error.
 * - Any other 4xx: thrown at once as `HttpError` (retrying cannot fix it).
 * - A request that is not idempotent (POST by default) is NOT resent after a 5xx, a timeout or a
 *   reset: the source may have applied it and only the answer was lost. It fails with
 *   `HttpError.outcomeUnknown`, and the caller checks the source before sending again
 *   (`deliverOnce`). A 429 or a refused connection is resent: nothing was applied.
 */

export interface HttpRequest {
  method: Method;
  /** Path below the base URL, e.g. `/sac`. */
  path: string;
  params?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself (e.g. 409 on MadeiraMadeira replies); returned, not thrown. */
  accept?: number[];
  /** Safe to resend after an ambiguous failure. Default: true except for POST. */
  idempotent?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export interface HttpClientOptions {
  /** Name used in errors and logs (`madeiramadeira`…). */
  source: string;
  baseUrl: string;
  log?: ConnectorLogger;
  timeoutMs?: number;
  /** Attempts per request including the first (default 6: at a 20% failure rate, 1 in 15 000 requests fails for good). */
  maxAttempts?: number;
  /** Longest wait honoured for one `Retry-After` (default 60 s). */
  maxRetryAfterMs?: number;
  /** Base of the exponential backoff (default 500 ms). */
  backoffBaseMs?: number;
  /** Headers computed per request (auth); may fetch a token. */
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Called on a 401: refresh credentials; return false when nothing can be refreshed. */
  reauthenticate?: () => Promise<boolean>;
  /** Picks the rate limiter for a request (per endpoint and method at Americanas). */
  limiterFor?: (method: string, path: string) => RateLimiter | undefined;
  sleep?: (ms: number) => Promise<void>;
  /** A sentence for the admin when a status means a setup problem (401/403: which key to renew, where). */
  hintFor?: (status: number) => string | undefined;
}

export interface HttpClient {
  request<T = unknown>(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse<T>>;
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'ERR_BAD_RESPONSE',
]);

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new Error('aborted'));
      },
      { once: true },
    );
  });
}

function flatHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  }
  return out;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const axiosInstance: AxiosInstance = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 15_000,
    validateStatus: () => true,
    headers: { Accept: 'application/json' },
  });
  const maxAttempts = options.maxAttempts ?? 6;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 500;

  const backoff = (attempt: number) => Math.random() * backoffBaseMs * 2 ** (attempt - 1);

  return {
    async request<T>(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse<T>> {
      const sleep = options.sleep ?? ((ms: number) => defaultSleep(ms, signal));
      let reauthenticated = false;
      let lastProblem = '';
      const idempotent = req.idempotent ?? req.method.toUpperCase() !== 'POST';
      const ambiguous = (problem: string, status = 0, body?: unknown) =>
        new HttpError(
          options.source,
          req.method,
          req.path,
          status,
          body,
          `${options.source}: outcome of ${req.method} ${req.path} unknown (${problem}); check the source before sending again`,
          true,
        );
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        await options.limiterFor?.(req.method, req.path)?.acquire(signal);
        const auth = (await options.headers?.()) ?? {};
        let status = 0;
        let data: unknown;
        let headers: Record<string, string> = {};
        try {
          const response = await axiosInstance.request({
            method: req.method,
            url: req.path,
            params: req.params,
            data: req.data,
            headers: { ...auth, ...req.headers },
            signal,
          });
          status = response.status;
          data = response.data;
          headers = flatHeaders(response.headers);
        } catch (error) {
          if (signal?.aborted) throw error;
          const code = (error as { code?: string }).code ?? 'ERROR';
          if (!RETRYABLE_NETWORK_CODES.has(code)) throw error;
          lastProblem = `${code} (${(error as Error).message})`;
          if (!idempotent && code !== 'ECONNREFUSED') throw ambiguous(lastProblem);
          options.log?.warn(
            { source: options.source, path: req.path, attempt, code },
            'request failed, retrying',
          );
          if (attempt < maxAttempts) await sleep(backoff(attempt));
          continue;
        }

        if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
          return { status, data: data as T, headers };
        }
        if (status === 401 && options.reauthenticate && !reauthenticated) {
          reauthenticated = true;
          if (await options.reauthenticate()) {
            attempt--; // a refreshed token is not a failed attempt
            continue;
          }
        }
        if (status === 429 || status >= 500) {
          lastProblem = `HTTP ${status} ${describeBody(data)}`.trim();
          if (status >= 500 && !idempotent) throw ambiguous(lastProblem, status, data);
          const retryAfter = status === 429 ? parseRetryAfter(headers['retry-after']) : undefined;
          const wait = retryAfter !== undefined ? Math.min(retryAfter, maxRetryAfterMs) : backoff(attempt);
          options.log?.warn(
            { source: options.source, path: req.path, attempt, status, waitMs: Math.round(wait) },
            'retrying',
          );
          if (attempt < maxAttempts) await sleep(wait);
          continue;
        }
        const hint = options.hintFor?.(status);
        throw new HttpError(
          options.source,
          req.method,
          req.path,
          status,
          data,
          `${options.source} answered ${status} to ${req.method} ${req.path}: ${describeBody(data) || 'no body'}${hint ? ` — ${hint}` : ''}`,
        );
      }
      throw new HttpError(
        options.source,
        req.method,
        req.path,
        0,
        undefined,
        `${options.source} did not answer ${req.method} ${req.path} after ${maxAttempts} attempts (last: ${lastProblem})`,
      );
    },
  };
}
