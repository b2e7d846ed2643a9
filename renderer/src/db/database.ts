import type { DexieOptions } from 'dexie';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { CatalogDb } from './catalog-db';
import { createDocumentsDb, type DocumentsDb } from './documents-db';

export type TillDatabase = { readonly catalog: CatalogDb; readonly docs: DocumentsDb };

export type DatabaseOptions = {
  /** Store and till: one set of databases per till identity, so a re-enrolled till starts clean. */
  readonly namespace: string;
  /** Tests pass fake-indexeddb here; the browser uses its own IndexedDB. */
  readonly dexie?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;
};

let opened: { key: string; db: Promise<TillDatabase> } | null = null;

/**
 * The till's one database module: the Dexie catalog and the RxDB documents. Cached: every caller
 * gets the same instance for the same till.
 */
export function openTillDatabase(options: DatabaseOptions): Promise<TillDatabase> {
  if (opened?.key === options.namespace) return opened.db;
  const db = (async () => {
    const catalog = new CatalogDb(`pos-catalog-${options.namespace}`, options.dexie ?? {});
    await catalog.open();
    const storage = getRxStorageDexie({ chromeTransactionDurability: 'strict', ...(options.dexie ?? {}) });
    const docs = await createDocumentsDb(`pos-docs-${options.namespace.toLowerCase()}`, storage);
    return { catalog, docs };
  })();
  opened = { key: options.namespace, db };
  return db;
}

export async function closeTillDatabase(): Promise<void> {
  if (!opened) return;
  const { catalog, docs } = await opened.db;
  opened = null;
  catalog.close();
  await docs.close();
}
