import { createRoot } from 'react-dom/client';
import { App } from './App';
import { translate } from './i18n/messages';
import { markTiming } from './timing';
import { fitFrameToContent } from './zaf/fitFrame';
import type { ZafClient } from './zaf/types';

/** Renders the panel; `null` when the page was opened outside a Zendesk frame. */
export function start(client: ZafClient | null): void {
  markTiming('panel-loaded');
  const container = document.getElementById('root')!;
  createRoot(container).render(
    client ? <App client={client} /> : <p>{translate('pt-BR', 'app.outsideZendesk')}</p>,
  );
  if (client) fitFrameToContent(client, container);
}
