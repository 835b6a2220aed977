import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { LogLevel } from '../logging';
import { ConfigError } from './errors';
import { ConfigFile, type TenantSettings } from './file-schema';
import { sandboxTenant } from './sandbox-tenant';
import { keyFromSetting, sandboxKeyFromDataDir } from './secret-key';
import { readChoice, readDatabaseUrl, readInteger, readNumber, readText, type Raw } from './settings';
import type { TenantConfig, VitrineConfig } from './types';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Production hosts of the marketplace APIs (see /work/shared/reference/br-apis.md in the design notes). */
export const MARKETPLACE_BASE_URLS = {
  madeiramadeira: 'https://marketplace.madeiramadeira.com.br',
  americanas: 'https://api.skyhub.com.br',
  mercadolivre: 'https://api.mercadolibre.com',
} as const;

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Relative paths (VITRINE_DATA_DIR, VITRINE_CONFIG) resolve from here. */
  cwd?: string;
}

/**
 * Reads the settings from the environment and the optional VITRINE_CONFIG file (environment wins),
 * validates them and throws a ConfigError with one sentence on the first problem. In sandbox mode
 * (no tenant configured) it may create `<dataDir>/secret.key`.
 */
export function loadConfig(options: LoadConfigOptions = {}): VitrineConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const envValue = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };

  const configFile = envValue('VITRINE_CONFIG') ? path.resolve(cwd, envValue('VITRINE_CONFIG')!) : undefined;
  const file = configFile ? readConfigFile(configFile) : {};
  const pick = (name: string, fromFile: Raw): Raw => envValue(name) ?? fromFile;

  const port =
    optional(pick('PORT', file.port), (v) => readInteger('PORT', v, { min: 0, max: 65535 }, '3000')) ?? 3000;
  const host =
    optional(pick('HOST', file.host), (v) => readText('HOST', v, 'set HOST=127.0.0.1 or HOST=0.0.0.0')) ??
    '127.0.0.1';
  const dataDir = path.resolve(
    cwd,
    optional(pick('VITRINE_DATA_DIR', file.dataDir), (v) =>
      readText('VITRINE_DATA_DIR', v, 'set it to a writable folder, e.g. VITRINE_DATA_DIR=./data'),
    ) ?? './data',
  );
  const databaseUrl = optional(pick('DATABASE_URL', file.databaseUrl), (v) =>
    readDatabaseUrl('DATABASE_URL', v),
  );
  const logLevel =
    optional(pick('LOG_LEVEL', file.logLevel), (v) => readChoice('LOG_LEVEL', v, LOG_LEVELS)) ?? 'info';
  const pollIntervalMs =
    optional(pick('VITRINE_POLL_INTERVAL_MS', file.pollIntervalMs), (v) =>
      readInteger('VITRINE_POLL_INTERVAL_MS', v, { min: 1000, max: 86_400_000 }, '60000'),
    ) ?? 60_000;
  const seed =
    optional(pick('VITRINE_SANDBOX_SEED', file.sandbox?.seed), (v) =>
      readInteger('VITRINE_SANDBOX_SEED', v, { min: 0, max: 2 ** 31 - 1 }, '42'),
    ) ?? 42;
  const scale =
    optional(pick('VITRINE_SANDBOX_SCALE', file.sandbox?.scale), (v) =>
      readNumber('VITRINE_SANDBOX_SCALE', v, { min: 0.01, max: 1000 }, '1'),
    ) ?? 1;
  const faultRate =
    optional(pick('VITRINE_SANDBOX_FAULT_RATE', file.sandbox?.faultRate), (v) =>
      readNumber('VITRINE_SANDBOX_FAULT_RATE', v, { min: 0, max: 1 }, '0.2'),
    ) ?? 0;

  const publicBaseUrl = `http://${reachableHost(host)}:${port}`;
  const sandboxEnabled = !file.tenants || file.tenants.length === 0;
  const secretSetting = pick('VITRINE_SECRET_KEY', file.secretKey);

  let secretKey: Buffer;
  let secretKeyOrigin: VitrineConfig['secretKeyOrigin'];
  if (secretSetting !== undefined) {
    secretKey = keyFromSetting(typeof secretSetting === 'string' ? secretSetting : String(secretSetting));
    secretKeyOrigin = 'setting';
  } else if (sandboxEnabled) {
    const sandboxKey = sandboxKeyFromDataDir(dataDir);
    secretKey = sandboxKey.key;
    secretKeyOrigin = sandboxKey.origin;
  } else {
    throw new ConfigError(
      'VITRINE_SECRET_KEY is not set; it encrypts the marketplace credentials at rest. Generate one with: openssl rand -base64 32',
    );
  }

  const tenants = sandboxEnabled
    ? [sandboxTenant(publicBaseUrl, secretKey)]
    : file.tenants!.map(toTenantConfig);
  assertUniqueSubdomains(tenants, configFile);

  return {
    port,
    host,
    publicBaseUrl,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    secretKey,
    secretKeyOrigin,
    logLevel,
    pollIntervalMs,
    sandbox: { enabled: sandboxEnabled, seed, scale, faultRate },
    tenants,
    ...(configFile ? { configFile } : {}),
  };
}

