import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { openStore, type Store, type StoreDialect } from './db';
import { migrateToLatest } from './migrations';

/**
 * Runs a test suite on both store engines, for any test that touches the store:
 *
 *     describeEachEngine('outbox', (engine) => {
 *       it('drains once', async () => {
 *         await engine.store.db.insertInto(...)...;
 *       });
 *     });
 *
 * - SQLite: a fresh data dir under the OS temp dir (removed afterwards).
 * - PostgreSQL: `VITRINE_TEST_DATABASE_URL` (default `postgres://root@127.0.0.1:5432/test`), in a
 *   schema of its own per suite (set as `search_path`), so suites running in parallel never see each
 *   other's rows; the schema is dropped afterwards.
 * - Migrations are applied before the first test (`{ migrate: false }` to test migrations themselves).
 * - When PostgreSQL is unreachable the PostgreSQL half is skipped with a printed reason — except when
 *   `CI` is set: then it fails, because CI must test both engines.
 *
 * Errors from SQLite (better-sqlite3, a native module loaded once per jest worker) can fail jest's
 * `instanceof Error` check; assert `.rejects.toMatchObject({ message: … })` rather than `.toThrow()`.
 *
 * `engine.store` is the suite's store; `engine.openStore()` opens another connection to the same
 * database (e.g. to simulate a restart after a crash); the suite closes it at the end.
 */

export const TEST_DATABASE_URL =
  process.env.VITRINE_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface EngineUnderTest {
  readonly dialect: StoreDialect;
  /** The suite's store, open and migrated (unless `migrate: false`) from `beforeAll` on. */
  readonly store: Store;
  /** SQLite: the data dir holding `vitrine.db`. PostgreSQL: a temp dir for any files the test writes. */
  readonly dataDir: string;
  /** PostgreSQL: the database URL; undefined on SQLite. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL: the suite's schema; undefined on SQLite. */
  readonly pgSchema: string | undefined;
  /** Another store on the same database, closed when the suite ends. */
  openStore(): Promise<Store>;
}

export interface EngineSuiteOptions {
  /** Apply the migrations before the tests (default true). */
  migrate?: boolean;
}

const silent = { info: () => undefined, warn: () => undefined };

export function describeEachEngine(
  title: string,
  suite: (engine: EngineUnderTest) => void,
  options: EngineSuiteOptions = {},
): void {
  describe(`${title} [sqlite]`, () => defineEngineSuite('sqlite', suite, options));

  const unreachable = postgresUnreachableReason();
  if (!unreachable) {
    describe(`${title} [postgres]`, () => defineEngineSuite('postgres', suite, options));
  } else if (process.env.CI) {
    describe(`${title} [postgres]`, () => {
      it('needs PostgreSQL (CI must run the store tests on both engines)', () => {
        throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${unreachable}`);
      });
    });
  } else {
    console.warn(
      `Skipping "${title} [postgres]": PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${unreachable}).`,
    );
    describe.skip(`${title} [postgres]`, () => defineEngineSuite('postgres', suite, options));
  }
}

function defineEngineSuite(
  dialect: StoreDialect,
  suite: (engine: EngineUnderTest) => void,
  options: EngineSuiteOptions,
): void {
  let store: Store | undefined;
  const extraStores: Store[] = [];
  // Created when the suite starts, so a skipped suite leaves nothing behind.
  let dataDir: string | undefined;
  const requireDataDir = () => {
    if (!dataDir) throw new Error('The test data dir exists only inside tests and hooks (after beforeAll).');
    return dataDir;
  };
  const pgSchema = dialect === 'postgres' ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const databaseUrl = dialect === 'postgres' ? TEST_DATABASE_URL : undefined;
  const open = () => openStore({ databaseUrl, dataDir: requireDataDir(), log: silent, pgSchema });

  const engine: EngineUnderTest = {
    dialect,
    get store() {
      if (!store) throw new Error('The test store is open only inside tests and hooks (after beforeAll).');
      return store;
    },
    get dataDir() {
      return requireDataDir();
    },
    databaseUrl,
    pgSchema,
    async openStore() {
      const another = await open();
      extraStores.push(another);
      return another;
    },
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-store-'));
    if (pgSchema) await withAdminPool((pool) => pool.query(`create schema ${pgSchema}`));
    store = await open();
    if (options.migrate !== false) await migrateToLatest(store);
  });

  afterAll(async () => {
    for (const s of [...extraStores, ...(store ? [store] : [])]) await s.close().catch(() => undefined);
    if (pgSchema) await withAdminPool((pool) => pool.query(`drop schema if exists ${pgSchema} cascade`));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  suite(engine);
}

async function withAdminPool<T>(run: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}

let probed: { reason: string | undefined } | undefined;

/**
 * Jest defines suites synchronously, so reachability is probed in a child process (once per test
 * file): a short `select 1` with a 3-second limit.
 */
function postgresUnreachableReason(): string | undefined {
  if (probed) return probed.reason;
  const script = `
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.query('select 1')).then(() => c.end()).then(
      () => process.exit(0),
      (e) => { process.stderr.write(String(e && (e.message || e.code) || e)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, TEST_DATABASE_URL], {
    cwd: __dirname,
    encoding: 'utf8',
    timeout: 10_000,
  });
  const reason =
    result.status === 0
      ? undefined
      : (result.stderr || result.error?.message || 'no answer').trim().split('\n')[0];
  probed = { reason };
  return reason;
}
