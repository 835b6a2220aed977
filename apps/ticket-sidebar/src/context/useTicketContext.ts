import { useCallback, useEffect, useRef, useState } from 'react';
import { ServiceError, type ServiceTarget } from '../service/request';
import { useClient, useZafEvent } from '../zaf/hooks';
import type { ZafClient } from '../zaf/types';
import { fetchTicketContext } from '../service/api';
import { clearPrefetch } from '../prefetch';
import { targetKey as cacheKey } from './target';
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

/** Requests under way, so the early start at registration and the panel share one request. */
const inflight = new Map<string, Promise<TicketContext>>();

export function clearTicketContextCache(): void {
  cache.clear();
  inflight.clear();
  clearPrefetch();
}

/**
 * Starts the context request for `target`, or joins the one already made; the result lands in the
 * cache. `fresh` (a retry, a refresh after `ticket.updated`) never joins an older request.
 */
export function requestTicketContext(
  client: ZafClient,
  target: ServiceTarget,
  options: { fresh?: boolean } = {},
): Promise<TicketContext> {
  const key = cacheKey(target);
  const pending = inflight.get(key);
  if (pending && !options.fresh) return pending;
  const request = fetchTicketContext(client, target, options)
    .then((context) => {
      cache.set(key, context);
      return context;
    })
    .then((context) => {
      // A failed request stays here, so whoever joins later sees the same failure rather than
      // sending a second request; a retry asks for a fresh one.
      if (inflight.get(key) === request) inflight.delete(key);
      return context;
    });
  inflight.set(key, request);
  return request;
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
    async (mode: 'initial' | 'retry' | 'refresh') => {
      if (!target) return;
      const mine = ++generation.current;
      setState((previous) =>
        previous.status === 'ready' && mode === 'refresh'
          ? { ...previous, refreshing: true }
          : { status: 'loading' },
      );
      try {
        const context = await requestTicketContext(client, target, { fresh: mode !== 'initial' });
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
    if (!target) return;
    // The early request may have finished between the first render and this effect.
    const cached = cache.get(cacheKey(target));
    if (!cached) void load('initial');
    else
      setState((previous) =>
        previous.status === 'ready' ? previous : { status: 'ready', context: cached, refreshing: false },
      );
  }, [target, load]);

  useZafEvent('ticket.updated', () => void load('refresh'));

  const retry = useCallback(() => void load('retry'), [load]);
  /** Asks again while keeping the current context on screen (an order that was not synced yet). */
  const refresh = useCallback(() => void load('refresh'), [load]);
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
  return { state, retry, refresh, replace, update };
}
