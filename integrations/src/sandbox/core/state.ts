import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The simulators are "the outside world": what a marketplace or Zendesk has accepted must still be
 * there after the service is killed (`kill -9`) and restarted, exactly like a real remote system.
 * So their state lives in its own SQLite file (`sandbox.db`), never in the service's store, and
 * every write is committed before the simulated HTTP answer leaves.
 *
 * Layout: one generic table of JSON documents keyed by (collection, id), a secondary table of
 * declared lookup keys (e.g. a ticket's `external_id`, a user's e-mail), and named counters for ids.
 */

export type RecordId = string | number;

export interface CollectionOptions<T> {
  /**
   * Lookup keys kept in sync on every `put`: name → function returning the key values of a record
   * (several values allowed, e.g. every e-mail identity of a user). Values are compared as strings.
   */
  indexes?: Record<
    string,
    (record: T) => ReadonlyArray<string | number | null | undefined> | string | number | null | undefined
  >;
}

export interface PageOptions<T> {
  /** Return records inserted after this position (`position` of a previous page's last record). */
  after?: number;
  limit?: number;
  /** Newest first (positions descending). */
  descending?: boolean;
  filter?: (record: T) => boolean;
}

export interface Page<T> {
  items: T[];
  /** Insertion position of the last returned record (the cursor for the next page), or null. */
  lastPosition: number | null;
  hasMore: boolean;
}

export class Collection<T> {
  constructor(
    private readonly state: SandboxState,
    readonly name: string,
    private readonly options: CollectionOptions<T>,
  ) {}

  get(id: RecordId): T | undefined {
    const row = this.state.statements.get.get(this.name, String(id)) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  has(id: RecordId): boolean {
    return this.state.statements.get.get(this.name, String(id)) !== undefined;
  }

  /** Inserts or replaces. A replaced record keeps its insertion position. */
  put(id: RecordId, record: T): T {
    const key = String(id);
    this.state.transaction(() => {
      this.state.statements.upsert.run(this.name, key, JSON.stringify(record));
      this.state.statements.deleteKeys.run(this.name, key);
      for (const [index, extract] of Object.entries(this.options.indexes ?? {})) {
        const raw = extract(record);
        const values = Array.isArray(raw) ? raw : [raw];
        for (const value of new Set(values.filter((v) => v !== null && v !== undefined).map(String))) {
          this.state.statements.insertKey.run(this.name, index, value, key);
        }
      }
    });
    return record;
  }

  /** Reads, changes and writes one record in a transaction; returns the new value (undefined if absent). */
  update(id: RecordId, change: (current: T) => T): T | undefined {
    return this.state.transaction(() => {
      const current = this.get(id);
      if (current === undefined) return undefined;
      return this.put(id, change(current));
    });
  }

  delete(id: RecordId): boolean {
    const key = String(id);
    return this.state.transaction(() => {
      this.state.statements.deleteKeys.run(this.name, key);
      return this.state.statements.delete.run(this.name, key).changes > 0;
    });
  }

  /** Records whose declared index `index` contains `value`, in insertion order. */
  findBy(index: string, value: string | number): T[] {
    if (!this.options.indexes?.[index]) throw new Error(`Collection "${this.name}" has no index "${index}"`);
    const rows = this.state.statements.findBy.all(this.name, index, String(value)) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as T);
  }

  findOneBy(index: string, value: string | number): T | undefined {
    return this.findBy(index, value)[0];
  }

  count(): number {
    return (this.state.statements.count.get(this.name) as { n: number }).n;
  }

  /** Every record in insertion order. Fine for tens of thousands; use `page` to walk bigger sets. */
  list(filter?: (record: T) => boolean): T[] {
    const rows = this.state.statements.listAll.all(this.name) as { data: string }[];
    const all = rows.map((row) => JSON.parse(row.data) as T);
    return filter ? all.filter(filter) : all;
  }

  /** A page in insertion order after a position; scans in chunks so a sparse filter stays cheap. */
  page(options: PageOptions<T> = {}): Page<T> {
    const limit = options.limit ?? 100;
    const items: T[] = [];
    let position = options.after ?? (options.descending ? Number.MAX_SAFE_INTEGER : 0);
    let lastPosition: number | null = null;
    const stmt = options.descending ? this.state.statements.pageDesc : this.state.statements.pageAsc;
    for (;;) {
      const rows = stmt.all(this.name, position, 500) as { data: string; position: number }[];
      if (rows.length === 0) return { items, lastPosition, hasMore: false };
      for (const row of rows) {
        position = row.position;
        const record = JSON.parse(row.data) as T;
        if (options.filter && !options.filter(record)) continue;
        if (items.length === limit) return { items, lastPosition, hasMore: true };
        items.push(record);
        lastPosition = row.position;
      }
    }
  }

