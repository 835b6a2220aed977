import type { ZafClient, ZafRequestFailure, ZafRequestOptions } from '../zaf/types';

/**
 * How the sidebar authenticates to the Vitrine service.
 *
 * Every call goes through the Zendesk proxy (`cors: false`) as a secure request (`secure: true`):
 * the proxy signs an HS256 JWT with the installation's secure setting `serviceSecret` (scope
 * `jwt_secret_key`) and puts it where `{{jwt.token}}` appears — here the Authorization header.
 * The secret never reaches the browser.
 *
 * The proxy signs whatever claims the browser sends, so the claims only *select* and *scope*:
 * - `tenant` (the non-secure `tenantId` setting) tells the service which tenant's secret to verify
 *   with; a token that verifies with that secret was signed by an installation holding it.
 * - `ticket_id` must equal the ticket in the URL, so a captured token cannot read other tickets.
 * - `expiry: 60` makes the proxy set a short `exp`; the service must require and check it.
 * No user or role claim is sent: nothing the browser says about the agent can be trusted.
 *
 * The URL is built from the non-secure `serviceUrl` setting (from `client.metadata()`), not from a
 * `{{setting.serviceUrl}}` placeholder, so the browser knows the exact host it calls and the proxy
 * only has to substitute the secret. The host must be in the manifest's `domainWhitelist`.
 */
export const JWT_EXPIRY_SECONDS = 60;
export const JWT_ISSUER = 'vitrine-ticket-sidebar';

export interface ServiceTarget {
  serviceUrl: string;
  tenantId: string;
  ticketId: number;
}

export function serviceRequestOptions(
  target: ServiceTarget,
  path: string,
  init: { type?: 'GET' | 'POST'; body?: unknown } = {},
): ZafRequestOptions {
  const base = target.serviceUrl.replace(/\/+$/, '');
  const options: ZafRequestOptions = {
    url: `${base}${path}`,
    type: init.type ?? 'GET',
    dataType: 'json',
    secure: true,
    cors: false,
    headers: { Authorization: 'Bearer {{jwt.token}}' },
    jwt: {
      algorithm: 'HS256',
      secret_key: '{{setting.serviceSecret}}',
      expiry: JWT_EXPIRY_SECONDS,
      claims: { iss: JWT_ISSUER, tenant: target.tenantId, ticket_id: target.ticketId },
    },
  };
  if (init.body !== undefined) {
    options.contentType = 'application/json';
    options.data = JSON.stringify(init.body);
  }
  return options;
}

export type ServiceErrorKind =
  'unauthorized' | 'unreachable' | 'server' | 'invalidResponse' | 'notConfigured';

/** A failed call to the service, classified for the message the agent sees. */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly status?: number,
    detail?: string,
  ) {
    super(detail ?? kind);
    this.name = 'ServiceError';
  }
}

export function toServiceError(failure: unknown): ServiceError {
  if (failure instanceof ServiceError) return failure;
  const status = (failure as ZafRequestFailure | undefined)?.status;
  if (status === 401 || status === 403) return new ServiceError('unauthorized', status);
  if (typeof status === 'number' && status >= 400) return new ServiceError('server', status);
  return new ServiceError('unreachable', undefined, failure instanceof Error ? failure.message : undefined);
}

/** One call to the service; rejects with a `ServiceError`. */
export async function callService<T>(client: ZafClient, options: ZafRequestOptions): Promise<T> {
  try {
    return await client.request<T>(options);
  } catch (failure) {
    throw toServiceError(failure);
  }
}
