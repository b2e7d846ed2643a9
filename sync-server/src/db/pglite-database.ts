import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { toQuery, type Database, type Queryable, type Row, type SqlQuery } from './database';
import { defaultMigrationsFolder, migrationConfig } from './migrations';

export type PgliteDatabaseOptions = {
  /** Data directory on disk; absent: in memory (tests of code that needs no persistence). */
  readonly dataDir?: string;
  readonly migrationsFolder?: string;
  /** A data directory to start from (a dumpDataDir tarball), instead of an empty one: saves the initdb. */
  readonly template?: Blob;
};

function queryable(client: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<R extends Row = Row>(query: string | SqlQuery, params?: readonly unknown[]) {
      const q = toQuery(query, params);
      const result = await client.query<R>(q.text, [...q.params]);
      return result.rows;
    },
  };
}

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, one process per data directory.
 * PGlite runs one statement at a time and a transaction holds it whole, which is exactly the
 * serialisation the sync design asks of a store's writers.
 */
export async function openPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.template ? { loadDataDir: options.template } : {}),
  });
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const base = queryable(client);
  const db: Database = {
    driver: 'pglite',
    query: base.query,
    jsonb: (text) => text,
    transaction: (work) => client.transaction((tx) => work(queryable(tx))),
    async listen(channel, onNotify) {
      // One engine in this process: notifications never get lost to a dropped connection.
      const unlisten = await client.listen(channel, onNotify);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    async migrate() {
      await migrate(drizzle(client), migrationConfig(migrationsFolder));
    },
    // One engine, one connection: a pool of its own would change nothing.
    ownPool: () => ({ ...db, close: async () => undefined }),
    async close() {
      if (!client.closed) await client.close();
    },
  };
  return db;
}

/**
 * An empty data directory with every migration applied, as a dumpDataDir tarball: opening from it
 * (`template`) skips the initdb and the migrations, which cost seconds each time.
 */
export async function migratedPgliteTemplate(migrationsFolder = defaultMigrationsFolder()): Promise<Blob> {
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), migrationConfig(migrationsFolder));
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}
