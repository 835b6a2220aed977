/**
 * The sandbox Zendesk's REST API as the signed-in agent. As in Zendesk, the agent's browser session
 * (a cookie) authenticates `/api/v2/…`: the workbench signs its agent in once, then sends no API
 * credentials. The requests, and the comments they create, are the agent's, and like the agent
 * interface's they do not count against the account's per-minute API limit (the sync engine's).
 */

export interface WorkbenchSession {
  agent: { name: string; email: string };
  /** Where the sandbox Zendesk is mounted, e.g. `/sandbox/zendesk`. */
  zendeskApiBase: string;
  account: { subdomain: string };
}

export interface ZendeskUser {
  id: number;
  name: string;
  email?: string | null;
  phone?: string | null;
  role: string;
  locale?: string;
  external_id?: string | null;
  time_zone?: string;
}

export interface ZendeskTicket {
  id: number;
  subject: string | null;
  description: string | null;
  status: string;
  priority: string | null;
  type?: string | null;
  requester_id: number;
  assignee_id?: number | null;
  external_id: string | null;
  tags: string[];
  via: { channel: string; source?: unknown };
  custom_fields: Array<{ id: number; value: unknown }>;
  created_at: string;
  updated_at: string;
}

export interface ZendeskComment {
  id: number;
  author_id: number;
  body: string;
  public: boolean;
  created_at: string;
}

export interface RawResponse {
  status: number;
  statusText: string;
  contentType: string;
  responseText: string;
}

export class ZendeskApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ZendeskApiError';
  }
}

const MAX_ATTEMPTS = 4;

export class ZendeskApi {
  private signIn: Promise<void> | null = null;

  constructor(readonly session: WorkbenchSession) {}

  /** Signs the agent in (the session cookie); again after a 401, e.g. a sandbox reset. */
  private signedIn(renew = false): Promise<void> {
    if (!this.signIn || renew) {
      this.signIn = fetch(`${this.session.zendeskApiBase}/_sandbox/agent-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: this.session.agent.email }),
      }).then((response) => {
        if (!response.ok)
          throw new ZendeskApiError(response.status, `Zendesk sign-in failed (${response.status})`);
      });
      this.signIn.catch(() => (this.signIn = null));
    }
    return this.signIn;
  }

  /** Any `/api/v2/…` request (the apps' relative `client.request` calls come through here too). */
  async raw(
    path: string,
    init: { method?: string; body?: string; contentType?: string } = {},
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
    let response: Response;
    await this.signedIn();
    for (let attempt = 1; ; attempt++) {
      response = await fetch(`${this.session.zendeskApiBase}${path}`, {
        method: init.method ?? 'GET',
        headers,
        credentials: 'same-origin',
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
      if (response.status === 401 && attempt < MAX_ATTEMPTS) {
        await this.signedIn(true);
        continue;
      }
      // Endpoint limits still apply to the agent interface (a ticket updated too often): wait as
      // told and try again, a few times, rather than show the agent an error.
      if (response.status !== 429 || attempt >= MAX_ATTEMPTS) break;
      const waitSec = Math.min(10, Number(response.headers.get('retry-after')) || 1);
      await new Promise((resolve) => setTimeout(resolve, waitSec * 1000));
    }
    return {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type') ?? '',
      responseText: await response.text(),
    };
  }

  private async json<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await this.raw(path, {
      ...(init.method ? { method: init.method } : {}),
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (response.status < 200 || response.status >= 300) {
      let description = response.responseText;
      try {
        const parsed = JSON.parse(response.responseText) as { description?: string; error?: string };
        description = parsed.description ?? parsed.error ?? description;
      } catch {
        // not JSON: keep the text
      }
      throw new ZendeskApiError(response.status, `Zendesk ${response.status}: ${description}`);
    }
    return JSON.parse(response.responseText) as T;
  }

  me(): Promise<ZendeskUser> {
    return this.json<{ user: ZendeskUser }>('/api/v2/users/me').then((r) => r.user);
  }

  user(id: number): Promise<ZendeskUser> {
    return this.json<{ user: ZendeskUser }>(`/api/v2/users/${id}`).then((r) => r.user);
  }

  ticket(id: number): Promise<ZendeskTicket> {
    return this.json<{ ticket: ZendeskTicket }>(`/api/v2/tickets/${id}`).then((r) => r.ticket);
  }

  /** Every ticket, following the cursor (the sandbox holds a few hundred). */
  async tickets(maxPages = 20): Promise<ZendeskTicket[]> {
    const all: ZendeskTicket[] = [];
    let path: string | null = '/api/v2/tickets?page[size]=100';
    for (let page = 0; path && page < maxPages; page++) {
      const result: { tickets: ZendeskTicket[]; meta?: { has_more: boolean; after_cursor: string | null } } =
        await this.json(path);
      all.push(...result.tickets);
      const after = result.meta?.has_more ? result.meta.after_cursor : null;
      path = after ? `/api/v2/tickets?page[size]=100&page[after]=${encodeURIComponent(after)}` : null;
    }
    return all;
  }

  async comments(ticketId: number): Promise<ZendeskComment[]> {
    const result = await this.json<{ comments: ZendeskComment[] }>(
      `/api/v2/tickets/${ticketId}/comments?page[size]=100`,
    );
    return result.comments;
  }

  /** What the agent's Submit does: one ticket update carrying the comment. */
  submitComment(ticketId: number, comment: { body: string; public: boolean }): Promise<ZendeskTicket> {
    return this.json<{ ticket: ZendeskTicket }>(`/api/v2/tickets/${ticketId}`, {
      method: 'PUT',
      body: { ticket: { comment } },
    }).then((r) => r.ticket);
  }
}
