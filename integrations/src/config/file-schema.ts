import { MARKETPLACE_SOURCES } from '@vitrine/shared';
import { z } from 'zod';

/**
 * The optional JSON file named by VITRINE_CONFIG. Every key mirrors an environment variable
 * (environment wins), plus `tenants`, which only the file can hold. Unknown keys are refused so a
 * typo (`"tenant"`) never silently starts the service in sandbox mode. See `vitrine.config.example.json`.
 */

const Credentials = z.record(z.string(), z.string().min(1));

const MarketplaceSettings = z.strictObject({
  /** Override of the API host (a marketplace's homologation host, a proxy). */
  baseUrl: z.url().optional(),
  credentials: Credentials,
});

const ZendeskSettings = z
  .strictObject({
    /** Default `https://<subdomain>.zendesk.com`. */
    baseUrl: z.url().optional(),
    email: z.string().min(1).optional(),
    apiToken: z.string().min(1).optional(),
    oauthToken: z.string().min(1).optional(),
    /** Signing secret of the Zendesk webhook that calls `/webhooks/zendesk/<tenant>`. */
    webhookSecret: z.string().min(1).optional(),
  })
  .refine((z) => Boolean(z.oauthToken) || (Boolean(z.email) && Boolean(z.apiToken)), {
    message:
      'needs either "email" and "apiToken" (Admin Center › Apps and integrations › Zendesk API) or "oauthToken"',
  });

const TenantSettings = z.strictObject({
  /** The Zendesk subdomain (`minhaloja` for minhaloja.zendesk.com); also the tenant id. */
  subdomain: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the Zendesk subdomain in lower case, e.g. "minhaloja"'),
  name: z.string().min(1).optional(),
  zendesk: ZendeskSettings,
  marketplaces: z.partialRecord(z.enum(MARKETPLACE_SOURCES), MarketplaceSettings).optional(),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

export const ConfigFile = z.strictObject({
  port: z.unknown().optional(),
  host: z.unknown().optional(),
  dataDir: z.unknown().optional(),
  databaseUrl: z.unknown().optional(),
  secretKey: z.unknown().optional(),
  logLevel: z.unknown().optional(),
  pollIntervalMs: z.unknown().optional(),
  sandbox: z
    .strictObject({
      seed: z.unknown().optional(),
      scale: z.unknown().optional(),
      faultRate: z.unknown().optional(),
    })
    .optional(),
  tenants: z.array(TenantSettings).optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;
