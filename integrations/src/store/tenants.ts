import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { TenantsTable } from './tables/core';
import { toStoredTime } from './time';

export interface Tenant {
  id: string;
  subdomain: string;
  name: string;
  zendeskBaseUrl: string;
  createdAt: string;
}

export interface TenantInput {
  id: string;
  subdomain: string;
  name: string;
  zendeskBaseUrl: string;
}

/** Creates the tenant or updates its name and Zendesk URL; `created_at` keeps its first value. */
export async function upsertTenant(db: Kysely<Database>, tenant: TenantInput): Promise<void> {
  await db
    .insertInto('tenants')
    .values({
      id: tenant.id,
      subdomain: tenant.subdomain,
      name: tenant.name,
      zendesk_base_url: tenant.zendeskBaseUrl,
      created_at: toStoredTime(),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        subdomain: tenant.subdomain,
        name: tenant.name,
        zendesk_base_url: tenant.zendeskBaseUrl,
      }),
    )
    .execute();
}

export async function getTenant(db: Kysely<Database>, id: string): Promise<Tenant | undefined> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTenant(row);
}

export async function getTenantBySubdomain(
  db: Kysely<Database>,
  subdomain: string,
): Promise<Tenant | undefined> {
  const row = await db
    .selectFrom('tenants')
    .selectAll()
    .where('subdomain', '=', subdomain)
    .executeTakeFirst();
  return row && toTenant(row);
}

export async function listTenants(db: Kysely<Database>): Promise<Tenant[]> {
  const rows = await db.selectFrom('tenants').selectAll().orderBy('id').execute();
  return rows.map(toTenant);
}

function toTenant(row: TenantsTable): Tenant {
  return {
    id: row.id,
    subdomain: row.subdomain,
    name: row.name,
    zendeskBaseUrl: row.zendesk_base_url,
    createdAt: row.created_at,
  };
}