function optional<T>(value: Raw, read: (value: Raw) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value);
}

/** A wildcard listen address is not one a client can call: the sandbox URLs use loopback instead. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT'
        ? `VITRINE_CONFIG points at ${file}, which does not exist; fix the path or unset VITRINE_CONFIG.`
        : `VITRINE_CONFIG file ${file} cannot be read (${code ?? (err as Error).message}); fix its permissions.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `VITRINE_CONFIG file ${file} is not valid JSON (${(err as Error).message}); fix the file.`,
    );
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) throw new ConfigError(describeFileIssue(file, parsed.error.issues[0]));
  return parsed.data;
}

function describeFileIssue(file: string, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return `VITRINE_CONFIG file ${file} is not valid; fix the file.`;
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `VITRINE_CONFIG file ${file} has unknown setting ${keys}${where ? ` in ${where}` : ''}; check its spelling against integrations/src/config/vitrine.config.example.json.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `VITRINE_CONFIG file ${file}: ${where} is missing; add it to the file.`;
  }
  return `VITRINE_CONFIG file ${file}: ${where || 'the file'} ${issue.message}; fix the file.`;
}

function formatPath(pathItems: readonly PropertyKey[]): string {
  return pathItems.reduce<string>(
    (out, item) =>
      typeof item === 'number' ? `${out}[${item}]` : out ? `${out}.${String(item)}` : String(item),
    '',
  );
}

function toTenantConfig(settings: TenantSettings): TenantConfig {
  const marketplaces: TenantConfig['marketplaces'] = {};
  for (const [source, market] of Object.entries(settings.marketplaces ?? {}) as [
    keyof typeof MARKETPLACE_BASE_URLS,
    { baseUrl?: string; credentials: Record<string, string> } | undefined,
  ][]) {
    if (!market) continue;
    marketplaces[source] = {
      baseUrl: market.baseUrl ?? MARKETPLACE_BASE_URLS[source],
      credentials: market.credentials,
    };
  }
  return {
    id: settings.subdomain,
    subdomain: settings.subdomain,
    name: settings.name ?? settings.subdomain,
    zendesk: {
      baseUrl: settings.zendesk.baseUrl ?? `https://${settings.subdomain}.zendesk.com`,
      ...(settings.zendesk.email ? { email: settings.zendesk.email } : {}),
      ...(settings.zendesk.apiToken ? { apiToken: settings.zendesk.apiToken } : {}),
      ...(settings.zendesk.oauthToken ? { oauthToken: settings.zendesk.oauthToken } : {}),
      ...(settings.zendesk.webhookSecret ? { webhookSecret: settings.zendesk.webhookSecret } : {}),
    },
    marketplaces,
  };
}

function assertUniqueSubdomains(tenants: TenantConfig[], file: string | undefined): void {
  const seen = new Set<string>();
  for (const tenant of tenants) {
    if (seen.has(tenant.subdomain)) {
      throw new ConfigError(
        `VITRINE_CONFIG file ${file ?? ''} lists the tenant "${tenant.subdomain}" twice; keep one entry per Zendesk subdomain.`,
      );
    }
    seen.add(tenant.subdomain);
  }
}
