import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { parseZendeskErrorBody, ZendeskApiError, type ZendeskFailure } from './errors';
import {
  readRateHeaders,
  realClock,
  retryAfterMs,
  sharedRateBudgets,
  type Clock,
  type RateBudget,
  type RateBudgets,
} from './rate-budget';
import type { CursorLinks, CursorMeta, IncrementalTicketsPage } from './types';

/**
 * The one function every Zendesk call and every page goes through (`ZendeskHttp.request`), so retry,
 * rate-limit and counting rules can never be skipped by a follow-up page.
 *
 * Retry rules:
 * - 429: wait `Retry-After` (the whole tenant pauses), then resend — Zendesk did nothing.
 * - 5xx, timeout, connection reset: back off with jitter and resend, but only when resending cannot
 *   duplicate (GET, PUT of a state, a create carrying an `Idempotency-Key`). A non-idempotent write
 *   (a comment, `create_many`) fails at once with `outcomeUnknown: true`: the caller reconciles.
 * - A connection refused never reached Zendesk: always safe to resend.
 * - Any other 4xx: never retried, thrown as `ZendeskApiError` naming the call.
 */

export type ZendeskAuth = { email: string; apiToken: string } | { oauthToken: string };

export interface ZendeskLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestEvent {
  tenantId: string;
  call: string;
  method: HttpMethod;
  /** HTTP status, or null when no answer came back. */
  status: number | null;
  attempt: number;
  durationMs: number;
  failure?: ZendeskFailure;
}

