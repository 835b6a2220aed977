import { act, render, screen } from '@testing-library/react';
import { ClientProvider } from './ClientProvider';
import { useLocation, useSetting } from './hooks';
import { FakeZafClient } from './testing/FakeZafClient';

function Probe() {
  return (
    <p>
      {useLocation()} {useSetting('serviceUrl')}
    </p>
  );
}

test('renders nothing until Zendesk has registered the app', async () => {
  const client = new FakeZafClient({ registered: false, context: { location: 'new_ticket_sidebar' } });
  const { container } = render(
    <ClientProvider client={client}>
      <Probe />
    </ClientProvider>,
  );
  await act(async () => undefined);
  expect(container.innerHTML).toBe('');

  await act(async () => client.register());
  expect(screen.getByText('new_ticket_sidebar https://api.vitrine.test')).toBeTruthy();
});
