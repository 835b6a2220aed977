import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import type { Database } from './schema';

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  close(): Promise<void>;
}

/** What the store logs through (pino satisfies it). */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface OpenStoreOptions {
  /** `postgres://…`: use PostgreSQL. Absent: SQLite file `vitrine.db` under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  log: StoreLogger;
  /** PostgreSQL only: the schema to work in (set as `search_path`). Tests give each suite its own. */
  pgSchema?: string;
}

/** A store problem an admin can act on; the message is the one sentence to show. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export const SQLITE_FILE_NAME = 'vitrine.db';
const PG_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openSqlite(opts);
}

/** True when the database answers a trivial query (used by `/healthz`). */
export async function pingStore(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a table exists where this store's queries look for it. (kysely's introspection lists the
 * tables of every PostgreSQL schema, so it would also see another schema's tables.)
 */
export async function tableExists(store: Store, table: string): Promise<boolean> {
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ found: boolean }>`select to_regclass(${table}) is not null as found`.execute(
      store.db,
    );
    return rows[0]?.found === true;
  }
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(store.db);
  return Number(rows[0]?.n) > 0;
}

function openSqlite(opts: OpenStoreOptions): Store {
  const file = path.join(opts.dataDir, SQLITE_FILE_NAME);
  let connection: SqliteDatabase.Database;
  try {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    connection = new SqliteDatabase(file);
  } catch (err) {
    throw new StoreError(
      `Could not open the SQLite database ${file} (${(err as Error).message}). ` +
        'Check that VITRINE_DATA_DIR points at a writable folder.',
      { cause: err },
    );
  }
  // WAL lets `vitrine status` read while the service writes; busy_timeout makes a second process
  // wait for a lock instead of failing at once; SQLite leaves foreign keys off unless asked.
  connection.pragma('journal_mode = WAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  // In WAL mode, NORMAL survives a crash of the process (kill -9); only a power cut may lose the
  // last transactions, never corrupt the file.
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  opts.log.info({ engine: 'sqlite', file }, 'store opened');
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * kysely prepares every query it runs, and better-sqlite3 compiles the SQL on each `prepare`: on
 * the context API's hot path compiling cost more than running the queries. Statements are reusable
 * (kysely runs one query at a time per connection), so the most recent ones are kept, keyed by SQL.
 */
function withStatementCache(connection: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sqlText: string): SqliteDatabase.Statement {
      let statement = cache.get(sqlText);
      if (statement) {
        cache.delete(sqlText); // re-inserted below: the map's order is recency
      } else {
        statement = connection.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

async function openPostgres(databaseUrl: string, opts: OpenStoreOptions): Promise<Store> {
  if (opts.pgSchema !== undefined && !PG_SCHEMA_NAME.test(opts.pgSchema)) {
    throw new StoreError(`Invalid PostgreSQL schema name "${opts.pgSchema}".`);
  }
  const where = describeDatabaseUrl(databaseUrl);
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    // count(*) and bigint columns come back as JS numbers, as they do on SQLite.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pgTypes.builtins.INT8
          ? (value: string) => Number(value)
          : pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser,
    },
  });
  // A dropped idle connection must not crash the process; the pool opens a new one.
  pool.on('error', (err) => opts.log.warn({ err: err.message }, 'PostgreSQL connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedSelects(pool) }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new StoreError(
      `Could not connect to PostgreSQL at ${where} (${(err as Error).message || (err as NodeJS.ErrnoException).code}). ` +
        'Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use SQLite.',
      { cause: err },
    );
  }
  opts.log.info({ engine: 'postgres', database: where, schema: opts.pgSchema }, 'store opened');
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * PostgreSQL plans every statement it receives unnamed; for the context API's small indexed joins
 * planning cost several times the execution. Selects are sent as named prepared statements (the
 * name is a hash of the SQL; node-pg prepares each once per connection), so their plans are reused.
 * Other statements (writes, DDL, transaction control) go unnamed as before. The set of distinct
 * select texts is bounded by the code (IN lists vary only in length), and very long ones are skipped.
 */
function withPreparedSelects(pool: Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        query: ((sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sqlOrCursor === 'string' && PREPARABLE.test(sqlOrCursor) && sqlOrCursor.length <= 8000) {
            const name = `v_${createHash('sha1').update(sqlOrCursor).digest('hex').slice(0, 40)}`;
            return client.query({ name, text: sqlOrCursor, values: [...(parameters ?? [])] });
          }
          return (client.query as (...args: unknown[]) => unknown)(
            sqlOrCursor,
            parameters && [...parameters],
          );
        }) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

const PREPARABLE = /^\s*(?:select|\(select)\b/i;

/** `host:port/database` of a connection URL, without user or password (safe to log and print). */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
