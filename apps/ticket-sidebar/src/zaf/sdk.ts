import ZAFClient from 'zendesk_app_framework_sdk';
import type { ZafClient } from './types';

/**
 * Connects to the hosting Zendesk frame. Returns null when the page was opened outside a ZAF host
 * (no `origin`/`app_guid` in the URL), so the app can say so instead of hanging.
 */
export function connectToZendesk(): ZafClient | null {
  const client = ZAFClient.init();
  return client ? (client as unknown as ZafClient) : null;
}
