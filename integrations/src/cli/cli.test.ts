import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../store/migrations';
import { advanceCheckpoint, recordStreamFailure } from '../store/checkpoints';
import { quarantineRecord } from '../store/quarantine';
import { upsertRawRecord } from '../store/raw-records';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine, type EngineUnderTest } from '../store/testing';

/**
 * The real `vitrine` command, as a seller's admin runs it: `node bin/vitrine.js …` on the compiled
 * service. Build first (`npx tsc -b shared integrations`; `npm test` does it).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'vitrine.js');
const BUILT = path.join(ROOT, 'integrations', 'dist', 'cli', 'main.js');

// Each test starts real processes on a shared 2-core machine.
jest.setTimeout(120_000);

function vitrine(engine: EngineUnderTest, args: string[], env: Record<string, string> = {}) {
  const databaseUrl = engine.databaseUrl
    ? // The suite's own schema, through libpq's `options` (what `search_path` the server applies).
      `${engine.databaseUrl}?options=${encodeURIComponent(`-c search_path=${engine.pgSchema}`)}`
    : '';
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: engine.dataDir,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? '',
      VITRINE_DATA_DIR: engine.dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(BUILT))
    throw new Error(`${BUILT} is missing: build first with npx tsc -b shared integrations`);
});

describeEachEngine(
  'vitrine CLI on a store',
  (engine) => {
    it('migrate creates the schema, and says so; a second run has nothing to do', () => {
      const first = vitrine(engine, ['migrate']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toContain(`applied ${Object.keys(MIGRATIONS).join(', ')}`);
      expect(first.stdout).toContain('001_core, 002_sync, 003_app');
      const second = vitrine(engine, ['migrate']);
      expect(second.stdout).toContain('already up to date');
    });

    it('status --json reports each stream of each tenant, with quarantine and errors', async () => {
      const db = engine.store.db;
      await upsertTenant(db, {
        id: 'moveis-sul',
        subdomain: 'moveis-sul',
        name: 'Móveis Sul',
        zendeskBaseUrl: 'x',
      });
      for (const id of ['S1', 'S2']) {
        await upsertRawRecord(db, {
          tenantId: 'moveis-sul',
          source: 'madeiramadeira',
          stream: 'madeiramadeira.sessions',
          externalId: id,
          payload: { id },
        });
      }
      await advanceCheckpoint(db, {
        tenantId: 'moveis-sul',
        stream: 'madeiramadeira.sessions',
        cursor: '2',
        records: 2,
      });
      await recordStreamFailure(db, { tenantId: 'moveis-sul', stream: 'americanas.sac', error: 'HTTP 401' });
      await quarantineRecord(db, {
        tenantId: 'moveis-sul',
        stream: 'madeiramadeira.sessions',
        externalId: 'S3',
        reason: 'status_id: 9 is not a Mensageria status',
        payload: { id: 'S3', status_id: 9 },
      });

      const { code, stdout, stderr } = vitrine(engine, ['status', '--json']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const status = JSON.parse(stdout);
      expect(status).toEqual({
        tenants: [
          {
            id: 'moveis-sul',
            streams: [
              {
                name: 'americanas.sac',
                records: 0,
                lastSyncedAt: null,
                lagSeconds: null,
                errors: 1,
                lastError: 'HTTP 401',
                quarantined: 0,
              },
              {
                name: 'madeiramadeira.sessions',
                records: 2,
                lastSyncedAt: expect.stringMatching(/Z$/),
                lagSeconds: expect.any(Number),
                errors: 0,
                lastError: null,
                quarantined: 1,
              },
            ],
            outbox: { pending: 0, failed: 0 },
          },
        ],
      });
      expect(status.tenants[0].streams[1].lagSeconds).toBeLessThan(60);
    });

    it('status without --json prints a table a person can read', () => {
      const { code, stdout } = vitrine(engine, ['status']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/moveis-sul\n\s+stream\s+records/);
      expect(stdout).toContain('americanas.sac last error: HTTP 401');
    });
  },
  { migrate: false },
);

describeEachEngine(
  'vitrine CLI errors',
  (engine) => {
    it('a bad setting: one line on stderr, exit 1, no stack trace', () => {
      const { code, stdout, stderr } = vitrine(engine, ['status'], { VITRINE_SECRET_KEY: 'c2VjcmV0' });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'vitrine: VITRINE_SECRET_KEY must be 32 bytes in base64 or hex (got 6 bytes). Generate one with: openssl rand -base64 32\n',
      );
    });

    it('usage errors exit with 2', () => {
      expect(vitrine(engine, ['sync']).code).toBe(2);
      const badSource = vitrine(engine, ['sync', '--once', '--source', 'shopee']);
      expect(badSource.code).toBe(2);
      expect(badSource.stderr).toContain(
        'unknown source "shopee"; use one of: madeiramadeira, americanas, mercadolivre',
      );
      expect(vitrine(engine, ['status', '--bogus']).code).toBe(2);
      expect(vitrine(engine, ['no-such-command']).code).toBe(2);
    });

    it('status on a store nothing ran on yet says so instead of failing', () => {
      const { code, stdout } = vitrine(engine, ['status', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ tenants: [] });
    });
  },
  { migrate: false },
);

describe('vitrine CLI without its database', () => {
  it('names the unreachable PostgreSQL server without its password, and the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-cli-'));
    try {
      const result = spawnSync(process.execPath, [BIN, 'status'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          VITRINE_DATA_DIR: dir,
          DATABASE_URL: 'postgres://vitrine:s3nh4@127.0.0.1:1/vitrine',
        },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^vitrine: Could not connect to PostgreSQL at 127\.0\.0\.1:1\/vitrine \(.+\)\. Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use SQLite\.\n$/,
      );
      expect(result.stderr).not.toContain('s3nh4');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
