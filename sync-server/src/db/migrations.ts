import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Queryable } from './database';

/** Where drizzle-orm's migrator keeps its bookkeeping (its defaults, spelled out for the readiness check). */
export const MIGRATIONS_SCHEMA = 'drizzle';
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * The `sync-server/migrations` folder, found by walking up from this module: the same code runs
 * from `src/db/` (tests, tsx) and bundled from `dist/cli.cjs`.
 */
export function defaultMigrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('The hub cannot find its SQL migrations (sync-server/migrations)');
    dir = parent;
  }
}

export function migrationConfig(migrationsFolder: string) {
  return { migrationsFolder, migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: MIGRATIONS_TABLE };
}

/** True when the newest migration shipped with this hub is recorded as applied. */
export async function migrationsApplied(db: Queryable, migrationsFolder: string): Promise<boolean> {
  const shipped = readMigrationFiles(migrationConfig(migrationsFolder));
  const newest = shipped.at(-1)?.folderMillis;
  if (newest === undefined) return true;
  const [exists] = await db.query<{ present: boolean }>(
    `SELECT to_regclass('${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}') IS NOT NULL AS present`,
  );
  if (!exists?.present) return false;
  const [last] = await db.query<{ applied: number | null }>(
    `SELECT max(created_at)::float8 AS applied FROM ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`,
  );
  return last?.applied !== null && last?.applied !== undefined && last.applied >= newest;
}
