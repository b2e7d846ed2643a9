import 'fake-indexeddb/auto';
import { demoProduct, demoStoreProfile } from '@pos/core';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCode } from '../features/sale/resolve-code';
import { CatalogDb } from './catalog-db';
import { importCatalog } from './catalog-import';
import { stubPull } from './test-support/stub-pull';
import { withListPrice } from './catalog-search';

const layouts = demoStoreProfile().variableMeasureLayouts;
const [p1, p2] = [demoProduct(300), demoProduct(301)]; // sold by the piece
const db = new CatalogDb('price-list-import-test');
afterAll(() => db.close());

const listPrice = async (code: string, listId: string | null) => {
  const resolution = await resolveCode(db, code, layouts, listId);
  return resolution.kind === 'product' ? resolution.product.price : null;
};

describe('price lists pulled from the hub', () => {
  it('a list pulled with the catalog sets the price the sale resolves for a store naming it; a new version replaces it, a deletion removes it', async () => {
    await importCatalog(
      db,
      stubPull({ products: [p1, p2], priceLists: [{ id: 'pl-gros', name: 'Grossistes', entries: [{ productId: p1.id, price: 42 }] }] }),
    );
    expect(await listPrice(p1.barcodes[0]!, 'pl-gros')).toBe(42);
    expect(await listPrice(p1.barcodes[0]!, null)).toBe(p1.price);
    expect(await listPrice(p1.barcodes[0]!, 'pl-other')).toBe(p1.price);
    expect(await listPrice(p2.barcodes[0]!, 'pl-gros')).toBe(p2.price);
    expect((await withListPrice(db, p1, 'pl-gros')).price).toBe(42);

    // The list written again: its entries replace the old ones (p1's entry is gone).
    await importCatalog(db, stubPull({ priceLists: [{ id: 'pl-gros', name: 'Grossistes', entries: [{ productId: p2.id, price: 7 }] }] }));
    expect(await listPrice(p1.barcodes[0]!, 'pl-gros')).toBe(p1.price);
    expect(await listPrice(p2.barcodes[0]!, 'pl-gros')).toBe(7);

    await importCatalog(db, stubPull({ deletedPriceListIds: ['pl-gros'] }));
    expect(await db.priceLists.count()).toBe(0);
    expect(await listPrice(p2.barcodes[0]!, 'pl-gros')).toBe(p2.price);
  });
});
