import type { CreateTableBuilder, Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

/** Context API tables; row types and column meanings in `../tables/app.ts`. */
export async function up(db: Kysely<any>): Promise<void> {
  const tenantColumn = (table: CreateTableBuilder<any, any>) =>
    table.addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'));

  await tenantColumn(db.schema.createTable('app_orders'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_status', 'text')
    .addColumn('customer_document', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('customer_email', 'text')
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('items_total_cents', 'integer', (c) => c.notNull())
    .addColumn('shipping_cents', 'integer', (c) => c.notNull())
    .addColumn('discount_cents', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('invoiced_at', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('canceled_at', 'text')
    .addColumn('estimated_delivery_date', 'text')
    .addColumn('revised_delivery_date', 'text')
    .addColumn('invoices', 'text', (c) => c.notNull())
    .addColumn('shipping_address', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('source_updated_at', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_orders_pk', ['tenant_id', 'source', 'external_id'])
    .execute();
  // Lookup by customer key: newest order first, so the index also serves the ordering.
  for (const key of ['document', 'phone', 'email']) {
    await db.schema
      .createIndex(`app_orders_${key}_idx`)
      .on('app_orders')
      .columns(['tenant_id', `customer_${key}`, 'placed_at'])
      .execute();
  }

  await tenantColumn(db.schema.createTable('app_order_numbers'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_external_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_order_numbers_pk', ['tenant_id', 'number', 'source', 'order_external_id'])
    .execute();

  await tenantColumn(db.schema.createTable('app_shipments'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_external_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('carrier_name', 'text')
    .addColumn('tracking_code', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addColumn('estimated_delivery_date', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addPrimaryKeyConstraint('app_shipments_pk', ['tenant_id', 'source', 'order_external_id', 'position'])
    .execute();
  await db.schema
    .createIndex('app_shipments_tracking_idx')
    .on('app_shipments')
    .columns(['tenant_id', 'tracking_code'])
    .execute();

  await tenantColumn(db.schema.createTable('app_customer_notes'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addPrimaryKeyConstraint('app_customer_notes_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('app_customer_notes_customer_idx')
    .on('app_customer_notes')
    .columns(['tenant_id', 'customer_key', 'created_at'])
    .execute();

  await tenantColumn(db.schema.createTable('app_csat_ratings'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text')
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('channel', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('requester_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_csat_ratings_pk', ['tenant_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('app_csat_ratings_customer_idx')
    .on('app_csat_ratings')
    .columns(['tenant_id', 'customer_key'])
    .execute();
  await db.schema
    .createIndex('app_csat_ratings_ticket_idx')
    .on('app_csat_ratings')
    .columns(['tenant_id', 'ticket_id'])
    .execute();

  await tenantColumn(db.schema.createTable('app_ticket_links'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_external_id', 'text', (c) => c.notNull())
    .addColumn('matched_kind', 'text', (c) => c.notNull())
    .addColumn('matched_value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_ticket_links_pk', ['tenant_id', 'ticket_id'])
    .execute();

  await tenantColumn(db.schema.createTable('app_installations'))
    .addColumn('installation_id', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('iv', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('app_installations_pk', ['tenant_id', 'installation_id'])
    .execute();

  // The sync engine's duplicate links are keyed (tenant, ticket_a, ticket_b); the context reads the
  // links of one ticket from either side, so the b side needs its own index.
  await db.schema
    .createIndex('sync_duplicate_links_ticket_b_idx')
    .on('sync_duplicate_links')
    .columns(['tenant_id', 'ticket_b'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sync_duplicate_links_ticket_b_idx').ifExists().execute();
  for (const table of [
    'app_installations',
    'app_ticket_links',
    'app_csat_ratings',
    'app_customer_notes',
    'app_shipments',
    'app_order_numbers',
    'app_orders',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
