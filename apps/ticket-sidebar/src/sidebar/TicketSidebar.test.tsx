import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TicketContext } from '../context/types';
import { buildContext } from '../context/testing/buildContext';
import { DEADLINE_HUES } from './DeadlineHeader';
import { PENDING_ORDER_REFRESH_MS } from './PendingOrderNotice';
import { renderSidebar, sidebarClient } from '../testing/renderSidebar';

const HOUR = 3_600_000;

test('shows loading, then the order, delivery, other contacts and history from one request', async () => {
  const client = sidebarClient();
  let answer!: (value: unknown) => void;
  client.respondWith(() => new Promise((resolve) => (answer = resolve)));
  renderSidebar(client);

  expect(await screen.findByText('Buscando o pedido e o histórico do cliente…')).toBeTruthy();
  await act(async () => answer(buildContext()));

  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(screen.getByText('MadeiraMadeira')).toBeTruthy();
  expect(screen.getByText('2× Cadeira de escritório — R$ 919,80')).toBeTruthy();
  expect(screen.getByText('R$ 2.268,70')).toBeTruthy();
  expect(screen.getByText(/Nota fiscal 12345/)).toBeTruthy();
  expect(screen.getByText('AA123456785BR')).toBeTruthy();
  expect(screen.getByText('Objeto em transferência - por favor aguarde')).toBeTruthy();
  expect(screen.getByText('mesmo telefone +55 41 99876-5432 · mesmo pedido 02-1000000004')).toBeTruthy();
  expect(screen.getByText('Demoraram para responder', { exact: false })).toBeTruthy();
  expect(screen.getByText(/Última sincronização:/)).toBeTruthy();
  // Exchanges, reviews and complaints are absent from the context, so their sections are too.
  expect(screen.queryByText('Trocas e devoluções')).toBeNull();

  expect(client.requests).toEqual([
    {
      url: 'https://api.vitrine.test/api/v1/tickets/4201/context',
      type: 'GET',
      dataType: 'json',
      secure: true,
      cors: false,
      headers: { Authorization: 'Bearer {{jwt.token}}' },
      jwt: {
        algorithm: 'HS256',
        secret_key: '{{setting.serviceSecret}}',
        expiry: 60,
        claims: { iss: 'vitrine-ticket-sidebar', tenant: 'loja-exemplo', ticket_id: 4201 },
      },
    },
  ]);
});

test('the fixture is a valid TicketContext (the service must send the same shape)', () => {
  expect(TicketContext.safeParse(buildContext()).success).toBe(true);
});

test.each([
  ['ok', 30 * HOUR, 'ok', 'No prazo', 'responder em 1 d 6 h'],
  ['due_soon', 2 * HOUR, 'ok', 'Vence logo', 'responder em 2 h'],
  ['due_soon', 20 * HOUR, 'due_soon', 'Vence logo', 'responder em 20 h'],
  ['breached', -3 * HOUR, 'ok', 'Prazo estourado', 'atrasado há 3 h'],
] as const)(
  'the deadline is shown as %s (due in %d ms, service said %s)',
  async (expected, dueInMs, serviceStatus, label, countdown) => {
    const now = Date.now();
    const base = buildContext({}, now);
    const deadline = {
      ...base.deadline!,
      dueAt: new Date(now + dueInMs).toISOString(),
      status: serviceStatus,
    };
    renderSidebar(sidebarClient({ context: buildContext({ deadline }, now) }));

    const box = await screen.findByTestId('deadline');
    expect(box.dataset.status).toBe(expected);
    expect(getComputedStyle(box).borderLeftColor).toBe(hexToRgb(DEADLINE_HUES[expected].border));
    expect(within(box).getByText(label)).toBeTruthy();
    expect(within(box).getByText(countdown)).toBeTruthy();
  },
);

test('the deadline says where it comes from', async () => {
  const { unmount } = renderSidebar(sidebarClient());
  expect(await screen.findByText('prazo informado pela MadeiraMadeira')).toBeTruthy();
  unmount();

  const policy = buildContext();
  policy.deadline = { ...policy.deadline!, source: 'policy', reportedDueAt: undefined };
  renderSidebar(sidebarClient({ context: policy }));
  expect(await screen.findByText('calculado: 2 dias úteis')).toBeTruthy();
});

