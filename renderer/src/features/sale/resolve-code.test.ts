import 'fake-indexeddb/auto';
import { demoProduct, demoStoreProfile, encodeVariableMeasure, weighedItemCode, withGtinCheckDigit } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogDb } from '../../db/catalog-db';
import { importCatalog } from '../../db/catalog-import';
import { demoCatalogPageForTest } from '../../db/test-support/demo-pull';
import { resolveCode } from './resolve-code';

const layouts = demoStoreProfile().variableMeasureLayouts;
const [weightLayout, priceLayout] = layouts;
let db: CatalogDb;

beforeAll(async () => {
  db = new CatalogDb('resolve-code-test');
  await importCatalog(db, demoCatalogPageForTest(2000));
});
afterAll(() => db.close());

describe('resolveCode', () => {
  it('finds a product by any of its barcodes, UPC-A read as 12 digits included', async () => {
    const p = demoProduct(119); // 119 % 17 === 0: it also carries a UPC-A code
    const upc = p.barcodes.find((b) => b.startsWith('08'))!;
    expect(await resolveCode(db, upc.slice(1), layouts)).toMatchObject({ kind: 'product', product: { id: p.id } });
    expect(await resolveCode(db, p.barcodes[0]!, layouts)).toMatchObject({ kind: 'product', product: { id: p.id } });
  });

  it('finds a product by SKU typed as a code', async () => {
    const p = demoProduct(300);
    expect(await resolveCode(db, p.sku, layouts)).toMatchObject({ kind: 'product', product: { id: p.id } });
  });

  it('reads a weight label and a price label', async () => {
    const weighed = demoProduct(0);
    expect(await resolveCode(db, encodeVariableMeasure('20', weighedItemCode(0), 1250, weightLayout!), layouts)).toMatchObject({
      kind: 'product',
      product: { id: weighed.id },
      quantity: 1250,
    });
    const counter = demoProduct(15); // a counter product (cheese or meat) also sold with price labels
    expect(counter.barcodes.some((b) => b.startsWith('21'))).toBe(true);
    const result = await resolveCode(db, encodeVariableMeasure('21', weighedItemCode(15), 734, priceLayout!), layouts);
    expect(result).toMatchObject({ kind: 'product', product: { id: counter.id }, labelAmount: 734 });
  });

  it('asks for the weight of a weighed product scanned without one', async () => {
    const weighed = demoProduct(3);
    expect(await resolveCode(db, weighed.barcodes[0]!, layouts)).toMatchObject({ kind: 'needs-weight', product: { id: weighed.id } });
  });

  it('says what is wrong with bad codes, and opens the search for an unknown one', async () => {
    expect(await resolveCode(db, withGtinCheckDigit('376999999999'), layouts)).toMatchObject({ kind: 'error', key: 'scan.unknown', openSearch: withGtinCheckDigit('376999999999') });
    expect(await resolveCode(db, '3700000000012', layouts)).toMatchObject({ kind: 'error', key: 'scan.checkDigit' });
    expect(await resolveCode(db, '!!', layouts)).toMatchObject({ kind: 'error', key: 'scan.malformed' });
    expect(await resolveCode(db, '   ', layouts)).toEqual({ kind: 'ignore' });
    const unit = demoProduct(500);
    const onUnitProduct = encodeVariableMeasure('20', '99999', 100, weightLayout!);
    await db.products.put({ ...unit, id: 'unit-with-weight-code', barcodes: [withGtinCheckDigit('209999900000')] });
    expect(await resolveCode(db, onUnitProduct, layouts)).toMatchObject({ kind: 'error', key: 'scan.notWeighed' });
  });

  it('applies the store price list and refuses a withdrawn product', async () => {
    const p = demoProduct(400);
    await db.priceLists.put({ listId: 'lyon', productId: p.id, price: 99 });
    expect(await resolveCode(db, p.barcodes[0]!, layouts, 'lyon')).toMatchObject({ kind: 'product', product: { price: 99 } });
    await db.products.put({ ...demoProduct(401), disabled: true });
    expect(await resolveCode(db, demoProduct(401).barcodes[0]!, layouts)).toMatchObject({ kind: 'error', key: 'scan.notSellable' });
  });
});
