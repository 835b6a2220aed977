import type { TenantConfig, VitrineConfig } from '../config/types';
import { provisionCredentials } from '../store/credentials';
import type { Store } from '../store/db';
import { upsertTenant } from '../store/tenants';

/**
 * Writes the configured tenants into the store, with their Zendesk and marketplace credentials
 * encrypted (source `zendesk` or the marketplace). The sync engine reads credentials from the store
 * only. Configured values that did not change since the last start do not overwrite what the service
 * stored meanwhile (rotated tokens).
 */
export async function provisionTenants(
  store: Store,
  config: Pick<VitrineConfig, 'tenants' | 'secretKey'>,
): Promise<void> {
  for (const tenant of config.tenants) {
    await store.db.transaction().execute(async (trx) => {
      await upsertTenant(trx, {
        id: tenant.id,
        subdomain: tenant.subdomain,
        name: tenant.name,
        zendeskBaseUrl: tenant.zendesk.baseUrl,
      });
      await provisionCredentials(
        trx,
        config.secretKey,
        { tenantId: tenant.id, source: 'zendesk' },
        zendeskSecrets(tenant),
      );
      for (const [source, market] of Object.entries(tenant.marketplaces)) {
        if (market)
          await provisionCredentials(
            trx,
            config.secretKey,
            { tenantId: tenant.id, source },
            market.credentials,
          );
      }
    });
  }
}

function zendeskSecrets(tenant: TenantConfig): Record<string, string> {
  const { email, apiToken, oauthToken, webhookSecret } = tenant.zendesk;
  const secrets: Record<string, string> = {};
  if (email) secrets.email = email;
  if (apiToken) secrets.apiToken = apiToken;
  if (oauthToken) secrets.oauthToken = oauthToken;
  if (webhookSecret) secrets.webhookSecret = webhookSecret;
  return secrets;
}