test('no match: says so and offers a manual lookup that links the order', async () => {
  const client = sidebarClient({
    context: buildContext({ match: 'none', order: undefined, deadline: undefined }),
  });
  renderSidebar(client);
  expect(await screen.findByText('Nenhum pedido encontrado para este ticket')).toBeTruthy();

  client.respondWith(() => buildContext());
  fireEvent.change(screen.getByLabelText('Buscar por'), { target: { value: 'document' } });
  fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '123.456.789-09' } });
  fireEvent.click(screen.getByRole('button', { name: 'Buscar' }));

  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  const lookup = client.requests[1]!;
  expect(lookup.url).toBe('https://api.vitrine.test/api/v1/tickets/4201/lookup');
  expect(lookup.type).toBe('POST');
  expect(JSON.parse(lookup.data!)).toEqual({ kind: 'document', value: '123.456.789-09' });
});

test('a lookup that finds nothing says so and keeps the form', async () => {
  const none = buildContext({ match: 'none', order: undefined, deadline: undefined });
  renderSidebar(sidebarClient({ context: none }));
  fireEvent.change(await screen.findByLabelText('Valor'), { target: { value: '99-999' } });
  fireEvent.click(screen.getByRole('button', { name: 'Buscar' }));
  expect(await screen.findByText('Nada encontrado com 99-999.')).toBeTruthy();
});

test('an error offers a retry, and the retry loads the context', async () => {
  const client = sidebarClient();
  client.respondWith(() => {
    throw { status: 502, statusText: 'Bad Gateway' };
  });
  renderSidebar(client);
  expect(
    await screen.findByText('A Vitrine teve um problema (502). Tente de novo em instantes.'),
  ).toBeTruthy();

  client.respondWith(() => buildContext());
  fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(client.requests).toHaveLength(2);
});

test('a refused token tells the agent to have the secret checked', async () => {
  const client = sidebarClient();
  client.respondWith(() => {
    throw { status: 401 };
  });
  renderSidebar(client);
  expect(await screen.findByText(/conferir o segredo da integração/)).toBeTruthy();
});

test('a body that is not a TicketContext is an error, not a blank panel', async () => {
  const client = sidebarClient();
  client.respondWith(() => ({ ticketId: 4201, match: 'maybe' }));
  renderSidebar(client);
  expect(await screen.findByText(/formato que este app não entende/)).toBeTruthy();
});

test('the tracking button appends a valid, current carrier link to the reply', async () => {
  const client = sidebarClient();
  client.setPath('ticket.comment.text', 'Olá Maria!');
  renderSidebar(client);
  fireEvent.click(await screen.findByRole('button', { name: 'Inserir link de rastreio na resposta' }));
  await waitFor(() =>
    expect(client.invocations).toContainEqual({
      name: 'ticket.comment.appendText',
      args: [
        '\nAcompanhe a entrega: https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
      ],
    }),
  );
  expect(client.pathValue('ticket.comment.text')).toBe(
    'Olá Maria!\nAcompanhe a entrega: https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
  );
});

test('a tracking code with a wrong check digit gets no link button', async () => {
  const context = buildContext();
  context.order!.shipments![0]!.trackingCode = 'AA123456784BR';
  renderSidebar(sidebarClient({ context }));
  expect(await screen.findByText('Sem link de rastreio válido para este código.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Inserir link de rastreio na resposta' })).toBeNull();
});

test('another contact opens its ticket in Zendesk', async () => {
  const client = sidebarClient();
  renderSidebar(client);
  fireEvent.click(await screen.findByRole('button', { name: 'Abrir ticket #4188' }));
  expect(client.invocations).toContainEqual({ name: 'routeTo', args: ['ticket', '4188'] });
});

test('bad ratings are highlighted', async () => {
  renderSidebar(sidebarClient());
  const ratings = await screen.findByRole('list', { name: 'Avaliações anteriores' });
  const items = within(ratings).getAllByRole('listitem');
  expect(items.map((item) => item.dataset.score)).toEqual(['bad', 'good']);
  expect(getComputedStyle(items[0]!).borderLeftColor).toBe(hexToRgb('#cd3642'));
  expect(getComputedStyle(items[1]!).borderLeftColor).not.toBe(hexToRgb('#cd3642'));
});

test('an agent adds a note, posted to the service and shown at once', async () => {
  const client = sidebarClient();
  renderSidebar(client);
  const note = {
    id: 'n2',
    contactId: 'c1',
    author: { id: 7, name: 'Ana' },
    text: 'reclamou de atraso — mandar brinde na próxima compra',
    pinned: false,
    createdAt: '2026-11-22T10:00:00-03:00',
  };
  fireEvent.change(await screen.findByLabelText('Nova nota'), { target: { value: note.text } });
  client.respondWith(() => note);
  fireEvent.click(screen.getByRole('button', { name: 'Salvar nota' }));

  expect(await screen.findByText(note.text)).toBeTruthy();
  const post = client.requests[1]!;
  expect(post.url).toBe('https://api.vitrine.test/api/v1/tickets/4201/notes');
  expect(JSON.parse(post.data!)).toEqual({ text: note.text, author: { id: 7, name: 'Ana' } });
});

