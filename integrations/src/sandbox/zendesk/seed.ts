import type { Ticket, User, Via } from '../../zendesk/types';
import { TICKET_FIELD_KEYS } from '../../zendesk/conventions';
import type { ZendeskSandboxAccount } from './account';

/**
 * What the sandbox account looks like on first start: the API user (an admin), agents who reply,
 * the system fields and Vitrine's custom fields (as if the Vitrine app were installed), and
 * Zendesk-native tickets from the dataset (WhatsApp, e-mail, Instagram) for duplicate detection.
 */

/** A ticket that reached Zendesk through its own channels, not through Vitrine. */
export interface NativeTicketSeed {
  /** `whatsapp`, `email`, `instagram_dm`, `native_messaging`, `web`… (Zendesk's `via.channel`). */
  channel: string;
  requester: { name: string; email?: string; phone?: string };
  subject: string;
  messages: Array<{ body: string; at?: string; fromAgent?: boolean }>;
  tags?: string[];
  status?: 'new' | 'open' | 'pending' | 'solved';
}

export const SANDBOX_ADMIN = { name: 'Integração Vitrine', email: 'integracao@vitrine.example' } as const;

export const SANDBOX_AGENTS = [
  { name: 'Ana Beatriz Souza', email: 'ana.souza@vitrine.example' },
  { name: 'Carlos Eduardo Lima', email: 'carlos.lima@vitrine.example' },
  { name: 'Juliana Ferreira', email: 'juliana.ferreira@vitrine.example' },
] as const;

export const VITRINE_FIELD_DEFINITIONS = [
  { key: TICKET_FIELD_KEYS.marketplace, type: 'text', title: 'Marketplace' },
  { key: TICKET_FIELD_KEYS.orderNumber, type: 'text', title: 'Número do pedido' },
  { key: TICKET_FIELD_KEYS.replyDueAt, type: 'text', title: 'Prazo de resposta' },
  { key: TICKET_FIELD_KEYS.conversationId, type: 'text', title: 'Conversa no marketplace' },
] as const;

export function seedAccount(account: ZendeskSandboxAccount, native: readonly NativeTicketSeed[]): void {
  account.state.transaction(() => {
    const admin = account.createOrUpdateUser({ ...SANDBOX_ADMIN, role: 'admin', verified: true }).user;
    for (const agent of SANDBOX_AGENTS)
      account.createOrUpdateUser({ ...agent, role: 'agent', verified: true });
    account.ensureSystemFields();
    for (const field of VITRINE_FIELD_DEFINITIONS) {
      if (!account.fields.findOneBy('key', field.key)) account.createField({ ...field });
    }
    const tickets = native.map((ticket) => addNativeTicket(account, ticket, admin));
    seedSatisfactionRatings(account, tickets);
  });
}

/** What seeded customers said when asked to rate a solved ticket (pt-BR, as they would write). */
const BAD_RATING_COMMENTS = [
  'Demoraram três dias para responder e o pedido continua sem previsão de entrega.',
  'Pedi a troca duas vezes e ninguém resolveu. Muito decepcionada.',
] as const;
const GOOD_RATING_COMMENTS = [
  'Atendimento rápido, resolveram no mesmo dia. Obrigado!',
  'A atendente foi muito atenciosa e explicou tudo sobre a entrega.',
] as const;

/**
 * A few ratings on the dataset's tickets, the same on every start with the same seed: a bad one on
 * the first ticket of customers who wrote again (so the sidebar shows it on their other ticket),
 * good ones on customers who wrote once. Dated days before the start, like ratings left earlier.
 */
export function seedSatisfactionRatings(account: ZendeskSandboxAccount, tickets: readonly Ticket[]): void {
  const byRequester = new Map<number, Ticket[]>();
  for (const ticket of tickets) {
    const list = byRequester.get(ticket.requester_id) ?? [];
    list.push(ticket);
    byRequester.set(ticket.requester_id, list);
  }
  const returning = [...byRequester.values()].filter((list) => list.length > 1).map((list) => list[0]!);
  const once = [...byRequester.values()].filter((list) => list.length === 1).map((list) => list[0]!);
  const latest = Date.parse(account.timestamp()) - 3 * 86_400_000;
  // About a day apart, like ratings given after different conversations.
  let order = 0;
  const ratedAt = (ticket: Ticket) =>
    new Date(Math.min(Date.parse(ticket.created_at) + 6 * 3_600_000, latest - order++ * 26 * 3_600_000))
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  BAD_RATING_COMMENTS.forEach((comment, i) => {
    const ticket = returning[i] ?? once[once.length - 1 - i];
    if (ticket) account.importRating(ticket.id, 'bad', comment, ratedAt(ticket));
  });
  GOOD_RATING_COMMENTS.forEach((comment, i) => {
    const ticket = once[i];
    if (ticket && !account.ratings.findOneBy('ticket_id', ticket.id))
      account.importRating(ticket.id, 'good', comment, ratedAt(ticket));
  });
}

export function apiUser(account: ZendeskSandboxAccount): User {
  const admin = account.findUserByIdentity('email', SANDBOX_ADMIN.email);
  if (!admin) throw new Error('sandbox Zendesk is not seeded');
  return admin;
}

export function addNativeTicket(
  account: ZendeskSandboxAccount,
  seed: NativeTicketSeed,
  admin: User = apiUser(account),
) {
  return account.state.transaction(() => {
    const { user: requester } = account.createOrUpdateUser({
      name: seed.requester.name,
      email: seed.requester.email,
      phone: seed.requester.phone,
    });
    const agent = account.findUserByIdentity('email', SANDBOX_AGENTS[0].email) ?? admin;
    const via: Via = { channel: seed.channel };
    return account.importTicket(
      {
        subject: seed.subject,
        requester_id: requester.id,
        tags: seed.tags,
        status: seed.status ?? 'open',
        comment: { body: seed.messages[0]?.body ?? seed.subject },
        comments: seed.messages.map((m) => ({
          body: m.body,
          created_at: m.at,
          author_id: m.fromAgent ? agent.id : requester.id,
          public: true,
        })),
      },
      admin,
      via,
    );
  });
}
