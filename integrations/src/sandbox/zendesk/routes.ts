import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  IdentityType,
  SatisfactionRating,
  TicketCreate,
  TicketFieldInput,
  TicketUpdate,
  Trigger,
  TriggerInput,
  User,
  UserInput,
  WebhookInput,
} from '../../zendesk/types';
import type { ZendeskSandbox } from './index';
import { invalid, notFound, ZendeskSandboxError } from './errors';
import { cursorQuery, decodeCursor, encodeCursor, pageOf, selfUrl } from './pagination';
import { publicWebhook, type StoredWebhook } from './webhooks';

/** The HTTP face of the sandbox Zendesk: request/response shapes as documented for `/api/v2`. */

type Req<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> = FastifyRequest<{
  Params: P;
  Querystring: Q;
  Body: B;
}>;

declare module 'fastify' {
  interface FastifyRequest {
    zendeskUser?: import('../../zendesk/types').User;
  }
}

const idParam = (raw: string) => {
  const id = Number(String(raw).replace(/\.json$/, ''));
  if (!Number.isInteger(id) || id <= 0) throw notFound(raw);
  return id;
};

const idList = (raw: unknown): number[] =>
  String(raw ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);

function bodyOf<T>(request: FastifyRequest, key: string): T {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || body[key] === undefined || body[key] === null) {
    throw new ZendeskSandboxError(400, 'InvalidValue', `Request body must contain "${key}"`);
  }
  return body[key] as T;
}

