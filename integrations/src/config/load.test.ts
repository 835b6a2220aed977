import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './errors';
import { loadConfig } from './load';
import { SANDBOX_TENANT_ID } from './sandbox-tenant';

const KEY = Buffer.alloc(32, 7).toString('base64');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(env: Record<string, string>) {
  return loadConfig({ env: { VITRINE_DATA_DIR: path.join(dir, 'data'), ...env }, cwd: dir });
}

function writeConfig(content: unknown): string {
  const file = path.join(dir, 'vitrine.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const tenant = {
  subdomain: 'minhaloja',
  zendesk: { email: 'a@minhaloja.com.br', apiToken: 'zd-token' },
  marketplaces: { madeiramadeira: { credentials: { token: 'TOKENMM' } } },
};

describe('defaults and sandbox mode', () => {
  it('with nothing configured runs the demo tenant against the simulators on its own server', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://127.0.0.1:3000',
      dataDir: path.join(dir, 'data'),
      logLevel: 'info',
      pollIntervalMs: 60000,
      sandbox: { enabled: true, seed: 42, scale: 1, faultRate: 0 },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.tenants).toHaveLength(1);
    const demo = config.tenants[0]!;
    expect(demo.id).toBe(SANDBOX_TENANT_ID);
    expect(demo.zendesk.baseUrl).toBe('http://127.0.0.1:3000/sandbox/zendesk');
    expect(demo.marketplaces.mercadolivre?.baseUrl).toBe('http://127.0.0.1:3000/sandbox/mercadolivre');
    expect(demo.marketplaces.americanas?.baseUrl).toBe('http://127.0.0.1:3000/sandbox/americanas');
    expect(demo.marketplaces.madeiramadeira?.baseUrl).toBe('http://127.0.0.1:3000/sandbox/madeiramadeira');
  });

  it('a wildcard HOST still gives sandbox URLs a client can call', () => {
    const config = load({ HOST: '0.0.0.0', PORT: '4100' });
    expect(config.tenants[0]?.zendesk.baseUrl).toBe('http://127.0.0.1:4100/sandbox/zendesk');
  });

  it('generates the secret key once, owner-only, and reuses it on the next start', () => {
    const first = load({});
    const keyFile = path.join(dir, 'data', 'secret.key');
    expect(first.secretKeyOrigin).toBe('generated');
    expect(first.secretKey).toHaveLength(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = load({});
    expect(second.secretKeyOrigin).toBe('data-dir');
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(second.tenants[0]?.zendesk.webhookSecret).toBe(first.tenants[0]?.zendesk.webhookSecret);
  });

  it('reads the sandbox knobs', () => {
    const config = load({
      VITRINE_SANDBOX_SEED: '7',
      VITRINE_SANDBOX_SCALE: '2.5',
      VITRINE_SANDBOX_FAULT_RATE: '0.2',
    });
    expect(config.sandbox).toEqual({ enabled: true, seed: 7, scale: 2.5, faultRate: 0.2 });
  });
});

describe('configured tenants', () => {
  it('reads tenants from the file, fills the production hosts, and lets the environment win', () => {
    const file = writeConfig({ port: 8080, logLevel: 'debug', tenants: [tenant] });
    const config = load({ VITRINE_CONFIG: file, VITRINE_SECRET_KEY: KEY, PORT: '9090' });
    expect(config.sandbox.enabled).toBe(false);
    expect(config.port).toBe(9090);
    expect(config.logLevel).toBe('debug');
    expect(config.configFile).toBe(file);
    expect(config.tenants).toEqual([
      {
        id: 'minhaloja',
        subdomain: 'minhaloja',
        name: 'minhaloja',
        zendesk: {
          baseUrl: 'https://minhaloja.zendesk.com',
          email: 'a@minhaloja.com.br',
          apiToken: 'zd-token',
        },
        marketplaces: {
          madeiramadeira: {
            baseUrl: 'https://marketplace.madeiramadeira.com.br',
            credentials: { token: 'TOKENMM' },
          },
        },
      },
    ]);
  });

  it('the example file is valid', () => {
    const example = path.join(__dirname, 'vitrine.config.example.json');
    const config = load({ VITRINE_CONFIG: example, VITRINE_SECRET_KEY: KEY });
    expect(config.tenants.map((t) => t.id)).toEqual(['minhaloja']);
    expect(Object.keys(config.tenants[0]!.marketplaces).sort()).toEqual([
      'americanas',
      'madeiramadeira',
      'mercadolivre',
    ]);
  });

  it('accepts a hex key and a PostgreSQL URL', () => {
    const config = load({
      VITRINE_SECRET_KEY: 'ab'.repeat(32),
      DATABASE_URL: 'postgresql://u:p@db:5432/vitrine',
    });
    expect(config.secretKey).toEqual(Buffer.alloc(32, 0xab));
    expect(config.databaseUrl).toBe('postgresql://u:p@db:5432/vitrine');
  });
});

