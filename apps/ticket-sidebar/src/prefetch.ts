import { contextPath, targetKey, ticketTarget } from './context/target';
import { callService, serviceRequestOptions, type ServiceTarget } from './service/request';
import { markTiming } from './timing';
import type { ZafClient } from './zaf/types';

/**
 * What the page's small entry chunk asks for before the panel (React, Garden, zod) is compiled:
 * the ticket's context from the service and the agent's locale from Zendesk. On a cold open the
 * handshake, the request through Zendesk's proxy and the locale round trip then overlap the
 * panel's download and compilation instead of following it.
 */

interface PrefetchedContext {
  key: string;
  /** The response body, not yet validated: the schemas live in the panel's chunk. */
  body: Promise<unknown>;
}

let prefetch: {
  client: ZafClient;
  context: Promise<PrefetchedContext | null>;
  locale: Promise<unknown>;
} | null = null;

export function prefetchForPanel(client: ZafClient): void {
  const context = Promise.all([client.context(), client.metadata()]).then(
    ([zafContext, metadata]) => {
      const target = ticketTarget(zafContext, metadata);
      if (!target) return null;
      const body = callService(client, serviceRequestOptions(target, contextPath(target)));
      markTiming('context-requested');
      // A failure is reported to whoever takes the body; until then it is not unhandled.
      body.then(() => markTiming('context-received')).catch(() => undefined);
      return { key: targetKey(target), body };
    },
    () => null,
  );
  const locale = client.get('currentUser.locale').then(
    (result) => result['currentUser.locale'],
    () => undefined,
  );
  prefetch = { client, context, locale };
}

/**
 * The prefetched context response for `target`, handed out once (later requests are fresh ones);
 * `undefined` when none was started for that ticket.
 */
export async function takePrefetchedContext(
  target: ServiceTarget,
): Promise<{ body: Promise<unknown> } | undefined> {
  const pending = prefetch?.context;
  if (!pending) return undefined;
  const early = await pending;
  if (!early || early.key !== targetKey(target)) return undefined;
  if (prefetch?.context === pending) prefetch = { ...prefetch, context: Promise.resolve(null) };
  return { body: early.body };
}

/** The agent's locale setting (`currentUser.locale`), asked once at startup when it was prefetched. */
export function agentLocale(client: ZafClient): Promise<unknown> {
  if (prefetch?.client === client) return prefetch.locale;
  return client.get('currentUser.locale').then((result) => result['currentUser.locale']);
}

export function clearPrefetch(): void {
  prefetch = null;
}
