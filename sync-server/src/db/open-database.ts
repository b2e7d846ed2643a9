import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly migrationsFolder?: string; readonly onError?: (error: Error) => void }
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly migrationsFolder?: string; readonly template?: Blob };

/** Opens the configured engine and brings its schema up to date before anyone uses it. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db =
    config.kind === 'postgres'
      ? await openPostgresDatabase({
          connectionString: config.url,
          ...(config.migrationsFolder ? { migrationsFolder: config.migrationsFolder } : {}),
          ...(config.onError ? { onError: config.onError } : {}),
        })
      : await openPgliteDatabase({
          ...(config.dataDir ? { dataDir: config.dataDir } : {}),
          ...(config.migrationsFolder ? { migrationsFolder: config.migrationsFolder } : {}),
          ...(config.template ? { template: config.template } : {}),
        });
  try {
    await db.migrate();
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
