import type { Ticket, Trigger, User } from '../../zendesk/types';
import type { TicketChange } from './account';
import { renderPlaceholders, triggerMatches } from './triggers';

const agent: User = {
  id: 10,
  name: 'Ana',
  email: 'ana@x.com',
  phone: null,
  external_id: null,
  role: 'agent',
  created_at: '',
  updated_at: '',
};
const buyer: User = { ...agent, id: 20, name: 'Maria "Mari" Silva', role: 'end-user' };
const ticket: Ticket = {
  id: 7,
  external_id: 'vitrine:americanas:1',
  via: { channel: 'api' },
  created_at: '',
  updated_at: '',
  subject: 'Pedido "urgente"',
  description: '',
  status: 'open',
  priority: null,
  requester_id: 20,
  tags: ['vitrine'],
  custom_fields: [],
};
const reply = (publicReply: boolean, actor: User): TicketChange => ({
  ticket,
  previous: ticket,
  actor,
  comment: {
    id: 1,
    type: 'Comment',
    author_id: actor.id,
    body: 'oi',
    html_body: '',
    plain_body: 'oi',
    public: publicReply,
    created_at: '',
    attachments: [],
  },
});
const trigger = (conditions: Trigger['conditions']): Trigger => ({
  id: 1,
  title: 't',
  active: true,
  position: 1,
  created_at: '',
  updated_at: '',
  conditions,
  actions: [],
});

describe('sandbox trigger conditions', () => {
  const publicAgentReply = trigger({
    all: [
      { field: 'comment_is_public', operator: 'is', value: 'true' },
      { field: 'role', operator: 'is', value: 'agent' },
      { field: 'current_tags', operator: 'includes', value: 'vitrine' },
    ],
  });

  it('matches a public comment by an agent on a tagged ticket, not a note or a buyer message', () => {
    expect(triggerMatches(publicAgentReply, reply(true, agent))).toBe(true);
    expect(triggerMatches(publicAgentReply, reply(false, agent))).toBe(false);
    expect(triggerMatches(publicAgentReply, reply(true, buyer))).toBe(false);
    expect(triggerMatches(publicAgentReply, { ...reply(true, agent), ticket: { ...ticket, tags: [] } })).toBe(
      false,
    );
  });

  it('treats "status changed to solved" as a change, not a state', () => {
    const solved = trigger({ all: [{ field: 'status', operator: 'value', value: 'solved' }] });
    const nowSolved = { ...ticket, status: 'solved' as const };
    expect(triggerMatches(solved, { ticket: nowSolved, previous: ticket, comment: null, actor: agent })).toBe(
      true,
    );
    expect(
      triggerMatches(solved, { ticket: nowSolved, previous: nowSolved, comment: null, actor: agent }),
    ).toBe(false);
  });

  it('never fires on a condition it does not know', () => {
    const unknown = trigger({ all: [{ field: 'organization_id', operator: 'is', value: 1 }] });
    expect(triggerMatches(unknown, reply(true, agent))).toBe(false);
  });

  it('renders placeholders JSON-safely so quotes in names and subjects keep the body valid JSON', () => {
    const body = renderPlaceholders(
      '{"id":"{{ticket.id}}","t":"{{ticket.title}}","who":"{{current_user.name}}","a":"{{ticket.account}}"}',
      reply(true, buyer),
      'loja',
    );
    expect(JSON.parse(body)).toEqual({
      id: '7',
      t: 'Pedido "urgente"',
      who: 'Maria "Mari" Silva',
      a: 'loja',
    });
  });
});
