/** Reading the sandbox the way a test checks outcomes: the Zendesk API, the apps' API, the simulators. */

export interface SandboxTicket {
  id: number;
  subject: string | null;
  tags: string[];
  external_id: string | null;
  custom_fields: Array<{ id: number; value: unknown }>;
}

export interface SandboxComment {
  id: number;
  body: string;
  public: boolean;
  author_id: number;
}

export interface ReceivedReply {
  conversationId: string;
  text: string;
  delivered: boolean;
}

/** The parts of `TicketContext` the tests look at. */
export interface ContextSummary {
  ticketId: number;
  match: string;
  channel?: string;
  matchedBy?: { kind: string; value: string };
  order?: { number: string; source?: string; shipments?: Array<{ trackingCode?: string; carrier?: string }> };
  deadline?: { dueAt: string; source: string };
  otherContacts: Array<{ ticketId: number; channel: string }>;
}

const ADMIN = `Basic ${Buffer.from('integracao@vitrine.example/token:e2e').toString('base64')}`;

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export function sandboxTickets(baseUrl: string): Promise<SandboxTicket[]> {
  return json<{ tickets: SandboxTicket[] }>(`${baseUrl}/sandbox/zendesk/api/v2/tickets?page[size]=100`, {
    headers: { Authorization: ADMIN },
  }).then((r) => r.tickets);
}

export function ticketComments(baseUrl: string, ticketId: number): Promise<SandboxComment[]> {
  return json<{ comments: SandboxComment[] }>(
    `${baseUrl}/sandbox/zendesk/api/v2/tickets/${ticketId}/comments?page[size]=100`,
    { headers: { Authorization: ADMIN } },
  ).then((r) => r.comments);
}

export function receivedReplies(baseUrl: string, source: string): Promise<ReceivedReply[]> {
  return json<{ replies: ReceivedReply[] }>(`${baseUrl}/sandbox/${source}/_sandbox/replies`).then(
    (r) => r.replies,
  );
}

/**
 * A ticket's context as the sidebar gets it: through the workbench proxy, with the request options
 * the sidebar sends (apps/ticket-sidebar/README.md), so the JWT is signed server-side.
 */
export async function ticketContext(baseUrl: string, ticketId: number): Promise<ContextSummary> {
  const envelope = await json<{ status: number; responseText: string }>(`${baseUrl}/workbench/proxy`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      appId: 1,
      installationId: 'sandbox-ticket-sidebar',
      options: {
        url: `${baseUrl}/api/v1/tickets/${ticketId}/context`,
        type: 'GET',
        dataType: 'json',
        secure: true,
        cors: false,
        headers: { Authorization: 'Bearer {{jwt.token}}' },
        jwt: {
          algorithm: 'HS256',
          secret_key: '{{setting.serviceSecret}}',
          expiry: 60,
          claims: { iss: 'vitrine-ticket-sidebar', tenant: 'vitrine-demo', ticket_id: ticketId },
        },
      },
    }),
  });
  if (envelope.status !== 200) {
    throw new Error(
      `context of ticket ${ticketId}: ${envelope.status} ${envelope.responseText.slice(0, 300)}`,
    );
  }
  return JSON.parse(envelope.responseText) as ContextSummary;
}

/** The value of one of Vitrine's ticket fields (by its key, e.g. `vitrine_order_number`) on a ticket. */
export async function ticketFieldValue(
  baseUrl: string,
  ticket: SandboxTicket,
  key: string,
): Promise<unknown> {
  const { ticket_fields: fields } = await json<{ ticket_fields: Array<{ id: number; key?: string }> }>(
    `${baseUrl}/sandbox/zendesk/api/v2/ticket_fields`,
    { headers: { Authorization: ADMIN } },
  );
  const id = fields.find((f) => f.key === key)?.id;
  return ticket.custom_fields.find((f) => f.id === id)?.value;
}

/** Conversation statuses as the marketplace simulator holds them (`open`, `mediation`, `closed`). */
export async function simulatorConversationStatus(
  baseUrl: string,
  source: string,
): Promise<Map<string, string>> {
  const { conversations } = await json<{ conversations: Array<{ conversationId: string; status: string }> }>(
    `${baseUrl}/sandbox/${source}/_sandbox/conversations`,
  );
  return new Map(conversations.map((c) => [c.conversationId, c.status]));
}
