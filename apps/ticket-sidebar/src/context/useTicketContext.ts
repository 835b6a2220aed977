import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchTicketContext } from '../service/api';
import { ServiceError, type ServiceTarget } from '../service/request';
import { useClient, useZafEvent } from '../zaf/hooks';
import type { TicketContext } from './types';

export type TicketContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: TicketContext; refreshing: boolean }
  | { status: 'error'; error: ServiceError };

/**
 * Contexts already fetched in this iframe. Zendesk keeps one app iframe per open ticket tab, so
 * a component remount (location change, re-render after an error) never costs another request.
 */
const cache = new Map<string, TicketContext>();
const cacheKey = (target: ServiceTarget) => `${target.serviceUrl}#${target.tenantId}#${target.ticketId}`;

export function clearTicketContextCache(): void {
  cache.clear();
}

/**
 * One request per ticket open; refreshed when Zendesk reports `ticket.updated` (someone else
 * changed the ticket, or the service wrote to it). While refreshing, the last context stays on
 * screen, so the panel never goes blank.
 */
export function useTicketContext(target: ServiceTarget | null) {
  const client = useClient();
  const [state, setState] = useState<TicketContextState>(() => {
    const cached = target && cache.get(cacheKey(target));
    return cached ? { status: 'ready', context: cached, refreshing: false } : { status: 'loading' };
  });
  const generation = useRef(0);

  const load = useCallback(
    async (mode: 'initial' | 'refresh') => {
      if (!target) return;
      const mine = ++generation.current;
      setState((previous) =>
        previous.status === 'ready' && mode === 'refresh'
          ? { ...previous, refreshing: true }
          : { status: 'loading' },
      );
      try {
        const context = await fetchTicketContext(client, target);
        cache.set(cacheKey(target), context);
        if (mine === generation.current) setState({ status: 'ready', context, refreshing: false });
      } catch (error) {
        if (mine !== generation.current) return;
        const failure = error instanceof ServiceError ? error : new ServiceError('unreachable');
        // A failed refresh keeps the context the agent is reading.
        setState((previous) =>
          previous.status === 'ready'
            ? { ...previous, refreshing: false }
            : { status: 'error', error: failure },
        );
      }
    },
    [client, target],
  );

  useEffect(() => {
    if (target && !cache.has(cacheKey(target))) void load('initial');
  }, [target, load]);

  useZafEvent('ticket.updated', () => void load('refresh'));

  const retry = useCallback(() => void load('initial'), [load]);
  /** Shows a context obtained another way (the manual lookup) and caches it. */
  const replace = useCallback(
    (context: TicketContext) => {
      if (target) cache.set(cacheKey(target), context);
      setState({ status: 'ready', context, refreshing: false });
    },
    [target],
  );
  /** Applies a local change (a note just added) to whatever context is current, refreshed or not. */
  const update = useCallback(
    (change: (context: TicketContext) => TicketContext) => {
      setState((previous) => {
        if (previous.status !== 'ready') return previous;
        const context = change(previous.context);
        if (target) cache.set(cacheKey(target), context);
        return { ...previous, context };
      });
    },
    [target],
  );
  return { state, retry, replace, update };
}
