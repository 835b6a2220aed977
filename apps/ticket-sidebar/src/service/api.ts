import {
  CustomerNote,
  TicketContext,
  type CustomerNoteRequest,
  type TicketLookupRequest,
} from '@vitrine/shared/schemas';
import { takePrefetchedContext } from '../prefetch';
import { contextPath } from '../context/target';
import type { ZafClient } from '../zaf/types';
import { callService, ServiceError, serviceRequestOptions, type ServiceTarget } from './request';

/** The service's endpoints the sidebar uses; bodies are validated with the shared schemas. */

function parse<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServiceError('invalidResponse');
  return parsed.data;
}

/** The ticket's context; the response prefetched at startup when there is one and `fresh` is not set. */
export async function fetchTicketContext(
  client: ZafClient,
  target: ServiceTarget,
  options: { fresh?: boolean } = {},
): Promise<TicketContext> {
  const early = options.fresh ? undefined : await takePrefetchedContext(target);
  const body = early
    ? await early.body
    : await callService(client, serviceRequestOptions(target, contextPath(target)));
  return parse(TicketContext, body);
}

/** Manual lookup when nothing matched; on success the service links the ticket and returns its context. */
export async function lookupTicketContext(
  client: ZafClient,
  target: ServiceTarget,
  query: TicketLookupRequest,
): Promise<TicketContext> {
  const options = serviceRequestOptions(target, `/api/v1/tickets/${target.ticketId}/lookup`, {
    type: 'POST',
    body: query,
  });
  return parse(TicketContext, await callService(client, options));
}

export async function addCustomerNote(
  client: ZafClient,
  target: ServiceTarget,
  note: CustomerNoteRequest,
): Promise<CustomerNote> {
  const options = serviceRequestOptions(target, `/api/v1/tickets/${target.ticketId}/notes`, {
    type: 'POST',
    body: note,
  });
  return parse(CustomerNote, await callService(client, options));
}
