import { TICKET_FIELD_KEYS } from './conventions';
import { ZendeskApiError } from './errors';
import { ZendeskHttp, type ZendeskHttpOptions } from './http';
import { FINISHED_JOB_STATES, normalizeJobResults, type JobItemResult, type JobOutcome } from './jobs';
import type {
  Comment,
  CommentInput,
  Identity,
  IdentityType,
  IncrementalTicketsPage,
  JobStatus,
  SatisfactionRating,
  SatisfactionScoreFilter,
  SigningSecret,
  Ticket,
  TicketCreate,
  TicketField,
  TicketFieldInput,
  TicketUpdate,
  Trigger,
  TriggerInput,
  User,
  UserInput,
  Webhook,
  WebhookInput,
} from './types';

/** Zendesk's bulk endpoints take at most 100 items per call. */
export const BULK_LIMIT = 100;

export interface ZendeskClientOptions extends ZendeskHttpOptions {
  /** Interval between job status polls. Default 1 s. */
  jobPollIntervalMs?: number;
  /** Give up waiting for a job after this long. Default 5 min. */
  jobTimeoutMs?: number;
}

export function chunk<T>(items: readonly T[], size = BULK_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export class ZendeskClient {
  readonly http: ZendeskHttp;

  constructor(private readonly options: ZendeskClientOptions) {
    this.http = new ZendeskHttp(options);
  }

  /** Requests sent so far (every attempt and page): what benchmarks and metrics read. */
  get requestCount(): number {
    return this.http.stats.requests;
  }

  readonly jobStatuses = {
    show: async (id: string): Promise<JobStatus> =>
      (
        await this.http.request<{ job_status: JobStatus }>({
          call: 'jobStatuses.show',
          method: 'GET',
          path: `/api/v2/job_statuses/${encodeURIComponent(id)}`,
        })
      ).data.job_status,

    /** Recent jobs of the API user (used to find a job whose submission answer was lost). */
    list: async (): Promise<JobStatus[]> =>
      (
        await this.http.request<{ job_statuses: JobStatus[] }>({
          call: 'jobStatuses.list',
          method: 'GET',
          path: '/api/v2/job_statuses',
        })
      ).data.job_statuses,
  };

  /**
   * Polls `/job_statuses/{id}` until the job is completed, failed or killed. Per-item errors are in
   * `results` (`success: false` with Zendesk's error text): a completed job can still have failed items.
   */
  async waitForJob(id: string, offset = 0): Promise<JobOutcome> {
    const interval = this.options.jobPollIntervalMs ?? 1_000;
    const timeout = this.options.jobTimeoutMs ?? 5 * 60_000;
    const clock = this.options.clock ?? {
      now: Date.now,
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    };
    const deadline = clock.now() + timeout;
    for (;;) {
      const job = await this.jobStatuses.show(id);
      if (FINISHED_JOB_STATES.has(job.status)) {
        return {
          id: job.id,
          status: job.status,
          message: job.message ?? null,
          results: normalizeJobResults(job, offset),
        };
      }
      if (clock.now() >= deadline) {
        throw new Error(
          `Zendesk job ${id} still ${job.status} after ${Math.round(timeout / 1000)} s; poll it again later`,
        );
      }
      await clock.sleep(interval);
    }
  }

  /** Waits until none of the API user's recent jobs is queued or working. */
  async waitForUnfinishedJobs(): Promise<void> {
    const unfinished = (await this.jobStatuses.list()).filter((job) => !FINISHED_JOB_STATES.has(job.status));
    for (const job of unfinished) await this.waitForJob(job.id);
  }

  /** Waits for every chunk's job and returns the items in the order they were submitted. */
  async waitForJobs(jobs: readonly JobStatus[]): Promise<JobItemResult[]> {
    const results: JobItemResult[] = [];
    for (const [n, job] of jobs.entries()) {
      const outcome = await this.waitForJob(job.id, n * BULK_LIMIT);
      if (outcome.status !== 'completed') {
        throw new Error(
          `Zendesk job ${job.id} ended ${outcome.status}${outcome.message ? `: ${outcome.message}` : ''}`,
        );
      }
      results.push(...outcome.results);
    }
    return results;
  }

  readonly tickets = {
    /**
     * Creates one ticket. With `idempotencyKey`, Zendesk remembers the key for 2 hours: resending the
     * same body returns the same ticket (`replayed: true`) instead of a second one.
     */
    create: async (
      ticket: TicketCreate,
      options: { idempotencyKey?: string } = {},
    ): Promise<{ ticket: Ticket; replayed: boolean }> => {
      const res = await this.http.request<{ ticket: Ticket }>({
        call: 'tickets.create',
        method: 'POST',
        path: '/api/v2/tickets',
        body: { ticket },
        idempotencyKey: options.idempotencyKey,
      });
      return {
        ticket: res.data.ticket,
        replayed: String(res.headers['x-idempotency-lookup'] ?? '') === 'hit',
      };
    },

    /**
     * Crash-safe create of the ticket of one conversation: look it up by `external_id` first (covers a
     * crash long after the create), then create with an idempotency key (covers a lost answer).
     */
    createOnce: async (
      ticket: TicketCreate & { external_id: string },
      idempotencyKey: string,
    ): Promise<{ ticket: Ticket; created: boolean }> => {
      const existing = await this.tickets.findByExternalId(ticket.external_id);
      if (existing.length > 0) return { ticket: existing.sort((a, b) => a.id - b.id)[0]!, created: false };
      const { ticket: created, replayed } = await this.tickets.create(ticket, { idempotencyKey });
      return { ticket: created, created: !replayed };
    },

    /**
     * `POST /imports/tickets`: a ticket with its whole history (several comments, original dates) in
     * one request. For backfilling conversations; business rules and triggers do not run on imports.
     */
    import: async (
      ticket: Omit<TicketCreate, 'comment'> & { comments: Array<CommentInput & { created_at?: string }> },
    ): Promise<Ticket> =>
      (
        await this.http.request<{ ticket: Ticket }>({
          call: 'tickets.import',
          method: 'POST',
          path: '/api/v2/imports/tickets',
          body: { ticket },
        })
      ).data.ticket,

    /** `POST /tickets/create_many`, ≤100 per call: one job per chunk, in order. Not idempotent. */
    createMany: async (tickets: readonly TicketCreate[]): Promise<JobStatus[]> => {
      const jobs: JobStatus[] = [];
      for (const part of chunk(tickets)) {
        const res = await this.http.request<{ job_status: JobStatus }>({
          call: 'tickets.createMany',
          method: 'POST',
          path: '/api/v2/tickets/create_many',
          body: { tickets: part },
        });
        jobs.push(res.data.job_status);
      }
      return jobs;
    },

    /**
     * Bulk create that survives a lost answer. If a `create_many` answer is lost, the job may still
     * be queued: wait for the account's unfinished jobs, look each `external_id` up, and resubmit only
     * the tickets that don't exist. Results come back in the order given, with ticket ids.
     */
    createManyOnce: async (
      tickets: ReadonlyArray<TicketCreate & { external_id: string }>,
    ): Promise<JobItemResult[]> => {
      const results: JobItemResult[] = [];
      for (const [n, part] of chunk(tickets).entries()) {
        let pending = part.map((ticket, i) => ({ index: n * BULK_LIMIT + i, ticket }));
        for (let attempt = 1; pending.length > 0; attempt++) {
          try {
            const [job] = await this.tickets.createMany(pending.map((p) => p.ticket));
            const outcome = await this.waitForJob(job!.id);
            results.push(...outcome.results.map((r) => ({ ...r, index: pending[r.index]!.index })));
            pending = [];
          } catch (error) {
            if (!(error instanceof ZendeskApiError) || !error.outcomeUnknown || attempt >= 3) throw error;
            await this.waitForUnfinishedJobs();
            const missing: typeof pending = [];
            for (const item of pending) {
              const [found] = (await this.tickets.findByExternalId(item.ticket.external_id)).sort(
                (a, b) => a.id - b.id,
              );
              if (found) {
                results.push({
                  index: item.index,
                  id: found.id,
                  success: true,
                  status: 'Found',
                  errors: [],
                  externalId: found.external_id,
                });
              } else missing.push(item);
            }
            pending = missing;
          }
        }
      }
      return results.sort((a, b) => a.index - b.index);
    },

    /** `PUT /tickets/update_many` (batch form, each item with its `id`), ≤100 per call. */
    updateMany: async (updates: ReadonlyArray<TicketUpdate & { id: number }>): Promise<JobStatus[]> => {
      const jobs: JobStatus[] = [];
      for (const part of chunk(updates)) {
        const res = await this.http.request<{ job_status: JobStatus }>({
          call: 'tickets.updateMany',
          method: 'PUT',
          path: '/api/v2/tickets/update_many',
          body: { tickets: part },
          idempotent: part.every((u) => !u.comment),
        });
        jobs.push(res.data.job_status);
      }
      return jobs;
    },

    show: async (id: number): Promise<Ticket> =>
      (
        await this.http.request<{ ticket: Ticket }>({
          call: 'tickets.show',
          method: 'GET',
          path: `/api/v2/tickets/${id}`,
        })
      ).data.ticket,

    /** `GET /tickets/show_many?ids=` in chunks of 100; missing ids are simply absent. */
    showMany: async (ids: readonly number[]): Promise<Ticket[]> => {
      const out: Ticket[] = [];
      for (const part of chunk(ids)) {
        const res = await this.http.request<{ tickets: Ticket[] }>({
          call: 'tickets.showMany',
          method: 'GET',
          path: '/api/v2/tickets/show_many',
          query: { ids: part },
        });
        out.push(...res.data.tickets);
      }
      return out;
    },

    /** `PUT /tickets/{id}`. A comment makes it non-idempotent (a resend would add it twice). */
    update: async (id: number, update: TicketUpdate): Promise<Ticket> =>
      (
        await this.http.request<{ ticket: Ticket }>({
          call: 'tickets.update',
          method: 'PUT',
          path: `/api/v2/tickets/${id}`,
          body: { ticket: update },
          idempotent: !update.comment,
        })
      ).data.ticket,

    /**
     * Adds a comment exactly once: if the answer is lost (5xx, timeout, reset), the comments are read
     * back and the update is resent only when no comment by that author with that text exists.
     */
    addCommentOnce: async (
      id: number,
      comment: CommentInput & { body: string; author_id: number },
      extra: TicketUpdate = {},
    ) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const ticket = await this.tickets.update(id, { ...extra, comment });
          return { ticket, reconciled: false };
        } catch (error) {
          if (!(error instanceof ZendeskApiError) || !error.outcomeUnknown || attempt >= 5) throw error;
          const found = await this.tickets.findComment(
            id,
            (c) => c.author_id === comment.author_id && sameText(c.body, comment.body),
          );
          if (found) return { ticket: await this.tickets.show(id), reconciled: true };
        }
      }
    },

    /** `PUT /tickets/{id}/tags`: adds tags, keeps the others (safe to resend). Returns the ticket's tags. */
    addTags: async (id: number, tags: readonly string[]): Promise<string[]> =>
      (
        await this.http.request<{ tags: string[] }>({
          call: 'tickets.addTags',
          method: 'PUT',
          path: `/api/v2/tickets/${id}/tags`,
          body: { tags },
          idempotent: true,
        })
      ).data.tags,

    /** Every ticket with this `external_id` (not unique in Zendesk: there may be several). */
    findByExternalId: async (externalId: string): Promise<Ticket[]> =>
      (
        await this.http.request<{ tickets: Ticket[] }>({
          call: 'tickets.findByExternalId',
          method: 'GET',
          path: '/api/v2/tickets',
          query: { external_id: externalId },
        })
      ).data.tickets,

    /** Comments of a ticket, oldest first, page by page through the one request function. */
    listComments: (ticketId: number, pageSize = 100): AsyncGenerator<Comment> =>
      this.http.cursorItems<Comment>(
        'tickets.listComments',
        `/api/v2/tickets/${ticketId}/comments`,
        'comments',
        {},
        pageSize,
      ),

    /** Newest matching comment (scans newest first, so recent writes are found in the first page). */
    findComment: async (ticketId: number, match: (comment: Comment) => boolean): Promise<Comment | null> => {
      for await (const page of this.http.cursorPages<Comment>(
        'tickets.findComment',
        `/api/v2/tickets/${ticketId}/comments`,
        'comments',
        {
          sort_order: 'desc',
        },
      )) {
        const hit = page.find(match);
        if (hit) return hit;
      }
      return null;
    },
  };

  readonly users = {
    /** Matches by e-mail or external_id; 201 = created, 200 = updated (a new e-mail becomes a secondary identity). */
    createOrUpdate: async (user: UserInput): Promise<{ user: User; created: boolean }> => {
      const res = await this.http.request<{ user: User }>({
        call: 'users.createOrUpdate',
        method: 'POST',
        path: '/api/v2/users/create_or_update',
        body: { user },
        // Matching by e-mail/external_id makes a resend update the same user, not create another.
        idempotent: Boolean(user.email || user.external_id),
      });
      return { user: res.data.user, created: res.status === 201 };
    },

    createOrUpdateMany: async (users: readonly UserInput[]): Promise<JobStatus[]> => {
      const jobs: JobStatus[] = [];
      for (const part of chunk(users)) {
        const res = await this.http.request<{ job_status: JobStatus }>({
          call: 'users.createOrUpdateMany',
          method: 'POST',
          path: '/api/v2/users/create_or_update_many',
          body: { users: part },
          idempotent: part.every((u) => Boolean(u.email || u.external_id)),
        });
        jobs.push(res.data.job_status);
      }
      return jobs;
    },

    show: async (id: number): Promise<User> =>
      (
        await this.http.request<{ user: User }>({
          call: 'users.show',
          method: 'GET',
          path: `/api/v2/users/${id}`,
        })
      ).data.user,

    me: async (): Promise<User> =>
      (await this.http.request<{ user: User }>({ call: 'users.me', method: 'GET', path: '/api/v2/users/me' }))
        .data.user,

    /** Agents and admins (e.g. to pick the author of internal notes). */
    agents: async (): Promise<User[]> => {
      const out: User[] = [];
      for await (const user of this.http.cursorItems<User>('users.agents', '/api/v2/users', 'users', {
        'role[]': 'agent',
      }))
        out.push(user);
      for await (const user of this.http.cursorItems<User>('users.agents', '/api/v2/users', 'users', {
        'role[]': 'admin',
      }))
        out.push(user);
      return out;
    },

    identities: {
      list: async (userId: number): Promise<Identity[]> => {
        const out: Identity[] = [];
        for await (const identity of this.http.cursorItems<Identity>(
          'users.identities.list',
          `/api/v2/users/${userId}/identities`,
          'identities',
        )) {
          out.push(identity);
        }
        return out;
      },
      /** Adds an e-mail or phone identity. Zendesk answers 422 if another user already owns the value. */
      create: async (
        userId: number,
        identity: { type: IdentityType; value: string; verified?: boolean },
      ): Promise<Identity> =>
        (
          await this.http.request<{ identity: Identity }>({
            call: 'users.identities.create',
            method: 'POST',
            path: `/api/v2/users/${userId}/identities`,
            body: { identity },
          })
        ).data.identity,
    },
  };

  readonly ticketFields = {
    list: async (): Promise<TicketField[]> => {
      const out: TicketField[] = [];
      for await (const field of this.http.cursorItems<TicketField>(
        'ticketFields.list',
        '/api/v2/ticket_fields',
        'ticket_fields',
      ))
        out.push(field);
      return out;
    },

    create: async (field: TicketFieldInput): Promise<TicketField> =>
      (
        await this.http.request<{ ticket_field: TicketField }>({
          call: 'ticketFields.create',
          method: 'POST',
          path: '/api/v2/ticket_fields',
          body: { ticket_field: field },
        })
      ).data.ticket_field,

    /**
     * Field ids differ per Zendesk account: resolve Vitrine's fields by key once per tenant.
     * Throws one sentence naming the missing keys and the fix.
     */
    resolveFieldIds: async <K extends string>(
      keys: readonly K[] = Object.values(TICKET_FIELD_KEYS) as unknown as K[],
    ): Promise<Record<K, number>> => {
      const fields = await this.ticketFields.list();
      const out = {} as Record<K, number>;
      const missing: string[] = [];
      for (const key of keys) {
        const field = fields.find((f) => f.key === key && f.active !== false);
        if (field) out[key] = field.id;
        else missing.push(key);
      }
      if (missing.length > 0) {
        throw new Error(
          `Zendesk account "${this.options.tenantId}" has no active ticket field with key ${missing.join(', ')}: install or update the Vitrine app (it creates them) or run \`vitrine setup\``,
        );
      }
      return out;
    },
  };

  readonly webhooks = {
    create: async (webhook: WebhookInput): Promise<Webhook> =>
      (
        await this.http.request<{ webhook: Webhook }>({
          call: 'webhooks.create',
          method: 'POST',
          path: '/api/v2/webhooks',
          body: {
            webhook: {
              http_method: 'POST',
              request_format: 'json',
              status: 'active',
              subscriptions: ['conditional_ticket_events'],
              ...webhook,
            },
          },
        })
      ).data.webhook,

    list: async (): Promise<Webhook[]> => {
      const out: Webhook[] = [];
      for await (const webhook of this.http.cursorItems<Webhook>(
        'webhooks.list',
        '/api/v2/webhooks',
        'webhooks',
      ))
        out.push(webhook);
      return out;
    },

    signingSecret: async (webhookId: string): Promise<SigningSecret> =>
      (
        await this.http.request<{ signing_secret: SigningSecret }>({
          call: 'webhooks.signingSecret',
          method: 'GET',
          path: `/api/v2/webhooks/${encodeURIComponent(webhookId)}/signing_secret`,
        })
      ).data.signing_secret,
  };

  readonly triggers = {
    create: async (trigger: TriggerInput): Promise<Trigger> =>
      (
        await this.http.request<{ trigger: Trigger }>({
          call: 'triggers.create',
          method: 'POST',
          path: '/api/v2/triggers',
          body: { trigger },
        })
      ).data.trigger,

    list: async (): Promise<Trigger[]> => {
      const out: Trigger[] = [];
      for await (const trigger of this.http.cursorItems<Trigger>(
        'triggers.list',
        '/api/v2/triggers',
        'triggers',
      ))
        out.push(trigger);
      return out;
    },
  };

  /** Satisfaction ratings created/updated since `since` (there is no incremental export for CSAT). */
  satisfactionRatings(
    since: Date | number,
    options: { score?: SatisfactionScoreFilter; until?: Date | number } = {},
  ): AsyncGenerator<SatisfactionRating> {
    const seconds = (t: Date | number) => Math.floor((t instanceof Date ? t.getTime() : t) / 1000);
    return this.http.cursorItems<SatisfactionRating>(
      'satisfactionRatings.list',
      '/api/v2/satisfaction_ratings',
      'satisfaction_ratings',
      {
        start_time: seconds(since),
        end_time: options.until === undefined ? undefined : seconds(options.until),
        score: options.score,
      },
    );
  }

  /** Incremental ticket export (tickets that reach Zendesk by WhatsApp, e-mail, Instagram…). */
  incrementalTickets(
    from: { startTime: number } | { cursor: string },
    options: { perPage?: number; include?: string; excludeDeleted?: boolean } = {},
  ): AsyncGenerator<IncrementalTicketsPage> {
    return this.http.incrementalTickets(from, options);
  }
}

/** The factory the service uses: one client per tenant; all clients of a tenant share its rate budget. */
export function createZendeskClient(options: ZendeskClientOptions): ZendeskClient {
  return new ZendeskClient(options);
}
