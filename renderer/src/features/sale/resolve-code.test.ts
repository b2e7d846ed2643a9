import 'fake-indexeddb/auto';
import { demoProduct, demoStoreProfile, encodeVariableMeasure, GS1_ERROR_REASONS, weighedItemCode, withGtinCheckDigit } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogDb } from '../../db/catalog-db';
import { createI18n, LOCALES } from '../../i18n/i18n';
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
    expect(await resolveCode(db, withGtinCheckDigit('376999999999'), layouts)).toMatchObject({
      kind: 'error',
      key: 'scan.unknown',
      openSearch: withGtinCheckDigit('376999999999'),
    });
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

describe('resolveCode with AIM identifiers and GS1 codes (HID POS and serial scanners)', () => {
  const GS = '\u001d';
  const today = '2026-11-23';
  const gtin14 = (product: ReturnType<typeof demoProduct>) => `0${product.barcodes[0]!}`;

  it('strips the AIM identifier of a plain EAN-13', async () => {
    const p = demoProduct(300);
    expect(await resolveCode(db, `]E0${p.barcodes[0]!}`, layouts, null, today)).toMatchObject({ kind: 'product', product: { id: p.id } });
  });

  it('sells a GS1-128 label by its GTIN, at the net weight it carries', async () => {
    const weighed = demoProduct(0);
    const code = `]C101${gtin14(weighed)}3103001250${GS}17271231${GS}10LOT42`;
    expect(await resolveCode(db, code, layouts, null, today)).toMatchObject({
      kind: 'product',
      product: { id: weighed.id },
      quantity: 1250,
    });
  });

  it('takes the price to pay of a GS1 DataBar label as the line amount', async () => {
    const p = demoProduct(15);
    expect(await resolveCode(db, `]e001${gtin14(p)}39220459`, layouts, null, today)).toMatchObject({
      kind: 'product',
      product: { id: p.id },
      labelAmount: 459,
    });
  });

  it('refuses a product past its use-by date, a GS1 code without GTIN, and an unreadable one, saying why', async () => {
    const p = demoProduct(300);
    expect(await resolveCode(db, `]C101${gtin14(p)}17261120`, layouts, null, today)).toMatchObject({
      kind: 'error',
      key: 'scan.expired',
      values: { date: '2026-11-20' },
    });
    expect(await resolveCode(db, `]C110LOT42`, layouts, null, today)).toMatchObject({ kind: 'error', key: 'scan.gs1NoGtin' });
    expect(await resolveCode(db, `]C101123`, layouts, null, today)).toMatchObject({ kind: 'error', key: 'scan.gs1Invalid.truncated' });
  });
});

describe('resolveCode with UPC-E, add-ons and GS1 labels carrying more than the till reads', () => {
  const GS = '\u001d';
  const today = '2026-11-23';
  const put = async (index: number, id: string, barcodes: string[]) => {
    const product = { ...demoProduct(index), id, sku: `SKU-${id}`, barcodes };
    await db.products.put(product);
    return product;
  };

  it('sells a UPC-E by the UPC-A it expands to', async () => {
    const p = await put(610, 'upc-e-product', ['0042100005264']);
    expect(await resolveCode(db, '04252614', layouts)).toMatchObject({ kind: 'product', product: { id: p.id }, code: '0042100005264' });
  });

  it('looks an 8-digit code up as EAN-8, then as UPC-E, and sells the first product found', async () => {
    // 01234565 is a valid EAN-8 and a valid UPC-E (UPC-A 012345000065).
    const upc = await put(611, 'upc-e-ambiguous', ['0012345000065']);
    expect(await resolveCode(db, '01234565', layouts)).toMatchObject({ kind: 'product', product: { id: upc.id }, code: '0012345000065' });
    const ean8 = await put(612, 'ean-8-ambiguous', ['01234565']);
    expect(await resolveCode(db, '01234565', layouts)).toMatchObject({ kind: 'product', product: { id: ean8.id }, code: '01234565' });
    // The scanner said EAN-8: the UPC-E reading is not tried.
    await db.products.delete(ean8.id);
    expect(await resolveCode(db, ']E401234565', layouts)).toMatchObject({ kind: 'error', key: 'scan.unknown' });
  });

  it('sells an EAN-13 with a 2- or 5-digit add-on by its main code, the add-on kept on the line code', async () => {
    const p = demoProduct(300);
    const main = p.barcodes[0]!;
    for (const [scan, addOn] of [
      [`${main}12`, '12'],
      [`${main}52495`, '52495'],
      [`]E3${main}12`, '12'],
      [`]E0${main}]E252495`, '52495'],
    ] as const) {
      expect(await resolveCode(db, scan, layouts), scan).toMatchObject({
        kind: 'product',
        product: { id: p.id },
        code: `${main}+${addOn}`,
      });
    }
    // An add-on sent as its own scan sells nothing and says nothing.
    expect(await resolveCode(db, ']E212345', layouts)).toEqual({ kind: 'ignore' });
  });

  it('sells a GS1 label with an AI missing from the old table or an unreadable extra field, reporting what it skipped', async () => {
    const weighed = demoProduct(0);
    const code = `]C101${`0${weighed.barcodes[0]!}`}3103001250${'7007261101'}${GS}1113130117271231${GS}10LOT42`;
    const result = await resolveCode(db, code, layouts, null, today);
    expect(result).toMatchObject({ kind: 'product', product: { id: weighed.id }, quantity: 1250 });
    if (result.kind !== 'product') throw new Error(result.kind);
    expect(result.unread).toHaveLength(1);
    expect(result.unread?.[0]).toContain('(11)');
  });

  it('finds an EAN-8 product from the zero-padded GTIN-14 of a GS1 label', async () => {
    const p = await put(613, 'ean-8-product', ['96385074']);
    expect(await resolveCode(db, ']C10100000096385074', layouts, null, today)).toMatchObject({ kind: 'product', product: { id: p.id } });
  });
});

describe('an unreadable GS1 code', () => {
  it.each(GS1_ERROR_REASONS)('is said by its reason "%s" in French and in English, never the parser’s English', (reason) => {
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      const key = `scan.gs1Invalid.${reason}`;
      expect(i18n.exists(key), `${locale} ${key}`).toBe(true);
      expect(i18n.t(key, { code: '(01)123' }), key).toContain('(01)123');
    }
  });
});
