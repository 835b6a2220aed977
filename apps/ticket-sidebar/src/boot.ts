import { prefetchForPanel } from './prefetch';
import { connectToZendesk } from './zaf/sdk';

/**
 * The page's entry, small on purpose: it connects to Zendesk and starts the ticket's context and locale
 * requests, then runs the panel, which the browser has been downloading and compiling in parallel
 * (`modulepreload`, see vite.config.mts). The handshake and the requests no longer wait for React,
 * Garden and zod to be parsed.
 */
const client = connectToZendesk();
// The frame's height follows the panel once it renders (zaf/fitFrame.ts).
if (client) prefetchForPanel(client);
void import('./start').then(({ start }) => start(client));
