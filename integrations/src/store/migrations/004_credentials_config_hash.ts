import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

/**
 * Remembers which configured credentials a row was last provisioned from, so a restart does not
 * overwrite credentials the service rotated since (Mercado Livre refresh tokens are single-use).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connector_credentials').addColumn('config_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connector_credentials').dropColumn('config_hash').execute();
}
