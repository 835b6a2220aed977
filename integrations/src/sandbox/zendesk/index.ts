import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User, WebhookInput } from '../../zendesk/types';
import type { SandboxContext } from '../core/context';
import type { Collection } from '../core/state';
import { sandboxDataset, sandboxZendeskSeed } from '../dataset';
import { ZendeskSandboxAccount, type TicketChange } from './account';
import { answerOneWaitingTicket } from './agents';
import { ZendeskSandboxError } from './errors';
import { SandboxJobs } from './jobs';
import { AgentSessions } from './agent-session';
import { PLAN_LIMITS, SandboxRateLimiter, type ZendeskPlan } from './rate-limit';
import { bodyHash, registerZendeskRoutes } from './routes';
import { addNativeTicket, apiUser, seedAccount, type NativeTicketSeed } from './seed';
import { renderPlaceholders, triggerMatches } from './triggers';
import { WebhookDeliverer, type DeliveryOptions, type StoredWebhook } from './webhooks';

export type { NativeTicketSeed } from './seed';
export { SANDBOX_ADMIN, SANDBOX_AGENTS, VITRINE_FIELD_DEFINITIONS } from './seed';
export { PLAN_LIMITS, type ZendeskPlan } from './rate-limit';

export interface ZendeskSandboxOptions {
  /** Suite plan whose per-minute limit applies (default `team`, 200/min). */
  plan?: ZendeskPlan;
  /** Overrides the plan's requests per minute. */
  rateLimitPerMinute?: number;
  /** Length of a rate-limit window (default 60 s; tests shorten it). */
  rateLimitWindowMs?: number;
  /** The account's subdomain, `{{ticket.account}}` in webhook bodies. Default `vitrine-sandbox`. */
  subdomain?: string;
  /** Delay before a queued bulk job runs. Default 200 ms. */
  jobDelayMs?: number;
  webhooks?: DeliveryOptions;
  /** Zendesk-native tickets to seed on first start (in addition to the dataset's). */
  nativeTickets?: NativeTicketSeed[];
  /**
   * Zendesk's per-ticket limit: 30 updates per 10 minutes per user and ticket (`PUT /tickets/{id}`).
   * Off unless set, so a long seeded conversation can be replayed quickly.
   */
  ticketUpdateLimit?: { updates: number; windowMs: number };
  /**
   * Every this many ms a simulated agent publicly answers the newest Vitrine ticket waiting for an
   * answer (the demo's replies). Off when unset or 0.
   */
  agentReplyEveryMs?: number;
  /** Clock (tests move it instead of waiting). */
  now?: () => number;
}

interface IdempotencyRecord {
  key: string;
  hash: string;
  status: number;
  body: unknown;
  expires_at: number;
}

/** Zendesk remembers an `Idempotency-Key` for 2 hours. */
export const IDEMPOTENCY_TTL_MS = 2 * 60 * 60 * 1000;

export class ZendeskSandbox {
  readonly account: ZendeskSandboxAccount;
  readonly jobs: SandboxJobs;
  readonly webhooks: Collection<StoredWebhook>;
  readonly deliverer: WebhookDeliverer;
  readonly idempotencyKeys: Collection<IdempotencyRecord>;
  readonly now: () => number;
  readonly limiter: SandboxRateLimiter;
  readonly sessions: AgentSessions;
  private readonly ticketUpdates = new Map<string, number[]>();

  constructor(
    readonly ctx: SandboxContext,
    readonly options: ZendeskSandboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.account = new ZendeskSandboxAccount(ctx.state, options.subdomain ?? 'vitrine-sandbox', this.now);
    this.jobs = new SandboxJobs(ctx, this.account, options.jobDelayMs ?? 200);
    this.webhooks = ctx.state.collection<StoredWebhook>('zendesk.webhooks');
    this.idempotencyKeys = ctx.state.collection<IdempotencyRecord>('zendesk.idempotency_keys');
    this.deliverer = new WebhookDeliverer(ctx, this.webhooks, this.now, options.webhooks);
    const perMinute = options.rateLimitPerMinute ?? PLAN_LIMITS[options.plan ?? 'team'];
    this.limiter = new SandboxRateLimiter(perMinute, this.now, options.rateLimitWindowMs ?? 60_000);
    this.sessions = new AgentSessions(ctx.state);
    this.account.onTicketChange((change) => this.fireTriggers(change));
  }

  get apiUser(): User {
    return apiUser(this.account);
  }

  addNativeTicket(seed: NativeTicketSeed) {
    return addNativeTicket(this.account, seed);
  }

