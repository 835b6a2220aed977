import { createRoot } from 'react-dom/client';
import { App } from './App';
import { translate } from './i18n/messages';
import { markTiming } from './timing';
import type { ZafClient } from './zaf/types';

/** Renders the panel; `null` when the page was opened outside a Zendesk frame. */
export function start(client: ZafClient | null): void {
  markTiming('panel-loaded');
  const root = createRoot(document.getElementById('root')!);
  root.render(client ? <App client={client} /> : <p>{translate('pt-BR', 'app.outsideZendesk')}</p>);
}
