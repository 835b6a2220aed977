import { createHmac } from 'node:crypto';
import { MARKETPLACE_SOURCES, type MarketplaceSource } from '@vitrine/shared';
import type { TenantConfig } from './types';

/** The one tenant of sandbox mode. */
export const SANDBOX_TENANT_ID = 'vitrine-demo';

/**
 * Credentials the marketplace simulators accept, under the keys each connector reads. They are not
 * secrets: the simulators only check that they are sent.
 */
export const SANDBOX_MARKETPLACE_CREDENTIALS: Record<MarketplaceSource, Record<string, string>> = {
  madeiramadeira: { token: 'sandbox-tokenmm' },
  americanas: {
    userEmail: 'integracao@vitrine-demo.example',
    apiKey: 'sandbox-skyhub-api-key',
    accountManagerKey: 'sandbox-skyhub-account-manager-key',
  },
  mercadolivre: {
    accessToken: 'sandbox-ml-access-token',
    clientId: 'sandbox-ml-client',
    clientSecret: 'sandbox-ml-secret',
    refreshToken: 'sandbox-ml-refresh-token',
  },
};

export const SANDBOX_ZENDESK_CREDENTIALS = {
  email: 'admin@vitrine-demo.example',
  apiToken: 'sandbox-zendesk-token',
};

/**
 * The demo tenant, pointed at the simulators mounted on the service's own server. Its webhook secret
 * derives from the secret key so it stays the same across restarts without being stored.
 */
export function sandboxTenant(publicBaseUrl: string, secretKey: Buffer): TenantConfig {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const marketplaces: TenantConfig['marketplaces'] = {};
  for (const source of MARKETPLACE_SOURCES) {
    marketplaces[source] = {
      baseUrl: `${base}/sandbox/${source}`,
      credentials: SANDBOX_MARKETPLACE_CREDENTIALS[source],
    };
  }
  return {
    id: SANDBOX_TENANT_ID,
    subdomain: SANDBOX_TENANT_ID,
    name: 'Vitrine Demo (sandbox)',
    zendesk: {
      baseUrl: `${base}/sandbox/zendesk`,
      ...SANDBOX_ZENDESK_CREDENTIALS,
      webhookSecret: createHmac('sha256', secretKey).update('vitrine-demo zendesk webhook').digest('base64'),
    },
    marketplaces,
  };
}