export function registerZendeskRoutes(scope: FastifyInstance, sandbox: ZendeskSandbox): void {
  const { account, jobs } = sandbox;
  const api = '/api/v2';
  const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.headers.host}${scope.prefix}`;
  const actor = (request: FastifyRequest): User => request.zendeskUser!;

  // ── users ───────────────────────────────────────────────────────────────────────────────────

  scope.get(`${api}/users/me`, async (request) => ({ user: actor(request) }));

  scope.get(`${api}/users`, async (request: Req<never, Record<string, unknown>>) => {
    const q = request.query;
    const roles = [q['role[]'], q.role].flat().filter(Boolean).map(String);
    const wanted = roles.map((r) => (r === 'end_user' ? 'end-user' : r));
    const users =
      wanted.length > 0 ? wanted.flatMap((role) => account.users.findBy('role', role)) : account.users.list();
    users.sort((a, b) => a.id - b.id);
    const page = pageOf(request, users, (u) => u.id);
    return { users: page.items, meta: page.meta, links: page.links };
  });

  scope.get(`${api}/users/:id`, async (request: Req<{ id: string }>) => ({
    user: account.user(idParam(request.params.id)),
  }));

  const createOrUpdate = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user, created } = account.createOrUpdateUser(bodyOf<UserInput>(request, 'user'));
    return reply.code(created ? 201 : 200).send({ user });
  };
  scope.post(`${api}/users/create_or_update`, createOrUpdate);
  scope.post(`${api}/users`, createOrUpdate);

  scope.post(`${api}/users/create_or_update_many`, async (request, reply) => {
    const users = bodyOf<UserInput[]>(request, 'users');
    const job = jobs.enqueue({ kind: 'users.create_or_update_many', items: users }, actor(request).id);
    return reply.code(200).send({ job_status: jobs.publicJob(job, baseUrl(request)) });
  });

  scope.get(`${api}/users/:id/identities`, async (request: Req<{ id: string }>) => {
    const userId = idParam(request.params.id);
    account.user(userId);
    const page = pageOf(request, account.userIdentities(userId), (i) => i.id);
    return { identities: page.items, meta: page.meta, links: page.links };
  });

  scope.post(`${api}/users/:id/identities`, async (request: Req<{ id: string }>, reply) => {
    const input = bodyOf<{ type: IdentityType; value: string; verified?: boolean }>(request, 'identity');
    if (!input.value) throw invalid('value', 'Value: cannot be blank');
    const identity = account.addIdentity(
      idParam(request.params.id),
      input.type,
      input.value,
      input.verified ?? false,
    );
    return reply.code(201).send({ identity });
  });

  // ── tickets ─────────────────────────────────────────────────────────────────────────────────

  scope.get(`${api}/tickets`, async (request: Req<never, Record<string, unknown>>) => {
    const externalId = request.query.external_id;
    if (externalId !== undefined) {
      // The documented filter: external_id is not unique, so this may return several tickets.
      const tickets = account.tickets
        .findBy('external_id', String(externalId))
        .map((t) => account.publicTicket(t));
      return { tickets, next_page: null, previous_page: null, count: tickets.length };
    }
    const { size, after } = cursorQuery(request.query);
    const page = account.tickets.page({ after: decodeCursor(after) ?? undefined, limit: size });
    const afterCursor = page.lastPosition === null ? null : encodeCursor(page.lastPosition);
    return {
      tickets: page.items.map((t) => account.publicTicket(t)),
      meta: { has_more: page.hasMore, after_cursor: afterCursor, before_cursor: null },
      links: {
        next: page.hasMore && afterCursor ? selfUrl(request, { 'page[after]': afterCursor }) : null,
        prev: null,
      },
    };
  });

  scope.post(`${api}/tickets`, async (request, reply) => {
    const input = bodyOf<TicketCreate>(request, 'ticket');
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string' && key.length > 0) {
      return sandbox.idempotent(key, request.body, reply, () => {
        const { ticket } = account.createTicket(input, actor(request));
        return { status: 201, body: { ticket } };
      });
    }
    const { ticket } = account.createTicket(input, actor(request));
    return reply.code(201).send({ ticket });
  });

  scope.post(`${api}/tickets/create_many`, async (request) => {
    const tickets = bodyOf<TicketCreate[]>(request, 'tickets');
    if (!Array.isArray(tickets))
      throw new ZendeskSandboxError(400, 'InvalidValue', '"tickets" must be an array');
    const job = jobs.enqueue({ kind: 'tickets.create_many', items: tickets }, actor(request).id);
    return { job_status: jobs.publicJob(job, baseUrl(request)) };
  });

  scope.put(`${api}/tickets/update_many`, async (request: Req<never, Record<string, unknown>>) => {
    const body = (request.body ?? {}) as {
      tickets?: Array<TicketUpdate & { id: number }>;
      ticket?: TicketUpdate;
    };
    let items: Array<TicketUpdate & { id: number }>;
    if (Array.isArray(body.tickets)) items = body.tickets;
    else if (body.ticket && request.query.ids)
      items = idList(request.query.ids).map((id) => ({ ...body.ticket, id }));
    else
      throw new ZendeskSandboxError(
        400,
        'InvalidValue',
        'Send {"tickets":[{"id":…}]} or ?ids=1,2 with {"ticket":{…}}',
      );
    const job = jobs.enqueue({ kind: 'tickets.update_many', items }, actor(request).id);
    return { job_status: jobs.publicJob(job, baseUrl(request)) };
  });

  scope.get(`${api}/tickets/show_many`, async (request: Req<never, Record<string, unknown>>) => {
    const ids = idList(request.query.ids);
    if (ids.length > 100) throw new ZendeskSandboxError(400, 'TooManyRecords', 'At most 100 ids');
    const tickets = ids.flatMap((id) => {
      const stored = account.tickets.get(id);
      return stored ? [account.publicTicket(stored)] : [];
    });
    return { tickets };
  });

  scope.get(`${api}/tickets/:id`, async (request: Req<{ id: string }>) => ({
    ticket: account.ticket(idParam(request.params.id)),
  }));

  scope.put(`${api}/tickets/:id`, async (request: Req<{ id: string }>) => {
    const update = bodyOf<TicketUpdate>(request, 'ticket');
    const id = idParam(request.params.id);
    sandbox.checkTicketUpdateLimit(id, actor(request).id);
    const { ticket, comment } = account.updateTicket(id, update, actor(request));
    return {
      ticket,
      audit: {
        ticket_id: ticket.id,
        author_id: comment?.author_id ?? actor(request).id,
        created_at: ticket.updated_at,
        events: comment ? [{ ...comment, type: 'Comment' }] : [],
      },
    };
  });

  // Tags: PUT adds, POST replaces, DELETE removes (`{"tags": [...]}`); answers the resulting tags.
  const tagRoute = (mode: 'add' | 'set' | 'remove') => async (request: Req<{ id: string }>) => {
    const tags = bodyOf<string[]>(request, 'tags');
    const id = idParam(request.params.id);
    const update: TicketUpdate =
      mode === 'set' ? { tags } : mode === 'add' ? { additional_tags: tags } : { remove_tags: tags };
    const { ticket } = account.updateTicket(id, update, actor(request));
    return { tags: ticket.tags };
  };
  scope.put(`${api}/tickets/:id/tags`, tagRoute('add'));
  scope.post(`${api}/tickets/:id/tags`, tagRoute('set'));
  scope.delete(`${api}/tickets/:id/tags`, tagRoute('remove'));

  scope.get(`${api}/tickets/:id/comments`, async (request: Req<{ id: string }, Record<string, unknown>>) => {
    const id = idParam(request.params.id);
    account.ticket(id);
    const descending = request.query.sort_order === 'desc' || request.query.sort === '-created_at';
    const comments = account.ticketComments(id);
    if (descending) comments.reverse();
    const page = pageOf(request, comments, (c) => c.id, descending);
    return { comments: page.items, meta: page.meta, links: page.links };
  });

  scope.post(`${api}/tickets/:id/satisfaction_rating`, async (request: Req<{ id: string }>) => {
    const input = bodyOf<{ score: 'good' | 'bad'; comment?: string }>(request, 'satisfaction_rating');
    return {
      satisfaction_rating: account.rateTicket(idParam(request.params.id), input.score, input.comment ?? null),
    };
  });

  scope.post(`${api}/imports/tickets`, async (request, reply) => {
    const ticket = account.importTicket(bodyOf<TicketCreate>(request, 'ticket'), actor(request));
    return reply.code(201).send({ ticket });
  });

  // ── jobs ────────────────────────────────────────────────────────────────────────────────────

  scope.get(`${api}/job_statuses`, async (request) => {
    const recent = jobs.jobs.page({ descending: true, limit: 100 }).items;
    return {
      job_statuses: recent
        .filter((j) => j.api_user_id === actor(request).id)
        .map((j) => jobs.publicJob(j, baseUrl(request))),
    };
  });

  scope.get(`${api}/job_statuses/:id`, async (request: Req<{ id: string }>) => {
    const job = jobs.jobs.get(request.params.id.replace(/\.json$/, ''));
    if (!job) throw notFound(`job ${request.params.id}`);
    return { job_status: jobs.publicJob(job, baseUrl(request)) };
  });

  // ── ticket fields ───────────────────────────────────────────────────────────────────────────

  scope.get(`${api}/ticket_fields`, async (request) => {
    const page = pageOf(request, account.fields.list(), (f) => f.id);
    return { ticket_fields: page.items, meta: page.meta, links: page.links, count: account.fields.count() };
  });

  scope.post(`${api}/ticket_fields`, async (request, reply) => {
    const field = account.createField({ ...bodyOf<TicketFieldInput>(request, 'ticket_field') });
    return reply.code(201).send({ ticket_field: field });
  });

  // ── webhooks and triggers ───────────────────────────────────────────────────────────────────

  scope.get(`${api}/webhooks`, async (request) => {
    const all = sandbox.webhooks.list();
    const page = pageOf(request, all, (w) => all.indexOf(w));
    return { webhooks: page.items.map(publicWebhook), meta: page.meta, links: page.links };
  });

  scope.post(`${api}/webhooks`, async (request, reply) => {
    const webhook = sandbox.createWebhook(bodyOf<WebhookInput>(request, 'webhook'));
    return reply.code(201).send({ webhook: publicWebhook(webhook) });
  });

  const webhookOf = (id: string): StoredWebhook => {
    const webhook = sandbox.webhooks.get(id);
    if (!webhook) throw notFound(`webhook ${id}`);
    return webhook;
  };

  scope.get(`${api}/webhooks/:id`, async (request: Req<{ id: string }>) => ({
    webhook: publicWebhook(webhookOf(request.params.id)),
  }));

  scope.get(`${api}/webhooks/:id/signing_secret`, async (request: Req<{ id: string }>) => ({
    signing_secret: { algorithm: 'SHA256', secret: webhookOf(request.params.id).signing_secret },
  }));

  scope.get(`${api}/triggers`, async (request) => {
    const page = pageOf(request, account.triggers.list(), (t) => t.id);
    return { triggers: page.items, meta: page.meta, links: page.links };
  });

  scope.post(`${api}/triggers`, async (request, reply) => {
    const input = bodyOf<TriggerInput>(request, 'trigger');
    if (!input.title) throw invalid('title', 'Title: cannot be blank');
    if (!input.conditions || !Array.isArray(input.actions) || input.actions.length === 0) {
      throw invalid('actions', 'Actions: at least one action is required');
    }
    for (const action of input.actions) {
      if (action.field === 'notification_webhook') {
        const [webhookId] = Array.isArray(action.value) ? action.value : [];
        if (!sandbox.webhooks.get(String(webhookId)))
          throw invalid('actions', `Webhook ${String(webhookId)} does not exist`);
      }
    }
    const now = account.timestamp();
    const id = account.triggers.nextId(360_001);
    const trigger: Trigger = {
      ...input,
      id,
      active: input.active ?? true,
      position: account.triggers.count() + 1,
      created_at: now,
      updated_at: now,
    };
    account.triggers.put(id, trigger);
    return reply.code(201).send({ trigger });
  });

  // ── incremental export and CSAT ─────────────────────────────────────────────────────────────

  scope.get(`${api}/incremental/tickets/cursor`, async (request: Req<never, Record<string, unknown>>) => {
    const q = request.query;
    const perPage = Math.min(1000, Math.max(1, Number(q.per_page ?? 1000) || 1000));
    let after: number;
    let filter: ((c: { generated_timestamp: number }) => boolean) | undefined;
    if (q.cursor !== undefined) {
      const decoded = decodeCursor(String(q.cursor));
      if (decoded === null)
        throw new ZendeskSandboxError(400, 'InvalidPaginationParameter', 'cursor is invalid');
      after = decoded;
    } else if (q.start_time !== undefined) {
      const start = Number(q.start_time);
      if (!Number.isFinite(start))
        throw new ZendeskSandboxError(
          400,
          'InvalidPaginationParameter',
          'start_time must be a unix timestamp',
        );
      // Zendesk: "Must be at least one minute in the past."
      if (start * 1000 > sandbox.now() - 60_000) {
        throw new ZendeskSandboxError(
          400,
          'InvalidValue',
          'start_time must be at least one minute in the past',
        );
      }
      after = 0;
      filter = (c) => c.generated_timestamp >= start;
    } else {
      throw new ZendeskSandboxError(400, 'InvalidPaginationParameter', 'start_time or cursor is required');
    }
    const page = account.changes.page({ after, limit: perPage, filter });
    const tickets = page.items.flatMap((c) => {
      const stored = account.tickets.get(c.ticket_id);
      return stored ? [account.publicTicket(stored)] : [];
    });
    // At the end of the stream the cursor still points where to resume next time.
    const afterCursor = encodeCursor(page.lastPosition ?? after);
    const afterUrl = selfUrl(request, { cursor: afterCursor, start_time: null });
    // `include=users` sideloads the people on these tickets (requester, submitter, assignee).
    const includes = String(q.include ?? '').split(',');
    const sideloads: Record<string, unknown> = {};
    if (includes.includes('users')) {
      const ids = new Set(
        tickets
          .flatMap((t) => [t.requester_id, t.submitter_id, t.assignee_id])
          .filter((id): id is number => typeof id === 'number'),
      );
      sideloads.users = [...ids].flatMap((id) => {
        const user = account.users.get(id);
        return user ? [user] : [];
      });
    }
    return {
      tickets,
      ...sideloads,
      after_cursor: afterCursor,
      after_url: afterUrl,
      before_cursor: null,
      before_url: null,
      end_of_stream: !page.hasMore,
    };
  });

  scope.get(`${api}/satisfaction_ratings`, async (request: Req<never, Record<string, unknown>>) => {
    const q = request.query;
    const start = q.start_time !== undefined ? Number(q.start_time) * 1000 : -Infinity;
    const end = q.end_time !== undefined ? Number(q.end_time) * 1000 : Infinity;
    const score = q.score !== undefined ? String(q.score) : null;
    const matches = (r: SatisfactionRating) => {
      const at = Date.parse(r.updated_at);
      if (at < start || at > end) return false;
      if (!score) return true;
      const hasComment = Boolean(r.comment);
      const [base, suffix] = score.startsWith('received')
        ? ['received', score.slice(8)]
        : [score.split('_')[0], score.slice(score.indexOf('_'))];
      const baseOk = base === 'received' ? r.score === 'good' || r.score === 'bad' : r.score === base;
      if (!baseOk) return false;
      if (suffix === '_with_comment') return hasComment;
      if (suffix === '_without_comment') return !hasComment;
      return true;
    };
    const page = pageOf(request, account.ratings.list(matches), (r) => r.id);
    return { satisfaction_ratings: page.items, meta: page.meta, links: page.links };
  });
}

/** Stable hash of a request body, for idempotency-key comparisons. */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}
