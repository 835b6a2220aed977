import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from '../db';
import { StoreError } from '../db';
import * as core from './001_core';
import * as syncTables from './002_sync';
import * as appTables from './003_app';
import * as credentialsConfigHash from './004_credentials_config_hash';

/**
 * Every migration, in order. Migrations live in code (not read from a folder at runtime) so the
 * compiled service and the tests run exactly the same list. They run on SQLite and PostgreSQL alike:
 * use only portable column types (see `../tables/core.ts`). Never edit a released migration; add one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001_core': core,
  '002_sync': syncTables,
  '003_app': appTables,
  '004_credentials_config_hash': credentialsConfigHash,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export interface MigrationOutcome {
  /** Names of the migrations applied by this run (empty when the store was up to date). */
  applied: string[];
}

/** Brings the store to the latest schema; safe to run any number of times, and concurrently. */
export async function migrateToLatest(store: Store): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    // On PostgreSQL, keep kysely's bookkeeping tables in the schema we work in: kysely otherwise
    // looks for them in every schema of the database and may find another application's.
    ...(store.dialect === 'postgres' ? { migrationTableSchema: await currentSchema(store) } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

async function currentSchema(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new StoreError(
      'PostgreSQL has no current schema: set a search_path that names an existing schema.',
    );
  }
  return schema;
}
