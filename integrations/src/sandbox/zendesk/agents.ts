import { TAGS } from '../../zendesk/conventions';
import type { ZendeskSandboxAccount } from './account';
import { SANDBOX_AGENTS } from './seed';

/**
 * Simulated agents for the demo: now and then an agent answers the latest Vitrine ticket whose last
 * word is the buyer's, with a public reply — the same update an agent makes in the agent workspace,
 * so triggers fire and the reply travels back to the marketplace through the real path.
 */

function firstName(name: string | undefined): string {
  return (name ?? '').trim().split(/\s+/)[0] ?? '';
}

const REPLIES = [
  (name: string) =>
    `Olá ${name}, obrigado pelo contato! Já estamos verificando o seu pedido e retornamos em breve.`,
  (name: string) =>
    `Oi ${name}, tudo bem? Conferimos aqui: o seu pedido está em andamento. Qualquer novidade avisamos por aqui.`,
  (name: string) =>
    `${name}, sentimos muito pelo transtorno. Abrimos um chamado com a transportadora e te atualizamos até amanhã.`,
];

/** Answers one waiting ticket; returns its id, or null when every Vitrine ticket has an answer. */
export function answerOneWaitingTicket(account: ZendeskSandboxAccount): number | null {
  const agents = SANDBOX_AGENTS.map((a) => account.findUserByIdentity('email', a.email)).filter(
    (u) => u !== undefined,
  );
  if (agents.length === 0) return null;
  // Newest changes first: the buyer who wrote last is answered first.
  const page = account.changes.page({
    descending: true,
    limit: 50,
    filter: (c) => {
      const ticket = account.tickets.get(c.ticket_id);
      if (
        !ticket ||
        !ticket.tags.includes(TAGS.managed) ||
        ticket.status === 'solved' ||
        ticket.status === 'closed'
      )
        return false;
      const last = account.comments.findBy('ticket_id', ticket.id).at(-1);
      return last !== undefined && account.users.get(last.author_id)?.role === 'end-user';
    },
  });
  const waiting = page.items[0];
  if (!waiting) return null;
  const ticket = account.ticket(waiting.ticket_id);
  const agent = agents[ticket.id % agents.length]!;
  const buyer = account.users.get(ticket.requester_id);
  const reply = REPLIES[ticket.id % REPLIES.length]!(firstName(buyer?.name) || 'cliente');
  account.updateTicket(ticket.id, { comment: { body: reply, public: true, author_id: agent.id } }, agent);
  return ticket.id;
}