test('templates fill order variables into the comment box', async () => {
  const client = sidebarClient();
  renderSidebar(client);
  fireEvent.click(await screen.findByRole('button', { name: 'Nova data de entrega' }));
  expect(client.pathValue('ticket.comment.text')).toBe(
    'Olá, Maria! A entrega do seu pedido 02-1000000004 foi reprogramada e a nova previsão é 24/11/2026. Pedimos desculpas pelo transtorno.',
  );
});

test('a template without its key fact is refused with a reason', async () => {
  const client = sidebarClient();
  renderSidebar(client);
  fireEvent.click(await screen.findByRole('button', { name: 'Reembolso feito' }));
  expect(await screen.findByText('Falta valor do reembolso para esta resposta.')).toBeTruthy();
  expect(client.invocations.filter((i) => i.name === 'ticket.comment.appendText')).toEqual([]);
});

test('exchanges, reviews and complaints appear when their sources are connected', async () => {
  const context = buildContext({
    exchanges: [
      {
        source: 'troquecommerce',
        externalId: 'T-1',
        orderNumber: '02-1000000004',
        kind: 'estorno',
        status: 'approved',
        amountCents: 45990,
        refundCents: 45990,
        createdAt: '2026-11-15T10:00:00-03:00',
        updatedAt: '2026-11-15T10:00:00-03:00',
      },
    ],
    reviews: [],
  });
  const client = sidebarClient({ context });
  renderSidebar(client);
  expect(await screen.findByText('Trocas e devoluções')).toBeTruthy();
  expect(screen.getByText('Nenhuma avaliação de produto.')).toBeTruthy();
  expect(screen.queryByText('Reclamações')).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: 'Reembolso feito' }));
  expect(client.pathValue('ticket.comment.text')).toContain(
    'O reembolso de R$ 459,90 referente ao pedido 02-1000000004',
  );
});

test('ticket.updated refreshes the context, keeping the panel filled meanwhile', async () => {
  const client = sidebarClient();
  renderSidebar(client);
  await screen.findByRole('heading', { name: 'Pedido 02-1000000004' });

  let answer!: (value: unknown) => void;
  client.respondWith(() => new Promise((resolve) => (answer = resolve)));
  act(() => client.emit('ticket.updated', {}));
  expect(await screen.findByText('Atualizando…')).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();

  const updated = buildContext();
  updated.order!.status = 'delivered';
  await act(async () => answer(updated));
  expect(await screen.findByText('Entregue', { selector: 'dd' })).toBeTruthy();
  expect(client.requests).toHaveLength(2);
});

test('English agents get English, formats included', async () => {
  renderSidebar(sidebarClient({ locale: 'en-US' }));
  expect(await screen.findByRole('heading', { name: 'Order 02-1000000004' })).toBeTruthy();
  expect(screen.getByText('Delivery')).toBeTruthy();
  expect(screen.getByText('deadline set by MadeiraMadeira')).toBeTruthy();
  expect(screen.getByText('2× Cadeira de escritório — R$919.80')).toBeTruthy();
  expect(screen.getByText('11/24/2026', { exact: false })).toBeTruthy();
});

