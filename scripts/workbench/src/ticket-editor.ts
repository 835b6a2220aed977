import type { ZendeskTicket, ZendeskUser } from './zendesk-api.js';

/**
 * The open ticket as the Apps Support API shows it to a ticket_sidebar app: camelCase objects
 * (`ticket.requester`, `ticket.via`, `ticket.customField:custom_field_<id>`…), plus the draft in
 * the reply box (`ticket.comment.*`). `get`/`set` answer the ZAF property paths; a `set` reports
 * the `<path>.changed` events Zendesk would fire.
 */

export type CommentType = 'publicReply' | 'internalNote';

export interface Draft {
  text: string;
  type: CommentType;
  attachments: Array<{ filename: string; contentType?: string; contentUrl?: string; size?: number }>;
}

export type PathResult = { value: unknown } | { error: { message: string; name: string; path: string } };

export interface ChangeEvent {
  name: string;
  value: unknown;
}

const unknownPath = (path: string): PathResult => ({
  // The SDK prefixes the path itself: `"ticket.foo" is not a valid property`.
  error: { name: 'InvalidPathError', message: 'is not a valid property of this location', path },
});

export function zafUser(user: ZendeskUser): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    externalId: user.external_id ?? null,
    role: user.role === 'end-user' ? 'end-user' : user.role,
    locale: user.locale ?? 'pt-BR',
    timeZone: user.time_zone ?? 'America/Sao_Paulo',
    identities: [
      ...(user.email ? [{ type: 'email', value: user.email }] : []),
      ...(user.phone ? [{ type: 'phone_number', value: user.phone }] : []),
    ],
  };
}

export class TicketEditor {
  draft: Draft = { text: '', type: 'publicReply', attachments: [] };

  constructor(
    public ticket: ZendeskTicket,
    public requester: ZendeskUser,
    readonly currentUser: Record<string, unknown>,
    readonly account: { subdomain: string },
  ) {}

  /** `ticket` as `client.get('ticket')` returns it. */
  zafTicket(): Record<string, unknown> {
    const t = this.ticket;
    return {
      id: t.id,
      subject: t.subject,
      description: t.description,
      status: t.status,
      priority: t.priority,
      type: t.type ?? null,
      externalId: t.external_id,
      tags: [...t.tags],
      requester: zafUser(this.requester),
      via: { channel: t.via.channel, source: t.via.source ?? {} },
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      isNew: false,
      comment: this.zafComment(),
      customFields: t.custom_fields.map((field) => ({ id: field.id, value: field.value })),
    };
  }

  private zafComment(): Record<string, unknown> {
    return {
      text: this.draft.text,
      type: this.draft.type,
      attachments: this.draft.attachments.map((a) => ({ ...a })),
      useRichText: false,
    };
  }

  get(path: string): PathResult {
    if (path === 'currentUser') return { value: this.currentUser };
    if (path.startsWith('currentUser.')) return walk(this.currentUser, path, 'currentUser.');
    if (path === 'currentAccount') return { value: { subdomain: this.account.subdomain, planName: 'team' } };
    const custom = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
    if (custom) {
      const field = this.ticket.custom_fields.find((f) => f.id === Number(custom[1]));
      return field ? { value: field.value ?? null } : unknownPath(path);
    }
    if (path === 'ticket') return { value: this.zafTicket() };
    if (path.startsWith('ticket.')) return walk(this.zafTicket(), path, 'ticket.');
    return unknownPath(path);
  }

  /** Applies a `client.set`; returns the change events to fire, or an error for read-only paths. */
  set(path: string, value: unknown): { events: ChangeEvent[] } | { error: PathResult } {
    switch (path) {
      case 'ticket.comment.text':
        this.draft.text = String(value ?? '');
        return { events: [{ name: 'ticket.comment.text.changed', value: this.draft.text }] };
      case 'ticket.comment.type':
        if (value !== 'publicReply' && value !== 'internalNote') break;
        this.draft.type = value;
        return { events: [{ name: 'ticket.comment.type.changed', value }] };
      case 'ticket.tags':
        if (!Array.isArray(value)) break;
        this.ticket = { ...this.ticket, tags: value.map(String) };
        return { events: [{ name: 'ticket.tags.changed', value: [...this.ticket.tags] }] };
      default: {
        const custom = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
        if (!custom) break;
        const id = Number(custom[1]);
        const fields = this.ticket.custom_fields.map((f) => (f.id === id ? { id, value } : f));
        this.ticket = { ...this.ticket, custom_fields: fields };
        return { events: [{ name: `ticket.custom_field_${id}.changed`, value }] };
      }
    }
    return { error: unknownPath(path) };
  }

  /** `ticket.comment.appendText`: what a template or the tracking button inserts. */
  appendText(text: string): ChangeEvent {
    this.draft.text += text;
    return { name: 'ticket.comment.text.changed', value: this.draft.text };
  }
}

function walk(root: Record<string, unknown>, path: string, prefix: string): PathResult {
  let node: unknown = root;
  for (const key of path.slice(prefix.length).split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return unknownPath(path);
    node = (node as Record<string, unknown>)[key];
  }
  return { value: node };
}
