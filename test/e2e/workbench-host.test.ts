import { toResponseArgs } from '../../scripts/workbench/src/app-requests';
import { TicketEditor } from '../../scripts/workbench/src/ticket-editor';
import type { ZendeskTicket, ZendeskUser } from '../../scripts/workbench/src/zendesk-api';

/** The workbench's ZAF answers: what the sidebar reads from the ticket and from `client.request`. */

const requester: ZendeskUser = {
  id: 1000020,
  name: 'Patrícia Cardoso Lopes',
  email: 'patricia@example.com',
  phone: '+5531964284835',
  role: 'end-user',
};

const ticket: ZendeskTicket = {
  id: 17,
  subject: 'Nota fiscal — pedido 72020039',
  description: 'Preciso da nota fiscal do pedido 72020039.',
  status: 'open',
  priority: null,
  requester_id: requester.id,
  external_id: 'vitrine:madeiramadeira:1001',
  tags: ['vitrine', 'vitrine_madeiramadeira'],
  via: { channel: 'api' },
  custom_fields: [{ id: 900006, value: '72020039' }],
  created_at: '2026-11-22T11:06:59Z',
  updated_at: '2026-11-22T11:07:01Z',
};

const editor = () =>
  new TicketEditor(
    { ...ticket },
    requester,
    { id: 1000002, name: 'Ana', locale: 'pt-BR' },
    { subdomain: 'vitrine-demo' },
  );

describe('TicketEditor (ZAF property paths)', () => {
  it('answers the paths the sidebar reads, in the Apps Support API shapes', () => {
    const e = editor();
    e.draft.text = 'Olá!';
    expect(e.get('ticket.id')).toEqual({ value: 17 });
    expect(e.get('ticket.tags')).toEqual({ value: ['vitrine', 'vitrine_madeiramadeira'] });
    expect(e.get('ticket.comment.text')).toEqual({ value: 'Olá!' });
    expect(e.get('ticket.comment.type')).toEqual({ value: 'publicReply' });
    expect(e.get('ticket.comment.attachments')).toEqual({ value: [] });
    expect(e.get('ticket.requester')).toMatchObject({
      value: { id: 1000020, email: 'patricia@example.com' },
    });
    expect(e.get('ticket.via')).toEqual({ value: { channel: 'api', source: {} } });
    expect(e.get('ticket.customField:custom_field_900006')).toEqual({ value: '72020039' });
    expect(e.get('currentUser.locale')).toEqual({ value: 'pt-BR' });
    expect(e.get('currentAccount')).toMatchObject({ value: { subdomain: 'vitrine-demo' } });
  });

  it('reports unknown paths as errors the SDK turns into a rejection', () => {
    expect(editor().get('ticket.nope')).toEqual({
      error: expect.objectContaining({ path: 'ticket.nope', name: 'InvalidPathError' }),
    });
    expect(editor().get('ticket.customField:custom_field_1')).toHaveProperty('error');
  });

  it('fires the change events Zendesk fires on set and appendText', () => {
    const e = editor();
    expect(e.set('ticket.comment.text', 'Oi')).toEqual({
      events: [{ name: 'ticket.comment.text.changed', value: 'Oi' }],
    });
    expect(e.appendText(' tudo bem?')).toEqual({
      name: 'ticket.comment.text.changed',
      value: 'Oi tudo bem?',
    });
    expect(e.set('ticket.tags', ['vitrine'])).toEqual({
      events: [{ name: 'ticket.tags.changed', value: ['vitrine'] }],
    });
    expect(e.set('ticket.subject', 'x')).toHaveProperty('error');
  });
});

describe('toResponseArgs (client.request answers)', () => {
  const json = {
    status: 200,
    statusText: 'OK',
    contentType: 'application/json',
    responseText: '{"ticketId":17}',
  };

  it('resolves with the parsed body first, as jQuery does for dataType json', () => {
    expect(toResponseArgs(json, { dataType: 'json' })).toEqual({
      ok: true,
      responseArgs: [{ ticketId: 17 }, 'success', expect.objectContaining({ status: 200 })],
    });
  });

  it('rejects with an xhr-like object carrying the status the sidebar classifies', () => {
    const denied = {
      status: 401,
      statusText: 'Unauthorized',
      contentType: 'application/json',
      responseText: '{"error":"invalid_token"}',
    };
    const { ok, responseArgs } = toResponseArgs(denied, { dataType: 'json' });
    expect(ok).toBe(false);
    expect(responseArgs[0]).toMatchObject({ status: 401, responseJSON: { error: 'invalid_token' } });
  });

  it('gives the complete response with httpCompleteResponse', () => {
    expect(toResponseArgs(json, { httpCompleteResponse: true }).responseArgs).toEqual([
      {
        responseJSON: { ticketId: 17 },
        responseText: '{"ticketId":17}',
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    ]);
  });
});