export interface ZendeskHttpOptions {
  /** `https://<subdomain>.zendesk.com`, or the sandbox `http://127.0.0.1:PORT/sandbox/zendesk`. */
  baseUrl: string;
  auth: ZendeskAuth;
  /** The Zendesk account this client works for; keys the shared rate budget. */
  tenantId: string;
  budgets?: RateBudgets;
  clock?: Clock;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Attempts for 5xx/timeouts/resets on idempotent calls. Default 5. */
  maxAttempts?: number;
  /** Consecutive 429 waits before giving up. Default 10. */
  maxRateLimitWaits?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Used when a 429 carries no Retry-After. Default 60 s (Zendesk's window). */
  defaultRetryAfterMs?: number;
  random?: () => number;
  log?: ZendeskLogger;
  /** Called after every attempt (metrics). */
  onRequest?: (event: RequestEvent) => void;
}

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

export interface RequestOptions {
  /** Names the call in errors and metrics, e.g. `tickets.createMany`. */
  call: string;
  method: HttpMethod;
  /** `/api/v2/...` or an absolute URL Zendesk returned (`links.next`) on the same host. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Sent as `Idempotency-Key` (Zendesk honours it on ticket creation); makes the call resendable. */
  idempotencyKey?: string;
  /** Whether resending after a lost answer is harmless. Default: true for GET and DELETE. */
  idempotent?: boolean;
}

export interface ZendeskResponse<T> {
  status: number;
  data: T;
  headers: Record<string, unknown>;
  attempts: number;
}

export interface ZendeskHttpStats {
  /** HTTP requests actually sent (each attempt and each page counts). */
  requests: number;
  retries: number;
  rateLimited: number;
  failures: number;
  /** Time spent waiting for the budget or backing off. */
  waitedMs: number;
}

/**
 * Process-wide totals per tenant, summed over every client: what `/metrics`, `vitrine status` and
 * the benchmark read without threading a callback through.
 */
export const zendeskRequestTotals = new Map<string, ZendeskHttpStats>();

function totalsFor(tenantId: string): ZendeskHttpStats {
  let totals = zendeskRequestTotals.get(tenantId);
  if (!totals) {
    totals = { requests: 0, retries: 0, rateLimited: 0, failures: 0, waitedMs: 0 };
    zendeskRequestTotals.set(tenantId, totals);
  }
  return totals;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/** Errors raised before a byte reached Zendesk: resending cannot duplicate anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function authorization(auth: ZendeskAuth): string {
  if ('oauthToken' in auth) return `Bearer ${auth.oauthToken}`;
  return `Basic ${Buffer.from(`${auth.email}/token:${auth.apiToken}`).toString('base64')}`;
}

function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class ZendeskHttp {
  readonly stats: ZendeskHttpStats = { requests: 0, retries: 0, rateLimited: 0, failures: 0, waitedMs: 0 };
  private readonly totals: ZendeskHttpStats;
  readonly budget: RateBudget;
  readonly tenantId: string;
  private readonly axios: AxiosInstance;
  private readonly clock: Clock;
  private readonly origin: string;
  private readonly base: string;

  constructor(private readonly options: ZendeskHttpOptions) {
    this.tenantId = options.tenantId;
    this.clock = options.clock ?? realClock;
    this.budget = (options.budgets ?? sharedRateBudgets).forTenant(options.tenantId);
    this.totals = totalsFor(options.tenantId);
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.base).origin;
    this.axios = axios.create({
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
      headers: {
        Authorization: authorization(options.auth),
        Accept: 'application/json',
        'User-Agent': 'Vitrine/0.1 (+integrations)',
      },
      // Zendesk pages are small; refuse absurd bodies rather than buffer them.
      maxContentLength: 50 * 1024 * 1024,
    });
  }

  /** Absolute URL of a path; refuses to send credentials to another host. */
  url(path: string, query?: Record<string, QueryValue>): string {
    if (/^https?:\/\//.test(path)) {
      if (new URL(path).origin !== this.origin) {
        throw new Error(`Refusing to follow ${path}: it is not on the Zendesk host ${this.origin}`);
      }
      return path + (query ? encodeQuery(query).replace(/^\?/, path.includes('?') ? '&' : '?') : '');
    }
    return `${this.base}${path}${encodeQuery(query)}`;
  }

  async request<T>(req: RequestOptions): Promise<ZendeskResponse<T>> {
    const url = this.url(req.path, req.query);
    const idempotent =
      req.idempotent ?? (req.idempotencyKey !== undefined || req.method === 'GET' || req.method === 'DELETE');
    const maxAttempts = this.options.maxAttempts ?? 5;
    const maxRateLimitWaits = this.options.maxRateLimitWaits ?? 10;
    const headers: Record<string, string> = {};
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;

    let attempt = 0;
    let failedAttempts = 0;
    let rateLimitWaits = 0;
    for (;;) {
      attempt += 1;
      this.count('waitedMs', await this.budget.acquire(this.clock));
      this.count('requests');
      const started = this.clock.now();
      let response: AxiosResponse;
      try {
        response = await this.axios.request({ method: req.method, url, data: req.body, headers });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const failure: ZendeskFailure =
          code === 'ETIMEDOUT' || code === 'ECONNABORTED' ? 'timeout' : 'network';
        this.emit(req, null, attempt, started, failure);
        const neverSent = NOT_SENT_CODES.has(code);
        failedAttempts += 1;
        if ((idempotent || neverSent) && failedAttempts < maxAttempts) {
          await this.backoff(req, failedAttempts, `${failure} (${code || 'error'})`);
          continue;
        }
        this.count('failures');
        throw new ZendeskApiError({
          call: req.call,
          method: req.method,
          url,
          failure,
          status: null,
          attempts: attempt,
          outcomeUnknown: !idempotent && !neverSent,
          cause: error,
        });
      }

      this.emit(req, response.status, attempt, started);
      const responseHeaders = response.headers as Record<string, unknown>;
      this.budget.observe(readRateHeaders(responseHeaders), this.clock.now());
      if (response.status >= 200 && response.status < 300) {
        return {
          status: response.status,
          data: response.data as T,
          headers: responseHeaders,
          attempts: attempt,
        };
      }

      if (response.status === 429 && rateLimitWaits < maxRateLimitWaits) {
        rateLimitWaits += 1;
        this.count('rateLimited');
        const wait = retryAfterMs(
          responseHeaders['retry-after'],
          this.clock.now(),
          this.options.defaultRetryAfterMs ?? 60_000,
        );
        this.budget.pause(wait, this.clock.now());
        this.options.log?.debug(
          { call: req.call, tenantId: this.tenantId, waitMs: wait },
          'Zendesk rate limit: waiting',
        );
        this.count('retries');
        continue;
      }

      if (RETRYABLE_STATUS.has(response.status) && idempotent) {
        failedAttempts += 1;
        if (failedAttempts < maxAttempts) {
          // A 503 during maintenance may say when to come back.
          const hinted = responseHeaders['retry-after'] !== undefined;
          if (hinted)
            this.budget.pause(
              retryAfterMs(responseHeaders['retry-after'], this.clock.now(), 0),
              this.clock.now(),
            );
          await this.backoff(req, failedAttempts, `HTTP ${response.status}`);
          continue;
        }
      }

      this.count('failures');
      const parsed = parseZendeskErrorBody(response.data);
      throw new ZendeskApiError({
        call: req.call,
        method: req.method,
        url,
        failure: 'http',
        status: response.status,
        code: parsed.code,
        description: parsed.description,
        details: parsed.details,
        attempts: attempt,
        outcomeUnknown: RETRYABLE_STATUS.has(response.status) && !idempotent,
      });
    }
  }

  /** Cursor pagination (`page[size]`, `meta.has_more`, `links.next`): yields one page of items at a time. */
  async *cursorPages<T>(
    call: string,
    path: string,
    key: string,
    query: Record<string, QueryValue> = {},
    pageSize = 100,
  ): AsyncGenerator<T[]> {
    let next: string | null = null;
    for (;;) {
      const res: ZendeskResponse<Record<string, unknown> & { meta?: CursorMeta; links?: CursorLinks }> =
        await this.request({
          call,
          method: 'GET',
          path: next ?? path,
          query: next ? undefined : { ...query, 'page[size]': pageSize },
        });
      const items = (res.data[key] ?? []) as T[];
      yield items;
      const more = res.data.meta?.has_more === true;
      next = res.data.links?.next ?? null;
      if (!more || !next) return;
    }
  }

  /** Every item of a cursor-paginated list. */
  async *cursorItems<T>(
    call: string,
    path: string,
    key: string,
    query: Record<string, QueryValue> = {},
    pageSize = 100,
  ): AsyncGenerator<T> {
    for await (const page of this.cursorPages<T>(call, path, key, query, pageSize)) yield* page;
  }

  /**
   * Incremental ticket export (cursor flavour): start with `start_time`, continue with the
   * `after_cursor` of the previous page, stop at `end_of_stream`. The caller checkpoints
   * `after_cursor` of each page it has processed.
   */
  async *incrementalTickets(
    from: { startTime: number } | { cursor: string },
    options: { perPage?: number; include?: string; excludeDeleted?: boolean } = {},
  ): AsyncGenerator<IncrementalTicketsPage> {
    let query: Record<string, QueryValue> =
      'cursor' in from ? { cursor: from.cursor } : { start_time: Math.floor(from.startTime) };
    for (;;) {
      const res = await this.request<IncrementalTicketsPage>({
        call: 'incremental.tickets',
        method: 'GET',
        path: '/api/v2/incremental/tickets/cursor',
        query: {
          ...query,
          per_page: options.perPage,
          include: options.include,
          exclude_deleted: options.excludeDeleted,
        },
      });
      yield res.data;
      if (res.data.end_of_stream || !res.data.after_cursor) return;
      query = { cursor: res.data.after_cursor };
    }
  }

  private async backoff(req: RequestOptions, failedAttempts: number, reason: string): Promise<void> {
    const base = this.options.backoffBaseMs ?? 500;
    const max = this.options.backoffMaxMs ?? 30_000;
    const ceiling = Math.min(max, base * 2 ** (failedAttempts - 1));
    // "Equal jitter": at least half the ceiling, so retries of many workers spread out but still back off.
    const delay = Math.round(ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2));
    this.count('retries');
    this.count('waitedMs', delay);
    this.options.log?.debug(
      { call: req.call, tenantId: this.tenantId, delay, reason },
      'Zendesk request failed: retrying',
    );
    await this.clock.sleep(delay);
  }

  private count(key: keyof ZendeskHttpStats, n = 1): void {
    this.stats[key] += n;
    this.totals[key] += n;
  }

  private emit(
    req: RequestOptions,
    status: number | null,
    attempt: number,
    started: number,
    failure?: ZendeskFailure,
  ) {
    this.options.onRequest?.({
      tenantId: this.tenantId,
      call: req.call,
      method: req.method,
      status,
      attempt,
      durationMs: this.clock.now() - started,
      failure,
    });
  }
}
