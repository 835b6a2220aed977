import { createRoot } from 'react-dom/client';
import { App } from './App';
import { translate } from './i18n/messages';
import { connectToZendesk } from './zaf/sdk';

const root = createRoot(document.getElementById('root')!);
const client = connectToZendesk();
if (client) {
  // The sidebar starts at Zendesk's default height; give it room for the whole panel.
  void client.invoke('resize', { width: '100%', height: '600px' });
  root.render(<App client={client} />);
} else {
  root.render(<p>{translate('pt-BR', 'app.outsideZendesk')}</p>);
}
