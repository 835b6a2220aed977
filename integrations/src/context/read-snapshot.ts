import type { Kysely } from 'kysely';
import type { Store } from '../store/db';
import type { Database } from '../store/schema';

/**
 * Runs the context's reads. On SQLite, inside one transaction: the reads see one snapshot (order
 * and shipments from the same moment as the conversation), and the file's read lock is taken once
 * instead of once per statement, which is measurable on the hot path. On PostgreSQL the reads go
 * out in parallel on the pool; a transaction would pin them to one connection, one after another.
 */
export function withReadSnapshot<T>(store: Store, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.dialect === 'sqlite' ? store.db.transaction().execute(read) : read(store.db);
}
