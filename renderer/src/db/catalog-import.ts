import { priceListEntries, type CatalogPage } from '@pos/core';
import Dexie from 'dexie';
import type { CatalogDb } from './catalog-db';

export type CatalogImportState = {
  readonly source: string | null;
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

/** A page's price lists: each list written replaces the list's entries; a deleted list leaves none. */
async function applyPriceLists(db: CatalogDb, page: CatalogPage): Promise<void> {
  const lists = page.priceLists ?? [];
  for (const listId of [...lists.map((l) => l.id), ...(page.deletedPriceListIds ?? [])])
    await db.priceLists.where('[listId+productId]').between([listId, Dexie.minKey], [listId, Dexie.maxKey]).delete();
  for (const list of lists) await db.priceLists.bulkPut(priceListEntries(list));
}

/** A page's promotions: a rule written replaces the till's (its newest version); a deleted one goes. */
async function applyPromotions(db: CatalogDb, page: CatalogPage): Promise<void> {
  if ((page.deletedPromotionIds?.length ?? 0) > 0) await db.promotions.bulkDelete([...page.deletedPromotionIds!]);
  if ((page.promotions?.length ?? 0) > 0) await db.promotions.bulkPut([...page.promotions!]);
}

const EMPTY: CatalogImportState = { source: null, checkpoint: null, imported: 0, total: 0, done: false };

/**
 * Fills the catalog page by page, and later catches up with changes from where it stopped. Each
 * page and its checkpoint are written in one transaction, so an interrupted import resumes where
 * it stopped and never skips or half-writes a page. A page from another source (the demo catalog,
 * then a hub) starts the catalog afresh.
 */
export async function importCatalog(
  db: CatalogDb,
  pull: CatalogPull,
  onProgress: (state: CatalogImportState) => void = () => undefined,
  /** Awaited before each page is written: the till holds the import back while the cashier is busy. */
  beforePage: () => Promise<void> = async () => undefined,
): Promise<CatalogImportState> {
  let state: CatalogImportState = (await catalogImportState(db)) ?? EMPTY;
  let ahead: Promise<CatalogPage> | null = null;
  // Pull at least once: a finished import still has changes to catch up with.
  for (let first = true; first || !state.done; first = false) {
    let page = await (ahead ?? pull(state.checkpoint, CATALOG_PAGE_SIZE));
    ahead = null;
    if (state.source !== null && page.source !== state.source) {
      await db.transaction('rw', db.products, db.priceLists, db.promotions, db.meta, async () => {
        await db.products.clear();
        await db.priceLists.clear();
        await db.promotions.clear();
        await db.meta.delete(STATE_KEY);
      });
      state = EMPTY;
      page = await pull(null, CATALOG_PAGE_SIZE);
    }
    const imported = state.imported + page.products.length;
    const next: CatalogImportState = {
      source: page.source,
      checkpoint: page.checkpoint,
      imported,
      total: imported + page.remaining,
      done: page.done,
    };
    const empty =
      page.products.length === 0 &&
      page.deletedIds.length === 0 &&
      (page.priceLists?.length ?? 0) === 0 &&
      (page.deletedPriceListIds?.length ?? 0) === 0 &&
      (page.promotions?.length ?? 0) === 0 &&
      (page.deletedPromotionIds?.length ?? 0) === 0;
    if (!empty) await beforePage();
    if (!page.done && !empty) {
      // The next page travels while this one is written: the import goes at the pace of the
      // slower of the two, not of both in turn. Only a written page moves the saved checkpoint.
      ahead = pull(page.checkpoint, CATALOG_PAGE_SIZE);
      ahead.catch(() => undefined);
    }
    await db.transaction('rw', db.products, db.priceLists, db.promotions, db.meta, async () => {
      await db.products.bulkPut([...page.products]);
      if (page.deletedIds.length > 0) await db.products.bulkDelete([...page.deletedIds]);
      await applyPriceLists(db, page);
      await applyPromotions(db, page);
      await db.meta.put({ key: STATE_KEY, value: next });
    });
    state = next;
    onProgress(state);
    if (!page.done && empty) break;
  }
  return state;
}
