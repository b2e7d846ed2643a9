import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { getTableName } from 'drizzle-orm';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { openPgliteDatabase } from '../db/pglite-database';
import { pgliteTemplate } from './pglite-template';
import { openPostgresDatabase } from '../db/postgres-database';
import { ALL_TABLES } from '../db/schema';

/**
 * Every hub suite runs on both engines: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
 * (each test file in a database of its own, created and dropped here, so files run in parallel).
 * Under CI=true a missing TEST_DATABASE_URL fails the PostgreSQL suites instead of skipping them.
 */
export type TestTarget = {
  readonly name: 'pglite' | 'postgres';
  /** True when this engine is not available here and CI does not require it. */
  readonly skip: boolean;
  /** A new database for this file, migrated unless told otherwise. */
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
};

export type TestDatabase = {
  readonly db: Database;
  /** PostgreSQL only: a URL to open another connection (a second hub instance) on the same database. */
  readonly url: string | null;
  /** Empties every table between tests (a new PGlite costs seconds and hundreds of MB). */
  truncate(): Promise<void>;
  /** Opens another Database on the same data (PostgreSQL only). */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
};

const TABLE_LIST = ALL_TABLES.map((t) => `"${getTableName(t)}"`).join(', ');

/**
 * A hub left running between tests keeps projecting: its transaction can hold a row of one table
 * while TRUNCATE holds another, and PostgreSQL ends one of them as a deadlock. The projector retries
 * its batch; the truncation retries here.
 */
async function truncateAll(db: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(`TRUNCATE ${TABLE_LIST} CASCADE`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

function pgliteTarget(): TestTarget {
  return {
    name: 'pglite',
    skip: false,
    async open(options = {}) {
      // Migrated: from the run's template, so the migrations only confirm nothing is left to apply.
      const db =
        options.migrate === false ? await openPgliteDatabase() : await openDatabase({ kind: 'pglite', template: await pgliteTemplate() });
      return {
        db,
        url: null,
        truncate: () => truncateAll(db),
        openAnother: () => Promise.reject(new Error('PGlite serves one process: no second connection')),
        close: () => db.close(),
      };
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function postgresTarget(): TestTarget {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return {
    name: 'postgres',
    skip: !adminUrl && process.env.CI !== 'true',
    async open(options = {}) {
      if (!adminUrl)
        throw new Error(
          'TEST_DATABASE_URL is not set: under CI=true the PostgreSQL suites must run (e.g. postgres://postgres@127.0.0.1:5432/test)',
        );
      const name = `pos_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = withDatabase(adminUrl, name);
      const db =
        options.migrate === false ? await openPostgresDatabase({ connectionString: url }) : await openDatabase({ kind: 'postgres', url });
      const others: Database[] = [];
      return {
        db,
        url,
        truncate: () => truncateAll(db),
        async openAnother() {
          const other = await openDatabase({ kind: 'postgres', url });
          others.push(other);
          return other;
        },
        async close() {
          for (const other of others) await other.close().catch(() => undefined);
          await db.close();
          const dropper = new pg.Client({ connectionString: adminUrl });
          await dropper.connect();
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await dropper.end();
          }
        },
      };
    },
  };
}

export function testTargets(): readonly TestTarget[] {
  return [pgliteTarget(), postgresTarget()];
}
