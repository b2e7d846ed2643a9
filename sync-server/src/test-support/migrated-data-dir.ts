import { openDatabase } from '../db/open-database';
import { pgliteTemplate } from './pglite-template';

/**
 * Fills a new, empty PGlite data directory from the run's migrated template, so a test of the
 * command line or of `serve` on that directory starts without the initdb and the migrations
 * (seconds each time). Tests that want the first start of an empty directory skip this.
 */
export async function seedMigratedDataDir(dataDir: string): Promise<void> {
  const db = await openDatabase({ kind: 'pglite', dataDir, template: await pgliteTemplate() });
  await db.close();
}
