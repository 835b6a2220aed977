import {
  ZendeskOutcomeUnknown,
  ZendeskRejection,
  type BulkItemResult,
  type ExportedTicket,
  type ZendeskComment,
  type ZendeskGateway,
  type ZendeskTicket,
  type ZendeskTicketSpec,
  type ZendeskTicketUpdate,
  type ZendeskUserSpec,
} from '../zendesk-gateway';

export interface FakeTicket extends ZendeskTicket {
  fields: Record<string, string | null>;
  comments: ZendeskComment[];
  channel: string;
  updatedAt: string;
}

/**
 * An in-memory Zendesk for the sync engine's unit tests, with the failure a real one has that
 * matters most here: a write applied but its answer lost (`loseAnswers`), and jobs that are
 * forgotten (`forgetJobs`). `calls` counts requests by kind.
 */
export class FakeZendesk implements ZendeskGateway {
  readonly tickets = new Map<string, FakeTicket>();
  readonly users = new Map<string, ZendeskUserSpec & { id: string }>();
  readonly calls: Record<string, number> = {};
  /** The next N bulk writes are applied, then throw as if the connection dropped. */
  loseAnswers = 0;
  /** The next N bulk writes throw before anything is applied. */
  failBefore = 0;
  /** jobResults answers null (job expired) for every job. */
  forgetJobs = false;
  /** Items (by ticket external id or ticket id) Zendesk refuses with a 422. */
  readonly refuse = new Set<string>();
  private readonly jobs = new Map<string, BulkItemResult[]>();
  private nextId = 1000;
  private nextJob = 1;
  private nextComment = 1;

  async upsertUsers(users: ZendeskUserSpec[]): Promise<BulkItemResult[]> {
    this.count('upsertUsers');
    return users.map((user, index) => {
      const existing = this.users.get(user.externalId);
      const id = existing?.id ?? String(this.nextId++);
      this.users.set(user.externalId, { ...user, id });
      return { index, ok: true as const, id };
    });
  }

  async submitTicketCreates(specs: ZendeskTicketSpec[]): Promise<{ jobId: string }> {
    this.count('createMany');
    this.beforeWrite();
    const results = specs.map((spec, index): BulkItemResult => {
      if (this.refuse.has(spec.externalId))
        return { index, ok: false, error: 'RecordInvalid: subject is too long', permanent: true };
      const id = String(this.nextId++);
      this.tickets.set(id, {
        id,
        status: 'new',
        tags: [...spec.tags],
        requesterId: spec.requesterId,
        externalId: spec.externalId,
        subject: spec.subject,
        fields: { ...(spec.fields as Record<string, string | null>) },
        comments: [this.comment(spec.comment.body, spec.comment.public, spec.comment.authorId ?? 'api')],
        channel: 'api',
        updatedAt: new Date().toISOString(),
      });
      return { index, ok: true, id };
    });
    return this.afterWrite(results);
  }

  async submitTicketUpdates(updates: ZendeskTicketUpdate[]): Promise<{ jobId: string }> {
    this.count('updateMany');
    const ids = updates.map((u) => u.id);
    if (new Set(ids).size !== ids.length)
      throw new Error('update_many got the same ticket twice in one batch');
    this.beforeWrite();
    const results = updates.map((update, index): BulkItemResult => {
      const ticket = this.tickets.get(update.id);
      if (!ticket) return { index, ok: false, error: 'RecordNotFound', permanent: true };
      if (this.refuse.has(update.id))
        return { index, ok: false, error: 'RecordInvalid: comment too long', permanent: true };
      if (update.comment) {
        ticket.comments.push(
          this.comment(update.comment.body, update.comment.public, update.comment.authorId ?? 'api'),
        );
      }
      for (const tag of update.addTags ?? []) if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
      Object.assign(ticket.fields, update.fields ?? {});
      ticket.updatedAt = new Date().toISOString();
      return { index, ok: true, id: update.id };
    });
    return this.afterWrite(results);
  }

