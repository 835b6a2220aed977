import type {
  Comment,
  CommentInput,
  CustomFieldValue,
  Identity,
  IdentityType,
  SatisfactionRating,
  Ticket,
  TicketCreate,
  TicketField,
  TicketUpdate,
  Trigger,
  User,
  UserInput,
  Via,
} from '../../zendesk/types';
import type { Collection, SandboxState } from '../core/state';
import { invalid, notFound, ZendeskSandboxError } from './errors';

/**
 * The state of one simulated Zendesk account and the rules Zendesk applies to it (who a requester
 * is, how tags and custom fields merge, what a comment looks like). HTTP lives in routes.ts; this
 * file knows nothing about requests.
 */

export interface StoredTicket extends Ticket {
  /** Position in the change log (incremental export order); not part of the API. */
  _seq?: number;
}

export interface StoredComment extends Comment {
  ticket_id: number;
}

export interface TicketChange {
  ticket: Ticket;
  previous: Ticket | null;
  comment: Comment | null;
  /** Who made the change (comment author, or the API user). */
  actor: User;
}

export interface TicketChangeRecord {
  ticket_id: number;
  generated_timestamp: number;
}

const SYSTEM_FIELDS: Array<Pick<TicketField, 'type' | 'title'> & { key: string }> = [
  { type: 'subject', title: 'Subject', key: 'standard::subject' },
  { type: 'description', title: 'Description', key: 'standard::description' },
  { type: 'status', title: 'Status', key: 'standard::status' },
  { type: 'priority', title: 'Priority', key: 'standard::priority' },
];

