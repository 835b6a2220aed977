import { render } from '@testing-library/react';
import { App } from '../App';
import { buildContext } from '../context/testing/buildContext';
import { clearTicketContextCache } from '../context/useTicketContext';
import type { TicketContextInput } from '../context/types';
import { FakeZafClient } from '../zaf/testing/FakeZafClient';

/** A registered ticket-sidebar client for ticket 4201 whose service answers with `context`. */
export function sidebarClient(
  options: { context?: TicketContextInput; locale?: string; tags?: string[]; location?: string } = {},
): FakeZafClient {
  const client = new FakeZafClient({
    context: { location: options.location ?? 'ticket_sidebar', ticketId: 4201 },
    metadata: { settings: { serviceUrl: 'https://api.vitrine.test/', tenantId: 'loja-exemplo' } },
    paths: {
      'currentUser.locale': options.locale ?? 'pt-BR',
      currentUser: { id: 7, name: 'Ana', locale: options.locale ?? 'pt-BR' },
      'ticket.tags': options.tags ?? ['vitrine', 'vitrine_madeiramadeira'],
      'ticket.comment.text': '',
      'ticket.comment.attachments': [],
      'ticket.comment.type': 'publicReply',
    },
  });
  const context = options.context ?? buildContext();
  client.respondWith(() => context);
  return client;
}

export function renderSidebar(client: FakeZafClient) {
  clearTicketContextCache();
  return render(<App client={client} />);
}