  async jobResults(jobId: string): Promise<BulkItemResult[] | null> {
    this.count('jobStatus');
    if (this.forgetJobs) return null;
    return this.jobs.get(jobId) ?? null;
  }

  /** Jobs "still running" that the writer must wait for before looking a lost write up. */
  unfinishedJobs = 0;

  async hasUnfinishedJobs(): Promise<boolean> {
    this.count('jobStatuses');
    if (this.unfinishedJobs > 0) {
      this.unfinishedJobs--;
      return true;
    }
    return false;
  }

  async findTicketsByExternalId(externalId: string): Promise<ZendeskTicket[]> {
    this.count('findByExternalId');
    return [...this.tickets.values()].filter((t) => t.externalId === externalId);
  }

  async getTicket(id: string): Promise<ZendeskTicket | null> {
    this.count('getTicket');
    return this.tickets.get(id) ?? null;
  }

  async listComments(ticketId: string): Promise<ZendeskComment[]> {
    this.count('listComments');
    return [...(this.tickets.get(ticketId)?.comments ?? [])];
  }

  async exportTickets(): Promise<{ tickets: ExportedTicket[]; cursor: string | null; endOfStream: boolean }> {
    this.count('exportTickets');
    const tickets = [...this.tickets.values()].map((t) => ({
      ...t,
      description: t.comments[0]?.body ?? null,
      requester: {
        name: this.userById(t.requesterId)?.name,
        email: this.userById(t.requesterId)?.email,
        phone: this.userById(t.requesterId)?.phone,
      },
    }));
    return { tickets, cursor: 'end', endOfStream: true };
  }

  /** A ticket that reached Zendesk through its own channels (WhatsApp, e-mail…). */
  addNativeTicket(spec: {
    channel: string;
    subject: string;
    description: string;
    requester: { name: string; email?: string; phone?: string };
  }): string {
    const userId = String(this.nextId++);
    this.users.set(`native-${userId}`, { externalId: `native-${userId}`, ...spec.requester, id: userId });
    const id = String(this.nextId++);
    this.tickets.set(id, {
      id,
      status: 'open',
      tags: [],
      requesterId: userId,
      externalId: null,
      subject: spec.subject,
      fields: {},
      comments: [this.comment(spec.description, true, userId)],
      channel: spec.channel,
      updatedAt: new Date().toISOString(),
    });
    return id;
  }

  /** An agent's public reply, as if typed in Zendesk. */
  agentReply(ticketId: string, body: string, agentId = 'agent-1'): ZendeskComment {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) throw new Error(`no ticket ${ticketId}`);
    const comment = this.comment(body, true, agentId);
    ticket.comments.push(comment);
    ticket.updatedAt = new Date(Date.now() + 1).toISOString();
    return comment;
  }

  /** Public comments written by each ticket's requester, per ticket external id. */
  buyerComments(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.tickets.values()) {
      out.set(
        t.externalId ?? t.id,
        t.comments.filter((c) => c.public && c.authorId === t.requesterId).map((c) => c.body),
      );
    }
    return out;
  }

  private userById(id: string) {
    return [...this.users.values()].find((u) => u.id === id);
  }

  private comment(body: string, isPublic: boolean, authorId: string): ZendeskComment {
    return {
      id: String(this.nextComment++),
      authorId,
      public: isPublic,
      body,
      createdAt: new Date().toISOString(),
    };
  }

  private beforeWrite(): void {
    if (this.failBefore > 0) {
      this.failBefore--;
      throw new ZendeskOutcomeUnknown('connection reset before the request was read');
    }
  }

  private afterWrite(results: BulkItemResult[]): { jobId: string } {
    const jobId = `job-${this.nextJob++}`;
    this.jobs.set(jobId, results);
    if (this.loseAnswers > 0) {
      this.loseAnswers--;
      throw new ZendeskOutcomeUnknown('connection reset after the request was applied');
    }
    return { jobId };
  }

  private count(call: string): void {
    this.calls[call] = (this.calls[call] ?? 0) + 1;
  }
}

export { ZendeskRejection };