  /** Runs the active triggers in position order on a ticket change (inside its transaction). */
  private fireTriggers(change: TicketChange): void {
    const triggers = this.account.triggers.list((t) => t.active).sort((a, b) => a.position - b.position);
    for (const trigger of triggers) {
      if (!triggerMatches(trigger, change)) continue;
      for (const action of trigger.actions) {
        if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue;
        const [webhookId, template] = action.value;
        const body = renderPlaceholders(String(template ?? ''), change, this.account.subdomain);
        this.deliverer.enqueue(String(webhookId), body);
      }
    }
  }

  createWebhook(input: WebhookInput): StoredWebhook {
    if (!input?.name || !input.endpoint) {
      throw new ZendeskSandboxError(400, 'InvalidValue', 'Webhook name and endpoint are required');
    }
    if (!/^https?:\/\//.test(input.endpoint))
      throw new ZendeskSandboxError(400, 'InvalidValue', 'Endpoint must be an http(s) URL');
    const n = this.ctx.state.nextValue('zendesk.webhook_seq');
    const digest = createHash('sha256').update(`${this.ctx.seed}|webhook|${n}`).digest();
    const id = `01${digest.toString('hex').slice(0, 24).toUpperCase()}`;
    const webhook: StoredWebhook = {
      id,
      name: input.name,
      endpoint: input.endpoint,
      http_method: input.http_method ?? 'POST',
      request_format: input.request_format ?? 'json',
      status: input.status ?? 'active',
      subscriptions: input.subscriptions ?? ['conditional_ticket_events'],
      authentication: input.authentication,
      signing_secret: createHash('sha256').update(`${this.ctx.seed}|secret|${id}`).digest('base64'),
      created_at: this.account.timestamp(),
    };
    this.webhooks.put(id, webhook);
    return webhook;
  }

  /**
   * `Idempotency-Key` on ticket creation: the first request's answer is stored for 2 hours; the same
   * key and body get that answer again (`x-idempotency-lookup: hit`), the same key with another
   * body gets 400 IdempotentRequestError. The record is written in the same transaction as the ticket.
   */
  idempotent(key: string, body: unknown, reply: FastifyReply, run: () => { status: number; body: unknown }) {
    const hash = bodyHash(body);
    const now = this.now();
    const result = this.ctx.state.transaction(() => {
      const existing = this.idempotencyKeys.get(key);
      if (existing && existing.expires_at > now) {
        if (existing.hash !== hash) {
          throw new ZendeskSandboxError(
            400,
            'IdempotentRequestError',
            "Request parameters don't match the given idempotency key",
          );
        }
        return { ...existing, lookup: 'hit' as const };
      }
      const fresh = run();
      this.idempotencyKeys.put(key, {
        key,
        hash,
        status: fresh.status,
        body: fresh.body,
        expires_at: now + IDEMPOTENCY_TTL_MS,
      });
      return { ...fresh, lookup: 'miss' as const };
    });
    return reply.code(result.status).header('x-idempotency-lookup', result.lookup).send(result.body);
  }

  checkTicketUpdateLimit(ticketId: number, userId: number): void {
    const limit = this.options.ticketUpdateLimit;
    if (!limit) return;
    const key = `${userId}:${ticketId}`;
    const now = this.now();
    const recent = (this.ticketUpdates.get(key) ?? []).filter((t) => now - t < limit.windowMs);
    if (recent.length >= limit.updates) {
      const retry = Math.ceil((recent[0]! + limit.windowMs - now) / 1000);
      throw new ZendeskSandboxError(
        429,
        'TooManyRequests',
        `Ticket ${ticketId} was updated ${limit.updates} times recently`,
        undefined,
        {
          'Retry-After': String(Math.max(1, retry)),
        },
      );
    }
    recent.push(now);
    this.ticketUpdates.set(key, recent);
  }

  /**
   * Who the credentials belong to: an agent/admin by the Basic e-mail, else the API admin; without
   * an Authorization header, the agent signed in to the agent interface by the session cookie.
   */
  authenticate(request: FastifyRequest): { user: User; agentInterface: boolean } | null {
    const header = request.headers.authorization;
    if (!header) {
      const userId = this.sessions.userIdFrom(request.headers.cookie);
      const user = userId === null ? undefined : this.account.users.get(userId);
      return user && (user.role === 'agent' || user.role === 'admin') ? { user, agentInterface: true } : null;
    }
    const user = this.credentialsUser(header);
    return user ? { user, agentInterface: false } : null;
  }

  private credentialsUser(header: string): User | null {
    const [scheme, value] = header.split(' ');
    if (!value || !scheme) return null;
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString();
      const email = decoded.split(':')[0]?.replace(/\/token$/, '');
      if (!email || !decoded.includes(':')) return null;
      const user = this.account.findUserByIdentity('email', email);
      if (user && (user.role === 'agent' || user.role === 'admin')) return user;
      return this.apiUser;
    }
    if (scheme.toLowerCase() === 'bearer') return this.apiUser;
    return null;
  }
}

