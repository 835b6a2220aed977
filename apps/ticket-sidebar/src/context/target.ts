import type { ServiceTarget } from '../service/request';
import type { ZafContext, ZafMetadata } from '../zaf/types';

/**
 * The ticket the sidebar will show, known as soon as Zendesk registers the app (location context
 * plus settings): lets the context request start before the rest of the app is ready.
 */
export function ticketTarget(context: ZafContext, metadata: ZafMetadata): ServiceTarget | null {
  const serviceUrl = metadata.settings.serviceUrl;
  const tenantId = metadata.settings.tenantId;
  if (
    context.location !== 'ticket_sidebar' ||
    !context.ticketId ||
    typeof serviceUrl !== 'string' ||
    !serviceUrl
  ) {
    return null;
  }
  return { serviceUrl, tenantId: typeof tenantId === 'string' ? tenantId : '', ticketId: context.ticketId };
}

/** One key per service, tenant and ticket: what the context cache and the prefetch are keyed by. */
export const targetKey = (target: ServiceTarget) =>
  `${target.serviceUrl}#${target.tenantId}#${target.ticketId}`;

export const contextPath = (target: ServiceTarget) => `/api/v1/tickets/${target.ticketId}/context`;
