import type { MarketplaceSource } from '@vitrine/shared';
import type { LogLevel } from '../logging';

export interface ZendeskTenantConfig {
  /** `https://<subdomain>.zendesk.com`, or the sandbox Zendesk. */
  baseUrl: string;
  email?: string;
  apiToken?: string;
  oauthToken?: string;
  webhookSecret?: string;
}

export interface MarketplaceTenantConfig {
  /** API host of the marketplace (the real one, a homologation host, or the simulator). */
  baseUrl: string;
  /** As configured; the service stores them encrypted and the sync engine reads them from the store. */
  credentials: Record<string, string>;
}

export interface TenantConfig {
  /** Equals the subdomain. */
  id: string;
  subdomain: string;
  name: string;
  zendesk: ZendeskTenantConfig;
  /** Only the marketplaces this tenant sells on. */
  marketplaces: Partial<Record<MarketplaceSource, MarketplaceTenantConfig>>;
}

export interface SandboxConfig {
  /** True when no tenant is configured: the service runs against its own simulators. */
  enabled: boolean;
  seed: number;
  scale: number;
  /** 0..1: share of simulated requests that fail. */
  faultRate: number;
}

export interface VitrineConfig {
  port: number;
  host: string;
  /** `http://<host>:<port>` as a client on this machine reaches it (0.0.0.0 → 127.0.0.1). */
  publicBaseUrl: string;
  /** Absolute path. */
  dataDir: string;
  /** PostgreSQL URL; undefined = SQLite under `dataDir`. */
  databaseUrl?: string;
  /** 32 bytes: encrypts connector credentials at rest. Never log it. */
  secretKey: Buffer;
  /** Where the key came from: the environment/file, or the data dir (sandbox mode generates it once). */
  secretKeyOrigin: 'setting' | 'data-dir' | 'generated';
  logLevel: LogLevel;
  /** Default poll interval of every stream. */
  pollIntervalMs: number;
  sandbox: SandboxConfig;
  tenants: TenantConfig[];
  /** The file named by VITRINE_CONFIG, when one was read. */
  configFile?: string;
}
