import type { CatalogPage } from '@pos/core';
import type { CatalogDb } from './catalog-db';

export type CatalogImportState = {
  readonly checkpoint: string | null;
  readonly imported: number;
  readonly total: number;
  readonly done: boolean;
};

export type CatalogPull = (checkpoint: string | null, limit: number) => Promise<CatalogPage>;

const STATE_KEY = 'import';
export const CATALOG_PAGE_SIZE = 2000;

export async function catalogImportState(db: CatalogDb): Promise<CatalogImportState | null> {
  return ((await db.meta.get(STATE_KEY))?.value as CatalogImportState | undefined) ?? null;
}

/**
 * Fills the catalog page by page. Each page and its checkpoint are written in one transaction,
 * so an interrupted import resumes where it stopped and never skips or half-writes a page.
 */
export async function importCatalog(
  db: CatalogDb,
  pull: CatalogPull,
  onProgress: (state: CatalogImportState) => void = () => undefined,
): Promise<CatalogImportState> {
  let state: CatalogImportState = (await catalogImportState(db)) ?? { checkpoint: null, imported: 0, total: 0, done: false };
  while (!state.done) {
    const page = await pull(state.checkpoint, CATALOG_PAGE_SIZE);
    const imported = state.imported + page.products.length;
    const next: CatalogImportState = {
      checkpoint: page.checkpoint,
      imported,
      total: imported + page.remaining,
      done: page.done,
    };
    await db.transaction('rw', db.products, db.meta, async () => {
      await db.products.bulkPut([...page.products]);
      if (page.deletedIds.length > 0) await db.products.bulkDelete([...page.deletedIds]);
      await db.meta.put({ key: STATE_KEY, value: next });
    });
    state = next;
    onProgress(state);
    if (!page.done && page.products.length === 0) break;
  }
  return state;
}
