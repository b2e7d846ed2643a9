import { describe, expect, it } from 'vitest';
import type { Product } from './catalog-api';
import { choiceText, chosenProductId, exactMatch, NO_PRODUCT } from './product-choice';

const product = (id: string, sku: string, barcodes: string[]): Product => ({
  id,
  sku,
  name: `Produit ${id}`,
  barcodes,
  words: [],
  price: 100,
  currency: 'EUR',
  vatRateId: 'B',
  measure: 'unit',
  category: '',
});
const COLA = product('prd-1', 'COLA33', ['0036000291452']);
const COLA_PACK = product('prd-2', 'COLA6', ['3017620422003']);

describe('a product field’s choice', () => {
  it('chooses the one product whose id, SKU or barcode is the code typed or scanned', () => {
    expect(exactMatch([COLA, COLA_PACK], 'prd-2')).toBe(COLA_PACK);
    expect(exactMatch([COLA, COLA_PACK], ' cola33 ')).toBe(COLA);
    expect(exactMatch([COLA, COLA_PACK], '3017620422003')).toBe(COLA_PACK);
    // A UPC-A is stored in its EAN-13 form: scanned as printed, it still finds its product.
    expect(exactMatch([COLA, COLA_PACK], '036000291452')).toBe(COLA);
  });

  it('chooses none on a name, an empty field, or a code two products answer to', () => {
    expect(exactMatch([COLA, COLA_PACK], 'Produit prd-1')).toBeNull();
    expect(exactMatch([COLA], '')).toBeNull();
    expect(exactMatch([COLA, product('prd-3', 'PRD-1', [])], 'prd-1')).toBeNull();
  });

  it('sends the chosen product’s id, else the text typed, and shows the name with it', () => {
    const chosen = { text: '3017620422003', product: { id: 'prd-2', name: 'Cola x6' } };
    expect(chosenProductId(chosen)).toBe('prd-2');
    expect(choiceText(chosen)).toBe('Cola x6 (prd-2)');
    expect(chosenProductId({ text: ' prd-9 ', product: null })).toBe('prd-9');
    expect(choiceText({ text: ' prd-9 ', product: null })).toBe('prd-9');
    expect(chosenProductId(NO_PRODUCT)).toBe('');
  });
});
