import { getTableName, type Table } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TestDatabase, TestTarget } from './test-databases';

/**
 * One migrated database per describe block (per engine), emptied before each test, without a hub:
 * for suites of services that only need tables. Only `tables` are emptied (every table without
 * them): a suite that writes a few tables saves truncating fifty. Use inside `describe.skipIf(target.skip)(…)`.
 */
export function useTestDatabase(target: TestTarget, tables?: readonly Table[]): () => TestDatabase {
  let database: TestDatabase | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      database = await target.open();
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    if (!database) return;
    if (tables) await database.db.query(`TRUNCATE ${tables.map((t) => `"${getTableName(t)}"`).join(', ')}`);
    else await database.truncate();
  });
  return () => {
    if (failure) throw failure;
    if (!database) throw new Error('The test database is not open');
    return database;
  };
}
