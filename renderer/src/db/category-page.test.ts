import 'fake-indexeddb/auto';
import { demoProduct, demoProducts, demoStoreProfile } from '@pos/core';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogDb } from './catalog-db';
import { importCatalog } from './catalog-import';
import { categoryPage, productsOfTiles } from './catalog-search';
import { demoCatalogPageForTest } from './test-support/demo-pull';

let n = 0;
const dbs: Dexie[] = [];
function freshDb(name = `category-test-${n++}`): CatalogDb {
  const db = new CatalogDb(name);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('a category’s products, a page at a time', () => {
  it('lists every product of the category once, in catalog order, page by page, and says when there is more', async () => {
    const db = freshDb();
    await importCatalog(db, demoCatalogPageForTest(1000));
    // Catalog order: by id, as the category index keeps its entries.
    const expected = demoProducts(0, 1000, 1000)
      .filter((p) => p.category === 'Boulangerie')
      .map((p) => p.id)
      .sort();
    expect(expected.length).toBeGreaterThan(40);
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const page = await categoryPage(db, 'Boulangerie', offset, 24);
      expect(page.products.length).toBeLessThanOrEqual(24);
      expect(page.products.every((p) => p.category === 'Boulangerie')).toBe(true);
      seen.push(...page.products.map((p) => p.id));
      if (!page.more) break;
      offset += 24;
    }
    expect(seen).toEqual(expected);
    expect(await categoryPage(db, 'Rayon inconnu', 0, 24)).toEqual({ products: [], more: false });
  });

  it('leaves out a withdrawn product', async () => {
    const db = freshDb();
    const croissant = demoProduct(93);
    await db.products.bulkPut([croissant, { ...demoProduct(23), disabled: true }]);
    expect((await categoryPage(db, 'Boulangerie', 0, 10)).products).toEqual([croissant]);
  });

  it('a catalog kept by an older till gets the index when the till is updated, without a new import', async () => {
    const name = `category-upgrade-${n++}`;
    const old = new Dexie(name);
    old.version(1).stores({ products: 'id, sku, *barcodes, *words', priceLists: '[listId+productId], productId', meta: 'key' });
    old.version(2).stores({ stock: 'productId' });
    await old.table('products').bulkPut(demoProducts(0, 200, 200));
    old.close();
    const db = freshDb(name);
    const page = await categoryPage(db, 'Fruits et légumes', 0, 5);
    expect(page.products.map((p) => p.id)).toEqual(
      demoProducts(0, 200, 200)
        .filter((p) => p.category === 'Fruits et légumes')
        .map((p) => p.id)
        .sort()
        .slice(0, 5),
    );
  });
});

describe('the products a store’s tiles name', () => {
  it('are found by id or barcode, in the tiles’ order; one the catalog lacks is undefined', async () => {
    const db = freshDb();
    await importCatalog(db, demoCatalogPageForTest(400));
    const refs = (demoStoreProfile().quickKeys ?? []).filter((k) => k.kind === 'product');
    const found = await productsOfTiles(db, [...refs, { productId: 'prd-none' }, { barcode: '0000000000000' }]);
    expect(found.slice(0, refs.length).every((p) => p !== undefined)).toBe(true);
    expect(found.at(-3)?.barcodes).toContain('3700000000594');
    expect(found.slice(-2)).toEqual([undefined, undefined]);
  });
});