  /** Next integer id of this collection (persistent, never reused). */
  nextId(start = 1): number {
    return this.state.nextValue(`id:${this.name}`, start);
  }
}

interface Statements {
  get: Database.Statement;
  upsert: Database.Statement;
  delete: Database.Statement;
  deleteKeys: Database.Statement;
  insertKey: Database.Statement;
  findBy: Database.Statement;
  count: Database.Statement;
  listAll: Database.Statement;
  pageAsc: Database.Statement;
  pageDesc: Database.Statement;
  counterGet: Database.Statement;
  counterSet: Database.Statement;
}

export class SandboxState {
  /** @internal prepared statements shared by the collections. */
  readonly statements: Statements;
  private readonly collections = new Map<string, Collection<unknown>>();

  private constructor(
    readonly file: string,
    private readonly db: Database.Database,
  ) {
    this.statements = {
      get: db.prepare('SELECT data FROM sandbox_records WHERE collection = ? AND id = ?'),
      upsert: db.prepare(
        `INSERT INTO sandbox_records (collection, id, data) VALUES (?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data`,
      ),
      delete: db.prepare('DELETE FROM sandbox_records WHERE collection = ? AND id = ?'),
      deleteKeys: db.prepare('DELETE FROM sandbox_keys WHERE collection = ? AND id = ?'),
      insertKey: db.prepare(
        'INSERT OR IGNORE INTO sandbox_keys (collection, name, value, id) VALUES (?, ?, ?, ?)',
      ),
      findBy: db.prepare(
        // CROSS JOIN pins the key table as the outer loop: without it SQLite may walk every record of
        // the collection in position order to satisfy ORDER BY, turning a lookup into a scan.
        `SELECT r.data FROM sandbox_keys k CROSS JOIN sandbox_records r ON r.collection = k.collection AND r.id = k.id
         WHERE k.collection = ? AND k.name = ? AND k.value = ? ORDER BY r.position`,
      ),
      count: db.prepare('SELECT COUNT(*) AS n FROM sandbox_records WHERE collection = ?'),
      listAll: db.prepare('SELECT data FROM sandbox_records WHERE collection = ? ORDER BY position'),
      pageAsc: db.prepare(
        'SELECT data, position FROM sandbox_records WHERE collection = ? AND position > ? ORDER BY position LIMIT ?',
      ),
      pageDesc: db.prepare(
        'SELECT data, position FROM sandbox_records WHERE collection = ? AND position < ? ORDER BY position DESC LIMIT ?',
      ),
      counterGet: db.prepare('SELECT value FROM sandbox_counters WHERE name = ?'),
      counterSet: db.prepare(
        'INSERT INTO sandbox_counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  /** Opens (creating if needed) the sandbox store. Use `:memory:` only in tests that don't restart. */
  static open(file: string): SandboxState {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    // WAL + NORMAL: a committed write survives the process being killed (what the sandbox needs to
    // stand for a remote system); only an OS crash could lose the last transactions.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS sandbox_records (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (collection, id)
      );
      CREATE INDEX IF NOT EXISTS sandbox_records_by_collection ON sandbox_records (collection, position);
      CREATE TABLE IF NOT EXISTS sandbox_keys (
        collection TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (collection, name, value, id)
      );
      CREATE INDEX IF NOT EXISTS sandbox_keys_by_record ON sandbox_keys (collection, id);
      CREATE TABLE IF NOT EXISTS sandbox_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
    return new SandboxState(file, db);
  }

  collection<T>(name: string, options: CollectionOptions<T> = {}): Collection<T> {
    const existing = this.collections.get(name);
    if (existing) return existing as Collection<T>;
    const created = new Collection<T>(this, name, options);
    this.collections.set(name, created as Collection<unknown>);
    return created;
  }

  /** Runs `fn` atomically (nested calls join the outer transaction). */
  transaction<R>(fn: () => R): R {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  /** Increments and returns a named persistent counter (first value = `start`). */
  nextValue(name: string, start = 1): number {
    return this.transaction(() => {
      const row = this.statements.counterGet.get(name) as { value: number } | undefined;
      const value = row ? row.value + 1 : start;
      this.statements.counterSet.run(name, value);
      return value;
    });
  }

  /** A small persistent setting (seed marker, clock, schema version…). */
  getMeta<T>(key: string): T | undefined {
    return this.collection<T>('_meta').get(key);
  }

  setMeta<T>(key: string, value: T): void {
    this.collection<T>('_meta').put(key, value);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
