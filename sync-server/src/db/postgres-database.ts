import { createHash } from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { toQuery, type Database, type Queryable, type Row, type SqlQuery } from './database';
import { defaultMigrationsFolder, migrationConfig } from './migrations';
import { PgListener } from './pg-listener';

/** jsonb's binary input (jsonb_recv) is format version 1 followed by the JSON text. */
const JSONB_BINARY_VERSION = Buffer.from([1]);

export type PostgresDatabaseOptions = {
  readonly connectionString: string;
  readonly migrationsFolder?: string;
  /** Pool size; each in-flight push holds one connection for its transaction. */
  readonly maxConnections?: number;
  readonly onError?: (error: Error) => void;
};

const INT8 = 20;
/** Sequences and counts are int8: read them as numbers, as PGlite does (2^53 is far away). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Any number works as long as every hub instance uses the same one. */
const MIGRATION_LOCK = 7_240_001;

const statementNames = new Map<string, string>();

/**
 * Parameterised statements run as named prepared statements, so each connection parses and
 * plans a statement once instead of at every push (the hub's statements are fixed texts: the
 * values always travel as parameters, so the set of names stays small).
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `hub_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends Row = Row>(query: string | SqlQuery, params?: readonly unknown[]) {
      const q = toQuery(query, params);
      const result =
        q.params.length > 0
          ? await client.query<R>({ name: statementName(q.text), text: q.text, values: [...q.params] })
          : await client.query<R>(q.text);
      return result.rows;
    },
  };
}

/** PostgreSQL through node-postgres: a pool for queries and transactions, one more connection for LISTEN. */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const listener = new PgListener({ connectionString: options.connectionString, ...(options.onError ? { onError: options.onError } : {}) });
  const db = poolDatabase(options, listener, options.maxConnections ?? 10);
  try {
    // Fail now, with the driver's own words, rather than at the first request.
    await db.query('SELECT 1');
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** A database over a pool of `max` connections; LISTEN goes through the shared listener, which the first pool's close ends. */
function poolDatabase(options: PostgresDatabaseOptions, listener: PgListener, max: number, parent?: Set<pg.Pool>): Database {
  const pool = new pg.Pool({ connectionString: options.connectionString, max, types, keepAlive: true });
  // An idle client whose connection dies emits here; without a handler the process would crash.
  pool.on('error', (error) => options.onError?.(error));
  const children = new Set<pg.Pool>();
  parent?.add(pool);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const base = queryable(pool);
  return {
    driver: 'postgres',
    query: base.query,
    jsonb: (text) => Buffer.concat([JSONB_BINARY_VERSION, Buffer.from(text, 'utf8')]),
    async transaction(work, transactionOptions) {
      const client = await pool.connect();
      let broken: Error | undefined;
      const afterCommit: ((db: Queryable) => Promise<unknown>)[] = [];
      let result;
      try {
        // One round trip either way: the setting rides with the BEGIN.
        await client.query(transactionOptions?.waitForDisk === false ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
        result = await work({ ...queryable(client), afterCommit: (w) => afterCommit.push(w) });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection that could not even roll back is discarded, not returned to the pool.
        client.release(broken);
      }
      for (const w of afterCommit) await w(base).catch((error: Error) => options.onError?.(error));
      return result;
    },
    listen: (channel, onNotify, listenOptions) =>
      listener.subscribe(channel, { onNotify, ...(listenOptions?.onReconnect ? { onReconnect: listenOptions.onReconnect } : {}) }),
    async migrate() {
      // Several hub instances may start together: one migrates, the others wait and find nothing to do.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migrate(drizzle(client), migrationConfig(migrationsFolder));
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    ownPool: (connections) => poolDatabase(options, listener, connections, parent ?? children),
    async close() {
      if (parent) {
        parent.delete(pool);
      } else {
        await listener.close();
        await Promise.all([...children].map((child) => child.end()));
        children.clear();
      }
      if (!pool.ended) await pool.end();
    },
  };
}