export const isAgent = (user: Pick<User, 'role'>) => user.role === 'agent' || user.role === 'admin';

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function normalizeTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const tag of tags ?? []) {
    // Zendesk tags: lower-case, spaces split a string into several tags.
    for (const part of String(tag).toLowerCase().split(/\s+/))
      if (part && !out.includes(part)) out.push(part);
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class ZendeskSandboxAccount {
  readonly tickets: Collection<StoredTicket>;
  readonly comments: Collection<StoredComment>;
  readonly users: Collection<User>;
  readonly identities: Collection<Identity>;
  readonly fields: Collection<TicketField>;
  readonly triggers: Collection<Trigger>;
  readonly ratings: Collection<SatisfactionRating>;
  /** One record per ticket, re-inserted on each change so insertion order = last-change order. */
  readonly changes: Collection<TicketChangeRecord>;
  private listeners: Array<(change: TicketChange) => void> = [];

  constructor(
    readonly state: SandboxState,
    readonly subdomain: string,
    private readonly now: () => number,
  ) {
    this.tickets = state.collection<StoredTicket>('zendesk.tickets', {
      indexes: { external_id: (t) => t.external_id, requester_id: (t) => t.requester_id },
    });
    this.comments = state.collection<StoredComment>('zendesk.comments', {
      indexes: { ticket_id: (c) => c.ticket_id },
    });
    this.users = state.collection<User>('zendesk.users', {
      indexes: {
        external_id: (u) => u.external_id?.toLowerCase(),
        role: (u) => u.role,
      },
    });
    this.identities = state.collection<Identity>('zendesk.identities', {
      indexes: { user_id: (i) => i.user_id, value: (i) => `${i.type}:${i.value.toLowerCase()}` },
    });
    this.fields = state.collection<TicketField>('zendesk.ticket_fields', { indexes: { key: (f) => f.key } });
    this.triggers = state.collection<Trigger>('zendesk.triggers');
    this.ratings = state.collection<SatisfactionRating>('zendesk.satisfaction_ratings', {
      indexes: { ticket_id: (r) => r.ticket_id },
    });
    this.changes = state.collection<TicketChangeRecord>('zendesk.ticket_changes');
  }

  /** Called (inside the write transaction) after every ticket change; triggers subscribe here. */
  onTicketChange(listener: (change: TicketChange) => void): void {
    this.listeners.push(listener);
  }

  timestamp(): string {
    return isoSeconds(this.now());
  }

  // ── users ────────────────────────────────────────────────────────────────────────────────────

  user(id: number): User {
    const user = this.users.get(id);
    if (!user) throw notFound(`user ${id}`);
    return user;
  }

  findUserByIdentity(type: IdentityType, value: string): User | undefined {
    const identity = this.identities.findOneBy('value', `${type}:${value.toLowerCase()}`);
    return identity ? this.users.get(identity.user_id) : undefined;
  }

  findUserByExternalId(externalId: string): User | undefined {
    return this.users.findOneBy('external_id', externalId.toLowerCase());
  }

  userIdentities(userId: number): Identity[] {
    return this.identities.findBy('user_id', userId);
  }

  addIdentity(userId: number, type: IdentityType, rawValue: string, verified = false): Identity {
    if (type !== 'email' && type !== 'phone_number')
      throw invalid('type', `Type: ${String(type)} is not supported`);
    const value = type === 'email' ? rawValue.trim().toLowerCase() : rawValue.trim();
    if (type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      throw invalid('value', `Value: ${rawValue} is not properly formatted`);
    }
    const owner = this.findUserByIdentity(type, value);
    if (owner && owner.id !== userId) {
      throw new ZendeskSandboxError(422, 'RecordInvalid', 'Record validation errors', {
        value: [
          { description: `Value: ${value} is already being used by another user`, error: 'DuplicateValue' },
        ],
      });
    }
    const existing = this.userIdentities(userId).find(
      (i) => i.type === type && i.value.toLowerCase() === value.toLowerCase(),
    );
    if (existing) return existing;
    const user = this.user(userId);
    const primary = !this.userIdentities(userId).some((i) => i.type === type);
    const identity: Identity = {
      id: this.identities.nextId(40_000_000),
      user_id: userId,
      type,
      value,
      primary,
      verified,
      created_at: this.timestamp(),
    };
    this.identities.put(identity.id, identity);
    if (primary) {
      this.users.put(userId, {
        ...user,
        ...(type === 'email' ? { email: value } : { phone: value }),
        updated_at: this.timestamp(),
      });
    }
    return identity;
  }

  /**
   * `POST /users/create_or_update`: matches by external_id (case-insensitive) or by any e-mail
   * identity. On update, a new e-mail is added as a secondary identity instead of replacing the primary.
   */
  createOrUpdateUser(input: UserInput): { user: User; created: boolean } {
    return this.state.transaction(() => {
      const email = input.email?.trim().toLowerCase();
      const match =
        (input.external_id ? this.findUserByExternalId(input.external_id) : undefined) ??
        (email ? this.findUserByIdentity('email', email) : undefined);
      const now = this.timestamp();
      let user: User;
      let created = false;
      if (match) {
        user = {
          ...match,
          name: input.name ?? match.name,
          // External id lookup is case-insensitive, then rewritten to the given case.
          external_id: input.external_id ?? match.external_id,
          role: input.role ?? match.role,
          locale: input.locale ?? match.locale,
          user_fields: { ...(match.user_fields ?? {}), ...(input.user_fields ?? {}) },
          updated_at: now,
        };
        this.users.put(user.id, user);
      } else {
        if (!input.name && !email) throw invalid('name', 'Name: is too short (minimum one character)');
        user = {
          id: this.users.nextId(1_000_001),
          name: input.name ?? email!,
          email: null,
          phone: null,
          external_id: input.external_id ?? null,
          role: input.role ?? 'end-user',
          locale: input.locale ?? 'pt-BR',
          created_at: now,
          updated_at: now,
          user_fields: input.user_fields ?? {},
        };
        this.users.put(user.id, user);
        created = true;
      }
      if (email)
        this.addIdentity(user.id, 'email', email, input.verified ?? input.skip_verify_email ?? false);
      if (input.phone) this.addPhoneIfFree(user.id, input.phone);
      for (const identity of input.identities ?? []) {
        if (identity.type === 'phone_number') this.addPhoneIfFree(user.id, identity.value);
        else this.addIdentity(user.id, identity.type, identity.value);
      }
      return { user: this.user(user.id), created };
    });
  }

  /** A phone already used by someone else is not an error on create_or_update: it is just not added. */
  private addPhoneIfFree(userId: number, phone: string): void {
    const owner = this.findUserByIdentity('phone_number', phone);
    if (!owner || owner.id === userId) this.addIdentity(userId, 'phone_number', phone);
  }

  // ── tickets ──────────────────────────────────────────────────────────────────────────────────

  ticket(id: number): Ticket {
    const stored = this.tickets.get(id);
    if (!stored) throw notFound(`ticket ${id}`);
    return this.publicTicket(stored);
  }

  publicTicket(stored: StoredTicket): Ticket {
    const { _seq: _ignored, ...ticket } = stored;
    return { ...ticket, url: `/api/v2/tickets/${ticket.id}.json` };
  }

  ticketComments(ticketId: number): Comment[] {
    return this.comments.findBy('ticket_id', ticketId).map(({ ticket_id: _t, ...comment }) => comment);
  }

  private resolveRequester(input: TicketCreate, apiUser: User): User {
    if (input.requester_id !== undefined) return this.user(Number(input.requester_id));
    if (input.requester?.email) {
      const existing = this.findUserByIdentity('email', input.requester.email);
      if (existing) return existing;
      return this.createOrUpdateUser({ name: input.requester.name, email: input.requester.email }).user;
    }
    if (input.requester?.name) return this.createOrUpdateUser({ name: input.requester.name }).user;
    return apiUser;
  }

  private checkCustomFields(values: readonly CustomFieldValue[] | undefined): CustomFieldValue[] {
    const out: CustomFieldValue[] = [];
    for (const value of values ?? []) {
      const field = this.fields.get(Number(value.id));
      // Zendesk ignores unknown field ids silently; so do we (it's why ids must be resolved by key).
      if (!field) continue;
      out.push({ id: field.id, value: value.value ?? null });
    }
    return out;
  }

  private mergeCustomFields(
    current: CustomFieldValue[],
    changes: readonly CustomFieldValue[] | undefined,
  ): CustomFieldValue[] {
    const merged = new Map(current.map((f) => [f.id, f.value]));
    for (const change of this.checkCustomFields(changes)) merged.set(change.id, change.value);
    return [...merged.entries()].map(([id, value]) => ({ id, value }));
  }

  private buildComment(
    ticketId: number,
    input: CommentInput,
    defaultAuthor: User,
    via: Via,
    createdAt?: string,
  ): StoredComment {
    const body = input.body ?? (input.html_body ? input.html_body.replace(/<[^>]+>/g, '') : undefined);
    if (!body || !body.trim()) throw invalid('comment', 'Comment: value is blank');
    const author = input.author_id !== undefined ? this.user(Number(input.author_id)) : defaultAuthor;
    return {
      id: this.comments.nextId(5_000_001),
      ticket_id: ticketId,
      type: 'Comment',
      author_id: author.id,
      body,
      html_body:
        input.html_body ?? `<div class="zd-comment"><p>${escapeHtml(body).replace(/\n/g, '<br>')}</p></div>`,
      plain_body: body,
      // An end-user's comment is always public in Zendesk.
      public: author.role === 'end-user' ? true : input.public !== false,
      created_at: createdAt ?? this.timestamp(),
      via,
      attachments: [],
      metadata: { system: { client: 'Vitrine sandbox' } },
    };
  }

  private record(ticket: StoredTicket): StoredTicket {
    const seq = this.state.nextValue('zendesk.ticket_seq');
    const generated = Math.floor(this.now() / 1000);
    const stored = { ...ticket, _seq: seq, generated_timestamp: generated };
    this.tickets.put(stored.id, stored);
    // Delete + put moves the ticket to the end of the change log (incremental export order).
    this.changes.delete(stored.id);
    this.changes.put(stored.id, { ticket_id: stored.id, generated_timestamp: generated });
    return stored;
  }

  private emit(change: TicketChange): void {
    for (const listener of this.listeners) listener(change);
  }

  createTicket(
    input: TicketCreate,
    apiUser: User,
    via: Via = { channel: 'api' },
  ): { ticket: Ticket; comment: Comment } {
    return this.state.transaction(() => {
      if (!input || typeof input !== 'object') throw invalid('ticket', 'Ticket: is missing');
      if (!input.comment || (typeof input.comment !== 'object' && typeof input.comment !== 'string')) {
        throw invalid('comment', 'Comment: is required when creating a ticket');
      }
      const commentInput: CommentInput =
        typeof input.comment === 'string' ? { body: input.comment } : input.comment;
      const requester = this.resolveRequester(input, apiUser);
      const id = this.tickets.nextId(1);
      const now = this.timestamp();
      const comment = this.buildComment(id, commentInput, requester, via);
      const status = input.status ?? (input.assignee_id ? 'open' : 'new');
      const ticket: StoredTicket = {
        id,
        external_id: input.external_id ?? null,
        via,
        created_at: now,
        updated_at: now,
        subject: input.subject ?? comment.body.slice(0, 60),
        description: comment.body,
        status,
        priority: input.priority ?? null,
        requester_id: requester.id,
        submitter_id: apiUser.id,
        assignee_id: input.assignee_id ?? null,
        tags: normalizeTags(input.tags),
        custom_fields: this.checkCustomFields(input.custom_fields),
        satisfaction_rating: null,
      };
      const stored = this.record(ticket);
      this.comments.put(comment.id, comment);
      const { ticket_id: _t, ...publicComment } = comment;
      const result = this.publicTicket(stored);
      this.emit({
        ticket: result,
        previous: null,
        comment: publicComment,
        actor: this.user(comment.author_id),
      });
      return { ticket: result, comment: publicComment };
    });
  }

  /** Historical import: several comments with their own dates, no triggers (like `/imports/tickets`). */
  importTicket(
    input: TicketCreate & { comments?: Array<CommentInput & { value?: string; created_at?: string }> },
    apiUser: User,
    via: Via = { channel: 'api' },
  ): Ticket {
    return this.state.transaction(() => {
      const requester = this.resolveRequester(input, apiUser);
      const id = this.tickets.nextId(1);
      const inputs: Array<CommentInput & { value?: string; created_at?: string }> =
        input.comments ?? (input.comment ? [input.comment] : []);
      if (inputs.length === 0) throw invalid('comments', 'Comments: at least one comment is required');
      const comments = inputs.map((c) =>
        this.buildComment(
          id,
          { ...c, body: c.body ?? c.value, author_id: c.author_id ?? requester.id },
          requester,
          via,
          c.created_at,
        ),
      );
      const now = this.timestamp();
      const ticket: StoredTicket = {
        id,
        external_id: input.external_id ?? null,
        via,
        created_at: comments[0]!.created_at,
        updated_at: now,
        subject: input.subject ?? comments[0]!.body.slice(0, 60),
        description: comments[0]!.body,
        status: input.status ?? 'open',
        priority: input.priority ?? null,
        requester_id: requester.id,
        submitter_id: apiUser.id,
        assignee_id: input.assignee_id ?? null,
        tags: normalizeTags(input.tags),
        custom_fields: this.checkCustomFields(input.custom_fields),
        satisfaction_rating: null,
      };
      const stored = this.record(ticket);
      for (const comment of comments) this.comments.put(comment.id, comment);
      return this.publicTicket(stored);
    });
  }

  updateTicket(id: number, update: TicketUpdate, apiUser: User): { ticket: Ticket; comment: Comment | null } {
    return this.state.transaction(() => {
      const current = this.tickets.get(id);
      if (!current) throw notFound(`ticket ${id}`);
      if (current.status === 'closed') {
        throw new ZendeskSandboxError(422, 'RecordInvalid', 'Record validation errors', {
          status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedTicket' }],
        });
      }
      if (update.safe_update && update.updated_stamp && update.updated_stamp !== current.updated_at) {
        throw new ZendeskSandboxError(
          409,
          'UpdateConflict',
          'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
        );
      }
      const previous = this.publicTicket(current);
      let comment: StoredComment | null = null;
      if (update.comment) {
        const input: CommentInput =
          typeof update.comment === 'string' ? { body: update.comment } : update.comment;
        comment = this.buildComment(id, input, apiUser, { channel: 'api' });
      }
      let tags = update.tags !== undefined ? normalizeTags(update.tags) : [...current.tags];
      for (const tag of normalizeTags(update.additional_tags)) if (!tags.includes(tag)) tags.push(tag);
      const removed = normalizeTags(update.remove_tags);
      tags = tags.filter((t) => !removed.includes(t));
      let status = update.status ?? current.status;
      // An agent's public reply on a new ticket opens it, as in the agent workspace.
      if (!update.status && comment && current.status === 'new' && isAgent(this.user(comment.author_id)))
        status = 'open';
      const next: StoredTicket = {
        ...current,
        status,
        priority: update.priority ?? current.priority,
        tags,
        custom_fields: this.mergeCustomFields(current.custom_fields, update.custom_fields),
        external_id: update.external_id ?? current.external_id,
        assignee_id: update.assignee_id ?? current.assignee_id ?? null,
        subject: typeof update.subject === 'string' ? update.subject : current.subject,
        updated_at: this.timestamp(),
      };
      const stored = this.record(next);
      if (comment) this.comments.put(comment.id, comment);
      const result = this.publicTicket(stored);
      const publicComment = comment ? (({ ticket_id: _t, ...c }) => c)(comment) : null;
      this.emit({
        ticket: result,
        previous,
        comment: publicComment,
        actor: publicComment ? this.user(publicComment.author_id) : apiUser,
      });
      return { ticket: result, comment: publicComment };
    });
  }

  /** The requester rates a solved ticket (`POST /tickets/{id}/satisfaction_rating`). */
  rateTicket(ticketId: number, score: 'good' | 'bad', comment: string | null): SatisfactionRating {
    return this.state.transaction(() => {
      const current = this.tickets.get(ticketId);
      if (!current) throw notFound(`ticket ${ticketId}`);
      if (current.status !== 'solved' && current.status !== 'closed') {
        throw invalid('satisfaction_rating', 'Satisfaction rating can only be given to solved tickets');
      }
      if (score !== 'good' && score !== 'bad') throw invalid('score', `Score: ${String(score)} is not valid`);
      const now = this.timestamp();
      const existing = this.ratings.findOneBy('ticket_id', ticketId);
      const rating: SatisfactionRating = {
        id: existing?.id ?? this.ratings.nextId(70_000_001),
        ticket_id: ticketId,
        requester_id: current.requester_id,
        assignee_id: current.assignee_id ?? null,
        score,
        comment,
        reason: null,
        created_at: existing?.created_at ?? now,
        updated_at: now,
      };
      this.ratings.put(rating.id, rating);
      const previous = this.publicTicket(current);
      const stored = this.record({
        ...current,
        satisfaction_rating: { id: rating.id, score, comment },
        updated_at: now,
      });
      this.emit({
        ticket: this.publicTicket(stored),
        previous,
        comment: null,
        actor: this.user(current.requester_id),
      });
      return rating;
    });
  }

  /**
   * A rating given before the sandbox started (seeding): stored as the requester left it, without
   * firing triggers, on a ticket that may have been reopened since (Zendesk keeps the rating).
   */
  importRating(
    ticketId: number,
    score: 'good' | 'bad',
    comment: string | null,
    at: string,
  ): SatisfactionRating {
    return this.state.transaction(() => {
      const current = this.tickets.get(ticketId);
      if (!current) throw notFound(`ticket ${ticketId}`);
      const existing = this.ratings.findOneBy('ticket_id', ticketId);
      const rating: SatisfactionRating = {
        id: existing?.id ?? this.ratings.nextId(70_000_001),
        ticket_id: ticketId,
        requester_id: current.requester_id,
        assignee_id: current.assignee_id ?? null,
        score,
        comment,
        reason: null,
        created_at: at,
        updated_at: at,
      };
      this.ratings.put(rating.id, rating);
      this.tickets.put(ticketId, { ...current, satisfaction_rating: { id: rating.id, score, comment } });
      return rating;
    });
  }

  // ── ticket fields ────────────────────────────────────────────────────────────────────────────

  ensureSystemFields(): void {
    for (const field of SYSTEM_FIELDS) {
      if (this.fields.findOneBy('key', field.key)) continue;
      const id = this.fields.nextId(900_001);
      this.fields.put(id, {
        id,
        type: field.type,
        title: field.title,
        key: field.key,
        active: true,
        removable: false,
      });
    }
  }

  createField(input: Partial<TicketField> & { type: string; title: string }): TicketField {
    if (!input.title?.trim()) throw invalid('title', 'Title: cannot be blank');
    if (input.key && this.fields.findOneBy('key', input.key))
      throw invalid('key', `Key: ${input.key} has already been taken`);
    const id = this.fields.nextId(900_001);
    const field: TicketField = {
      id,
      type: input.type,
      title: input.title,
      key: input.key ?? null,
      active: input.active ?? true,
      description: input.description ?? '',
      custom_field_options: input.custom_field_options,
      removable: true,
      created_at: this.timestamp(),
    };
    this.fields.put(id, field);
    return field;
  }
}
