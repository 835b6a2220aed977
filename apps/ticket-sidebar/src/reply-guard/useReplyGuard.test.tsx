import { act, screen } from '@testing-library/react';
import { buildContext } from '../context/testing/buildContext';
import { renderSidebar, sidebarClient } from '../testing/renderSidebar';
import { WARNING_DEBOUNCE_MS } from './useReplyGuard';

const WHATSAPP_REPLY = 'Oi Maria, me chama no WhatsApp (41) 99876-5432 que resolvo rapidinho.';
const REFUND_REPLY =
  'Olá, Maria! O reembolso de R$ 459,90 referente ao pedido 02-1000000004 foi realizado. O valor aparece em até 2 faturas.';

async function openTicket(options: Parameters<typeof sidebarClient>[0] = {}) {
  const client = sidebarClient(options);
  renderSidebar(client);
  await screen.findByText(/Última sincronização|Não foi possível carregar/);
  return client;
}

test('saving a MadeiraMadeira reply with a WhatsApp number is blocked with a pt-BR message listing why', async () => {
  const client = await openTicket();
  client.setPath('ticket.comment.text', WHATSAPP_REPLY);
  const outcome = await act(() => client.runHook('ticket.save'));
  expect(outcome.allowed).toBe(false);
  if (outcome.allowed) return;
  const [title, ...lines] = outcome.message.split('\n');
  expect(title).toBe('A Vitrine bloqueou o envio: a resposta fere as regras de MadeiraMadeira.');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((line) => line.startsWith('• '))).toBe(true);
  expect(outcome.message).toContain('99876-5432');
});

test('a clean refund message goes through', async () => {
  const client = await openTicket();
  client.setPath('ticket.comment.text', REFUND_REPLY);
  expect(await act(() => client.runHook('ticket.save'))).toEqual({ allowed: true });
});

test('an internal note never reaches the marketplace and is not checked', async () => {
  const client = await openTicket();
  client.setPath('ticket.comment.text', WHATSAPP_REPLY);
  client.setPath('ticket.comment.type', 'internalNote');
  expect(await act(() => client.runHook('ticket.save'))).toEqual({ allowed: true });
});

test('the same words are fine on the seller’s own channel', async () => {
  const client = await openTicket({ context: buildContext({ channel: 'email' }), tags: ['vitrine'] });
  client.setPath('ticket.comment.text', WHATSAPP_REPLY);
  expect(await act(() => client.runHook('ticket.save'))).toEqual({ allowed: true });
});

test('the guard still blocks when the service is down, reading the channel from the ticket tags', async () => {
  const client = sidebarClient();
  client.respondWith(() => {
    throw { status: 503 };
  });
  renderSidebar(client);
  await screen.findByText(/A Vitrine teve um problema \(503\)/);
  client.setPath('ticket.comment.text', WHATSAPP_REPLY);
  const outcome = await act(() => client.runHook('ticket.save'));
  expect(outcome.allowed).toBe(false);
});

test('findings show in the sidebar while the agent types, after a pause, not as a modal', async () => {
  jest.useFakeTimers();
  try {
    const client = await openTicket();
    act(() => client.emit('ticket.comment.text.changed', WHATSAPP_REPLY));
    act(() => jest.advanceTimersByTime(WARNING_DEBOUNCE_MS - 50));
    expect(screen.queryByTestId('reply-findings')).toBeNull();
    act(() => jest.advanceTimersByTime(100));
    const alert = screen.getByTestId('reply-findings');
    expect(alert.textContent).toContain('Esta resposta não pode ser enviada');
    expect(alert.textContent).toContain('99876-5432');

    act(() => client.emit('ticket.comment.text.changed', REFUND_REPLY));
    act(() => jest.advanceTimersByTime(WARNING_DEBOUNCE_MS + 10));
    expect(screen.queryByTestId('reply-findings')).toBeNull();
    // Nothing was invoked on the host to show them: no modal, no notification.
    expect(client.invocations.map((i) => i.name)).not.toContain('notify');
    expect(client.invocations.map((i) => i.name)).not.toContain('instances.create');
  } finally {
    jest.useRealTimers();
  }
});

test('an attachment above MadeiraMadeira’s size limit blocks the save, naming the file', async () => {
  const client = await openTicket();
  client.setPath('ticket.comment.text', REFUND_REPLY);
  client.setPath('ticket.comment.attachments', [
    { filename: 'comprovante.pdf', contentType: 'application/pdf', size: 6_500_000 },
    { filename: 'foto.jpg', contentType: 'image/jpeg', size: 800_000 },
  ]);
  const outcome = await act(() => client.runHook('ticket.save'));
  expect(outcome.allowed).toBe(false);
  if (outcome.allowed) return;
  expect(outcome.message).toContain('comprovante.pdf');
  expect(outcome.message).not.toContain('foto.jpg');
});

test('a save before the channel is known reads the tags itself and still blocks', async () => {
  const client = sidebarClient({ location: 'new_ticket_sidebar' });
  const get = client.get.bind(client);
  // The panel's own tag lookup never answers: only the save hook's read can find the channel.
  client.get = (path) => (path === 'ticket.tags' ? new Promise(() => undefined) : get(path));
  renderSidebar(client);
  await screen.findByText(/^Ticket novo/);
  client.setPath('ticket.comment.text', WHATSAPP_REPLY);
  const outcome = await act(() => client.runHook('ticket.save'));
  expect(outcome.allowed).toBe(false);
});