const CONTROL = '/_sandbox/';

/** Sandbox Zendesk, mounted at `/sandbox/zendesk/api/v2/…` (the scope is already prefixed). */
export async function registerZendeskSandbox(
  scope: FastifyInstance,
  ctx: SandboxContext,
  options: ZendeskSandboxOptions = {},
): Promise<ZendeskSandbox> {
  const sandbox = new ZendeskSandbox(ctx, options);
  if (!ctx.state.getMeta('zendesk.seeded')) {
    seedAccount(sandbox.account, [...loadDatasetNativeTickets(ctx), ...(options.nativeTickets ?? [])]);
    ctx.state.setMeta('zendesk.seeded', { at: new Date().toISOString(), seed: ctx.seed, scale: ctx.scale });
  }
  sandbox.jobs.resumePending();
  sandbox.deliverer.resumePending();
  if (options.agentReplyEveryMs && options.agentReplyEveryMs > 0) {
    ctx.every(options.agentReplyEveryMs, () => {
      answerOneWaitingTicket(sandbox.account);
    });
  }

  scope.addHook('onRequest', async (request, reply) => {
    if (request.url.includes(CONTROL)) return;
    const session = sandbox.authenticate(request);
    if (!session) return reply.code(401).send({ error: "Couldn't authenticate you" });
    request.zendeskUser = session.user;
    const decision = sandbox.limiter.check(request.url, { countsAgainstAccount: !session.agentInterface });
    reply.headers(decision.headers);
    if (!decision.allowed) {
      return reply.code(429).header('Retry-After', String(decision.retryAfterSec)).send({
        error: 'APIRateLimitExceeded',
        description: 'Number of allowed API requests per minute exceeded',
      });
    }
  });

  scope.setErrorHandler((error, _request, reply) => {
    if (error instanceof ZendeskSandboxError) {
      return reply.code(error.status).headers(error.headers).send(error.body());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'InvalidValue', description: (error as Error).message });
    }
    ctx.log.error({ err: error }, 'sandbox Zendesk failed');
    return reply
      .code(500)
      .send({ error: 'InternalError', description: 'Sandbox Zendesk failed; see the service log' });
  });

  scope.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send({ error: 'InvalidEndpoint', description: `Not found: ${request.method} ${request.url}` });
  });

  registerZendeskRoutes(scope, sandbox);

  // Control routes (never rate-limited or faulted): for tests, the demo and `vitrine status`.
  // The demo (or a test) makes an agent answer now instead of waiting for the timer.
  scope.post(`${CONTROL}agent-reply`, async () => ({ ticket_id: answerOneWaitingTicket(sandbox.account) }));

  // Signs an agent in to the agent interface (the workbench): a session cookie for the API paths.
  scope.post<{ Body: { email?: unknown } }>(`${CONTROL}agent-session`, async (request, reply) => {
    const email = typeof request.body?.email === 'string' ? request.body.email : '';
    const user = email ? sandbox.account.findUserByIdentity('email', email) : undefined;
    if (!user || (user.role !== 'agent' && user.role !== 'admin')) {
      return reply.code(404).send({ error: 'RecordNotFound', description: `No agent with e-mail ${email}` });
    }
    const apiPath = `${scope.prefix}/api/v2`;
    return reply.header('Set-Cookie', sandbox.sessions.cookieFor(user.id, apiPath)).send({ user });
  });

  scope.get(`${CONTROL}summary`, async () => ({
    tickets: sandbox.account.tickets.count(),
    comments: sandbox.account.comments.count(),
    users: sandbox.account.users.count(),
    triggers: sandbox.account.triggers.count(),
    webhooks: sandbox.webhooks.count(),
    deliveries: {
      pending: sandbox.deliverer.deliveries.findBy('status', 'pending').length,
      delivered: sandbox.deliverer.deliveries.findBy('status', 'delivered').length,
      failed: sandbox.deliverer.deliveries.findBy('status', 'failed').length,
    },
    jobs: {
      queued: sandbox.jobs.jobs.findBy('status', 'queued').length,
      completed: sandbox.jobs.jobs.findBy('status', 'completed').length,
    },
  }));

  return sandbox;
}

/** Zendesk-native tickets of the seeded dataset (WhatsApp, e-mail, Instagram), same world as the marketplaces. */
function loadDatasetNativeTickets(ctx: SandboxContext): NativeTicketSeed[] {
  return sandboxZendeskSeed(sandboxDataset(ctx)).map((t) => ({
    channel: t.via.channel,
    requester: t.requester,
    subject: t.subject,
    tags: t.tags,
    messages: t.comments.map((c) => ({ body: c.body, at: c.created_at, fromAgent: c.author === 'agent' })),
  }));
}