describe('a wrong or missing setting stops startup with one sentence naming it and the fix', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'short secret key',
      { VITRINE_SECRET_KEY: Buffer.alloc(12).toString('base64') },
      'VITRINE_SECRET_KEY must be 32 bytes in base64 or hex (got 12 bytes). Generate one with: openssl rand -base64 32',
    ],
    [
      'port text',
      { PORT: 'abc' },
      'PORT must be a whole number from 0 to 65535 (got "abc"); set for example PORT=3000, or leave it unset.',
    ],
    ['port too big', { PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000")'],
    [
      'log level',
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose").',
    ],
    [
      'poll interval',
      { VITRINE_POLL_INTERVAL_MS: '10' },
      'VITRINE_POLL_INTERVAL_MS must be a whole number from 1000',
    ],
    [
      'fault rate',
      { VITRINE_SANDBOX_FAULT_RATE: '20%' },
      'VITRINE_SANDBOX_FAULT_RATE must be a number from 0 to 1 (got "20%")',
    ],
    ['scale', { VITRINE_SANDBOX_SCALE: '0' }, 'VITRINE_SANDBOX_SCALE must be a number from 0.01 to 1000'],
    ['seed', { VITRINE_SANDBOX_SEED: '1.5' }, 'VITRINE_SANDBOX_SEED must be a whole number'],
    [
      'database url',
      { DATABASE_URL: 'mysql://root:hunter2@db/vitrine' },
      'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/vitrine (got a mysql:// URL); unset it to use the built-in SQLite store.',
    ],
    ['config file missing', { VITRINE_CONFIG: 'nope.json' }, 'VITRINE_CONFIG points at'],
  ];

  it.each(cases)('%s', (_name, env, expected) => {
    const message = errorOf(() => load(env));
    expect(message).toContain(expected);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('never repeats a database password', () => {
    expect(errorOf(() => load({ DATABASE_URL: 'mysql://root:hunter2@db/vitrine' }))).not.toContain('hunter2');
  });

  it('a configured tenant without VITRINE_SECRET_KEY', () => {
    const file = writeConfig({ tenants: [tenant] });
    expect(errorOf(() => load({ VITRINE_CONFIG: file }))).toBe(
      'VITRINE_SECRET_KEY is not set; it encrypts the marketplace credentials at rest. Generate one with: openssl rand -base64 32',
    );
  });

  it('a config file that is not JSON', () => {
    const file = writeConfig('{ "port": 3000, }');
    expect(errorOf(() => load({ VITRINE_CONFIG: file }))).toMatch(
      /^VITRINE_CONFIG file .*vitrine\.json is not valid JSON \(.+\); fix the file\.$/,
    );
  });

  it('a misspelt setting in the file', () => {
    const file = writeConfig({ tenant: [tenant] });
    expect(errorOf(() => load({ VITRINE_CONFIG: file }))).toContain(
      'has unknown setting "tenant"; check its spelling',
    );
  });

  it('a tenant without Zendesk credentials', () => {
    const file = writeConfig({ tenants: [{ ...tenant, zendesk: { email: 'a@b.c' } }] });
    expect(errorOf(() => load({ VITRINE_CONFIG: file, VITRINE_SECRET_KEY: KEY }))).toContain(
      'tenants[0].zendesk needs either "email" and "apiToken"',
    );
  });

  it('a tenant without a subdomain', () => {
    const file = writeConfig({ tenants: [{ zendesk: tenant.zendesk }] });
    expect(errorOf(() => load({ VITRINE_CONFIG: file, VITRINE_SECRET_KEY: KEY }))).toContain(
      'tenants[0].subdomain is missing; add it to the file.',
    );
  });

  it('an unknown marketplace', () => {
    const file = writeConfig({
      tenants: [{ ...tenant, marketplaces: { shopee: { credentials: { a: 'b' } } } }],
    });
    expect(errorOf(() => load({ VITRINE_CONFIG: file, VITRINE_SECRET_KEY: KEY }))).toContain(
      'tenants[0].marketplaces',
    );
  });

  it('the same tenant twice', () => {
    const file = writeConfig({ tenants: [tenant, tenant] });
    expect(errorOf(() => load({ VITRINE_CONFIG: file, VITRINE_SECRET_KEY: KEY }))).toContain(
      'lists the tenant "minhaloja" twice',
    );
  });

  it('a damaged sandbox key file', () => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'secret.key'), 'short');
    expect(errorOf(() => load({}))).toContain('is damaged');
  });
});
