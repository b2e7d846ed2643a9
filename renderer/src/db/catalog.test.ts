import 'fake-indexeddb/auto';
import { demoCatalogPageForTest } from './test-support/demo-pull';
import { demoProduct } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogDb } from './catalog-db';
import { catalogImportState, importCatalog } from './catalog-import';
import { findByBarcode, findBySku, searchCatalog, withListPrice } from './catalog-search';

let n = 0;
const dbs: CatalogDb[] = [];
function freshDb(): CatalogDb {
  const db = new CatalogDb(`catalog-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('catalog import', () => {
  it('imports every page with progress', async () => {
    const db = freshDb();
    const progress: number[] = [];
    const state = await importCatalog(db, demoCatalogPageForTest(5000), (s) => progress.push(s.imported));
    expect(state).toMatchObject({ imported: 5000, total: 5000, done: true });
    expect(progress).toEqual([2000, 4000, 5000]);
    expect(await db.products.count()).toBe(5000);
  });

  it('resumes after an interruption without skipping or doubling a page', async () => {
    const db = freshDb();
    const pull = demoCatalogPageForTest(5000);
    let calls = 0;
    const failing = async (checkpoint: string | null, limit: number) => {
      if (++calls === 2) throw new Error('network cut');
      return pull(checkpoint, limit);
    };
    await expect(importCatalog(db, failing)).rejects.toThrow('network cut');
    expect(await catalogImportState(db)).toMatchObject({ imported: 2000, done: false });
    const state = await importCatalog(db, pull);
    expect(state).toMatchObject({ imported: 5000, done: true });
    expect(await db.products.count()).toBe(5000);
  });

  it('asks for the next page while it writes the current one, and saves only written pages', async () => {
    const db = freshDb();
    const pull = demoCatalogPageForTest(5000);
    const asked: { checkpoint: string | null; productsAtAsk: number }[] = [];
    const watching = async (checkpoint: string | null, limit: number) => {
      asked.push({ checkpoint, productsAtAsk: await db.products.count() });
      return pull(checkpoint, limit);
    };
    await importCatalog(db, watching);
    // Page 2 is asked for before page 1 is written, page 3 before page 2.
    expect(asked.map((a) => a.productsAtAsk)).toEqual([0, 0, 2000]);
    // A failing prefetch leaves the checkpoint of the last page written.
    const again = freshDb();
    let calls = 0;
    await expect(
      importCatalog(again, async (checkpoint, limit) => {
        if (++calls === 3) throw new Error('network cut');
        return pull(checkpoint, limit);
      }),
    ).rejects.toThrow('network cut');
    expect(await catalogImportState(again)).toMatchObject({ imported: 4000, done: false });
    expect(await again.products.count()).toBe(4000);
  });

  it('waits before each page when asked to (the cashier is serving a customer)', async () => {
    const db = freshDb();
    const pull = demoCatalogPageForTest(5000);
    let release: () => void = () => undefined;
    let waits = 0;
    const held = new Promise<void>((r) => (release = r));
    const importing = importCatalog(
      db,
      pull,
      () => undefined,
      async () => {
        waits++;
        if (waits === 2) await held;
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await db.products.count()).toBe(2000);
    release();
    expect(await importing).toMatchObject({ imported: 5000, done: true });
    expect(waits).toBe(3);
  });
});

describe('catalog lookups', () => {
  it('finds by any barcode, by SKU, and by word prefixes', async () => {
    const db = freshDb();
    await importCatalog(db, demoCatalogPageForTest(3000));
    const p = demoProduct(700);
    for (const code of p.barcodes) expect((await findByBarcode(db, code))?.id).toBe(p.id);
    expect((await findBySku(db, p.sku))?.id).toBe(p.id);
    const word = p.words[0]!.slice(0, 4);
    const results = await searchCatalog(db, word);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(20);
    expect(results.every((r) => r.words.some((w) => w.startsWith(word)))).toBe(true);
    const twoWords = await searchCatalog(db, `${p.words[0]} ${p.words.at(-1)!.slice(0, 2)}`);
    expect(twoWords.map((r) => r.id)).toContain(p.id);
    expect((await searchCatalog(db, p.sku.slice(0, 6).toLowerCase())).length).toBeGreaterThan(0);
    expect((await searchCatalog(db, p.barcodes[0]!.slice(0, 8)))[0]?.barcodes[0]?.startsWith(p.barcodes[0]!.slice(0, 8))).toBe(true);
    expect(await searchCatalog(db, '   ')).toEqual([]);
  });

  it('keeps a service’s flag from the hub’s page, for the note of 25 € of services', async () => {
    const db = freshDb();
    const coupe = { ...demoProduct(1), service: true as const };
    const page = { source: 'hub', products: [coupe, demoProduct(2)], deletedIds: [], checkpoint: '2', remaining: 0, done: true };
    await importCatalog(db, async () => page);
    expect(await findByBarcode(db, coupe.barcodes[0]!)).toEqual(coupe);
    expect(await findByBarcode(db, demoProduct(2).barcodes[0]!)).not.toHaveProperty('service');
  });

  it('finds accented names without accents', async () => {
    const db = freshDb();
    await importCatalog(db, demoCatalogPageForTest(3000));
    const results = await searchCatalog(db, 'epicerie');
    expect(results.every((r) => r.words.some((w) => w.startsWith('epicerie')))).toBe(true);
    expect(await searchCatalog(db, 'pâtes')).toEqual(await searchCatalog(db, 'pates'));
  });

  it('applies a price list entry over the catalog price', async () => {
    const db = freshDb();
    const p = demoProduct(50);
    await db.products.put(p);
    await db.priceLists.put({ listId: 'promo', productId: p.id, price: 1 });
    expect((await withListPrice(db, p, 'promo')).price).toBe(1);
    expect((await withListPrice(db, p, null)).price).toBe(p.price);
    expect((await withListPrice(db, p, 'other')).price).toBe(p.price);
  });
});
