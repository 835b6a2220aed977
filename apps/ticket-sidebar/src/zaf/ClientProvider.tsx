import { createContext, useEffect, useState, type ReactNode } from 'react';
import type { ZafClient, ZafContext, ZafMetadata } from './types';

export interface ZafSession {
  client: ZafClient;
  context: ZafContext;
  metadata: ZafMetadata;
}

export const ClientContext = createContext<ZafSession | null>(null);

/**
 * Hands the ZAF client down once Zendesk has registered the app. `context()` and `metadata()` only
 * resolve after `app.registered` (the SDK queues every other message until then), so nothing below
 * renders against a half-connected client.
 */
export function ClientProvider({ client, children }: { client: ZafClient; children: ReactNode }) {
  const [session, setSession] = useState<ZafSession | null>(null);
  useEffect(() => {
    let active = true;
    void Promise.all([client.context(), client.metadata()]).then(([context, metadata]) => {
      if (active) setSession({ client, context, metadata });
    });
    return () => {
      active = false;
    };
  }, [client]);
  if (!session) return null;
  return <ClientContext.Provider value={session}>{children}</ClientContext.Provider>;
}
