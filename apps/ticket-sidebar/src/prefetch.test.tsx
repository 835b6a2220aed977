import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { buildContext } from './context/testing/buildContext';
import { clearTicketContextCache } from './context/useTicketContext';
import { prefetchForPanel } from './prefetch';
import { sidebarClient } from './testing/renderSidebar';
import { FakeZafClient } from './zaf/testing/FakeZafClient';

/** What the page's entry chunk does, then the panel chunk rendering later, as in `boot.ts`. */
async function bootThenRender(client: FakeZafClient) {
  clearTicketContextCache();
  prefetchForPanel(client);
  await act(async () => undefined);
  return render(<App client={client} />);
}

test('the entry chunk asks for the context at registration; the panel shows that answer without asking again', async () => {
  const client = sidebarClient();
  const unregistered = new FakeZafClient({
    context: client.contextValue,
    metadata: client.metadataValue,
    registered: false,
    paths: { 'currentUser.locale': 'pt-BR', 'ticket.tags': [] },
  });
  unregistered.respondWith(() => buildContext());
  clearTicketContextCache();
  prefetchForPanel(unregistered);
  await act(async () => undefined);
  // Nothing leaves before Zendesk has registered the app (no ticket id, no settings yet).
  expect(unregistered.requests).toHaveLength(0);
  await act(async () => unregistered.register());
  expect(unregistered.requests).toHaveLength(1);

  render(<App client={unregistered} />);
  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(unregistered.requests).toHaveLength(1);
});

test('a prefetched request that failed shows the error, and "Tentar de novo" asks the service again', async () => {
  const client = sidebarClient();
  client.respondWith(() => {
    throw { status: 502, statusText: 'Bad Gateway', responseText: '' };
  });
  await bootThenRender(client);
  expect(await screen.findByText('Tentar de novo')).toBeTruthy();
  expect(client.requests).toHaveLength(1);

  client.respondWith(() => buildContext());
  fireEvent.click(screen.getByText('Tentar de novo'));
  expect(await screen.findByRole('heading', { name: 'Pedido 02-1000000004' })).toBeTruthy();
  expect(client.requests).toHaveLength(2);
});

test('the locale read at startup picks the panel language', async () => {
  await bootThenRender(sidebarClient({ locale: 'en-US' }));
  expect(await screen.findByRole('heading', { name: 'Order 02-1000000004' })).toBeTruthy();
});

test('the new-ticket sidebar prefetches nothing (there is no ticket yet)', async () => {
  const client = sidebarClient({ location: 'new_ticket_sidebar' });
  await bootThenRender(client);
  expect(await screen.findByText(/ticket novo|novo ticket/i)).toBeTruthy();
  expect(client.requests).toHaveLength(0);
});
