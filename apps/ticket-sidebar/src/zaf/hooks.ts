import { useContext, useEffect, useRef } from 'react';
import { ClientContext, type ZafSession } from './ClientProvider';
import type { ZafClient, ZafLocation } from './types';

function useSession(): ZafSession {
  const session = useContext(ClientContext);
  if (!session) throw new Error('useClient must be used inside <ClientProvider>');
  return session;
}

export function useClient(): ZafClient {
  return useSession().client;
}

export function useLocation(): ZafLocation | string {
  return useSession().context.location;
}

export function useZafSession(): ZafSession {
  return useSession();
}

/** The non-secure installation setting `name` (secure settings never reach the browser). */
export function useSetting(name: string): string | undefined {
  const value = useSession().metadata.settings[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Subscribes to a ZAF event for the component's lifetime. The latest handler is always called,
 * without resubscribing on every render (the host counts subscribers per event).
 */
export function useZafEvent(event: string, handler: (data: unknown) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (data?: unknown) => latest.current(data);
    client.on(event, listener);
    return () => client.off(event, listener);
  }, [client, event]);
}