test('without a service address the panel says who must configure it', async () => {
  const client = sidebarClient();
  client.metadataValue.settings = {};
  renderSidebar(client);
  expect(await screen.findByText(/endereço do serviço Vitrine não está configurado/)).toBeTruthy();
  expect(client.requests).toEqual([]);
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test('the countdown ticks every 30 s, in business time when the windows are known', async () => {
  const start = new Date('2026-11-20T12:00:00-03:00').getTime();
  jest.useFakeTimers({ now: start, doNotFake: ['queueMicrotask'] });
  try {
    const at = (hours: number) => new Date(start + hours * HOUR).toISOString();
    const base = buildContext({}, start);
    const deadline = {
      ...base.deadline!,
      dueAt: at(27),
      status: 'ok' as const,
      businessWindows: [
        { start: at(0), end: at(2) },
        { start: at(24), end: at(27) },
      ],
    };
    renderSidebar(sidebarClient({ context: buildContext({ deadline }, start) }));
    const box = await screen.findByTestId('deadline');
    expect(box.textContent).toContain('5 h úteis restantes');
    expect(box.dataset.status).toBe('ok');

    act(() => jest.advanceTimersByTime(29_000));
    expect(box.textContent).toContain('5 h úteis restantes');
    act(() => jest.advanceTimersByTime(60 * 60_000 + 31_000));
    expect(box.textContent).toContain('3 h 59 min úteis restantes');
    expect(box.dataset.status).toBe('due_soon');
  } finally {
    jest.useRealTimers();
  }
});

test('the context request starts at registration, without waiting for the agent’s locale', async () => {
  const client = sidebarClient();
  const get = client.get.bind(client);
  let releaseLocale!: () => void;
  const localeGate = new Promise<void>((resolve) => (releaseLocale = resolve));
  client.get = async (path) => {
    if (path === 'currentUser.locale') await localeGate;
    return get(path);
  };
  renderSidebar(client);
  await waitFor(() => expect(client.requests).toHaveLength(1));
  expect(screen.queryByText('Buscando o pedido e o histórico do cliente…')).toBeNull();

  await act(async () => releaseLocale());
  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(client.requests).toHaveLength(1);
});

test('without a ticket id in the location context, the id is read from the ticket', async () => {
  const client = sidebarClient();
  client.contextValue = { ...client.contextValue, ticketId: undefined };
  client.setPath('ticket.id', 5150);
  renderSidebar(client);
  await screen.findByRole('heading', { name: 'Pedido 02-1000000004' });
  expect(client.requests.map((r) => r.url)).toEqual(['https://api.vitrine.test/api/v1/tickets/5150/context']);
});

test('in a new ticket the panel explains itself and the reply guard still runs', async () => {
  const client = sidebarClient({ location: 'new_ticket_sidebar' });
  renderSidebar(client);
  expect(
    await screen.findByText(
      /^Ticket novo: o pedido e o histórico do cliente aparecem depois que o ticket for salvo/,
    ),
  ).toBeTruthy();
  expect(client.requests).toEqual([]);
  client.setPath('ticket.comment.text', 'Fale comigo no WhatsApp (41) 99876-5432');
  expect((await act(() => client.runHook('ticket.save'))).allowed).toBe(false);
});

test('a mistyped CPF is caught before asking the service', async () => {
  const client = sidebarClient({
    context: buildContext({ match: 'none', order: undefined, deadline: undefined }),
  });
  renderSidebar(client);
  fireEvent.change(await screen.findByLabelText('Buscar por'), { target: { value: 'document' } });
  fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '123.456.789-00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Buscar' }));
  expect(await screen.findByText('CPF ou CNPJ inválido: confira os dígitos.')).toBeTruthy();
  expect(client.requests).toHaveLength(1);
});

test('an order not synced yet: says so instead of the order, then shows it when a refresh brings it', async () => {
  jest.useFakeTimers();
  try {
    const pending = buildContext({
      order: undefined,
      pendingOrder: { number: '72020134', source: 'madeiramadeira' },
      matchedBy: { kind: 'order', value: '72020134' },
    });
    const client = sidebarClient({ context: pending });
    renderSidebar(client);

    expect(
      await screen.findByText('Pedido 72020134 ainda não sincronizado — atualiza em instantes'),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Pedido / })).toBeNull();
    expect(screen.queryByText(/Cadeira de escritório/)).toBeNull();
    // What belongs to the customer is still shown.
    expect(screen.getByText('Demoraram para responder', { exact: false })).toBeTruthy();

    client.respondWith(() => buildContext());
    await act(async () => {
      jest.advanceTimersByTime(PENDING_ORDER_REFRESH_MS);
    });
    expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
    expect(screen.queryByTestId('pending-order')).toBeNull();
    expect(client.requests).toHaveLength(2);
  } finally {
    jest.useRealTimers();
  }
});

test('an order not synced yet, in English', async () => {
  renderSidebar(
    sidebarClient({
      locale: 'en-US',
      context: buildContext({ order: undefined, pendingOrder: { number: '72020134' } }),
    }),
  );
  expect(await screen.findByText('Order 72020134 not synced yet — it will appear shortly')).toBeTruthy();
});

test('an order that never arrives (a mistyped number): the agent looks up and links the right one', async () => {
  const pending = buildContext({ order: undefined, pendingOrder: { number: '88123456' } });
  const client = sidebarClient({ context: pending });
  renderSidebar(client);
  expect(await screen.findByText('Se o número estiver errado, busque o pedido certo:')).toBeTruthy();

  // Nothing found: the service still answers with the pending order; the form says so and stays.
  fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '88123465' } });
  fireEvent.click(screen.getByRole('button', { name: 'Buscar' }));
  expect(await screen.findByText('Nada encontrado com 88123465.')).toBeTruthy();

  client.respondWith(() => buildContext());
  fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '02-1000000004' } });
  fireEvent.click(screen.getByRole('button', { name: 'Buscar' }));
  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(screen.queryByTestId('pending-order')).toBeNull();
  expect(JSON.parse(client.requests[2]!.data!)).toEqual({ kind: 'order', value: '02-1000000004' });
});
