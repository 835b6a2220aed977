import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

/** Sync engine tables; row types and column meanings in `../tables/sync.ts`. */
export async function up(db: Kysely<any>): Promise<void> {
  // An auto-increment id is the one column type the two engines spell differently.
  const onPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const withSerialId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    onPostgres
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const tenantColumn = (table: CreateTableBuilder<any, any>) =>
    table.addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'));

  await tenantColumn(db.schema.createTable('sync_conversations'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('order_number', 'text')
    .addColumn('subject', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_status', 'text')
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('counterparts', 'text', (c) => c.notNull())
    .addColumn('requester_user_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('customer_due_at', 'text')
    .addColumn('marketplace_due_at', 'text')
    .addColumn('reported_due_at', 'text')
    .addColumn('source_updated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_conversations_pk', ['tenant_id', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('sync_conversations_ticket_idx')
    .on('sync_conversations')
    .columns(['tenant_id', 'ticket_id'])
    .execute();

  await tenantColumn(db.schema.createTable('sync_messages'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('conversation_external_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('counterpart', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('comment_state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_messages_pk', [
      'tenant_id',
      'source',
      'conversation_external_id',
      'external_id',
    ])
    .execute();

  await tenantColumn(withSerialId(db.schema.createTable('sync_outbox')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('job_id', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One effect per key and tenant: enqueuing the same change twice is a no-op.
    .addUniqueConstraint('sync_outbox_key_uq', ['tenant_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('sync_outbox_status_idx')
    .on('sync_outbox')
    .columns(['tenant_id', 'status', 'id'])
    .execute();

  await tenantColumn(db.schema.createTable('sync_relayed_replies'))
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('conversation_external_id', 'text', (c) => c.notNull())
    .addColumn('counterpart', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('marketplace_message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A Zendesk comment is relayed at most once, whatever the number of webhook deliveries.
    .addPrimaryKeyConstraint('sync_relayed_replies_pk', ['tenant_id', 'comment_id'])
    .execute();

  await tenantColumn(withSerialId(db.schema.createTable('sync_webhook_deliveries')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sync_webhook_deliveries_dedupe_uq', ['tenant_id', 'dedupe_key'])
    .execute();

  await tenantColumn(db.schema.createTable('sync_duplicate_links'))
    .addColumn('ticket_a', 'text', (c) => c.notNull())
    .addColumn('ticket_b', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_duplicate_links_pk', ['tenant_id', 'ticket_a', 'ticket_b'])
    .execute();

  await tenantColumn(db.schema.createTable('sync_zendesk_tickets'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('external_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_zendesk_tickets_pk', ['tenant_id', 'ticket_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'sync_zendesk_tickets',
    'sync_duplicate_links',
    'sync_webhook_deliveries',
    'sync_relayed_replies',
    'sync_outbox',
    'sync_messages',
    'sync_conversations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
