import { describe, expect, it } from 'vitest';
import { DEMO_QUICK_KEYS } from '../demo/demo-quick-keys';
import { demoProducts } from '../demo/demo-catalog';
import { QUICK_KEY_LIMITS, quickKeysProblems, type QuickKey } from './quick-keys';

const codes = (keys: unknown) => quickKeysProblems(keys).map((p) => `${p.field} ${p.code}`);
const bread: QuickKey = { kind: 'category', category: 'Boulangerie', label: 'Pain' };
const png = (length: number) => `data:image/png;base64,${'A'.repeat(length - 'data:image/png;base64,'.length)}`;

describe('a store’s tiles', () => {
  it('takes categories and products by id or barcode, with a hex colour or a small image', () => {
    expect(
      quickKeysProblems([
        { ...bread, colour: '#c8793a' },
        { kind: 'product', productId: 'prd-1', label: 'Café', colour: '#FFF' },
        { kind: 'product', barcode: '3700000000594', label: 'Journal', image: png(200) },
      ]),
    ).toEqual([]);
    expect(quickKeysProblems([])).toEqual([]);
  });

  it('refuses what a tile cannot show or sell, each with its field and code', () => {
    expect(codes({})).toEqual(['quickKeys quick_keys_not_a_list']);
    expect(codes([null, { kind: 'folder', label: 'x' }])).toEqual([
      'quickKeys[0] quick_key_not_a_tile',
      'quickKeys[1] quick_key_not_a_tile',
    ]);
    expect(codes([{ ...bread, label: '  ' }])).toEqual(['quickKeys[0].label quick_key_label']);
    expect(codes([{ ...bread, label: 'x'.repeat(QUICK_KEY_LIMITS.maxLabelLength + 1) }])).toEqual(['quickKeys[0].label quick_key_label']);
    for (const colour of ['red', '#12345', 'rgb(1,2,3)', '#ggg', '#c8793a;background:url(x)'])
      expect(codes([{ ...bread, colour }])).toEqual(['quickKeys[0].colour quick_key_colour']);
    for (const image of [
      'https://example.com/a.png',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:image/png;base64,<script>',
      'javascript:1',
    ])
      expect(codes([{ ...bread, image }])).toEqual(['quickKeys[0].image quick_key_image']);
    expect(codes([{ ...bread, image: png(QUICK_KEY_LIMITS.maxImageLength + 1) }])).toEqual(['quickKeys[0].image quick_key_image']);
    expect(codes([{ ...bread, category: '' }])).toEqual(['quickKeys[0].category quick_key_category']);
    expect(codes([{ ...bread, productId: 'prd-1' }])).toEqual(['quickKeys[0] quick_key_category']);
    expect(codes([{ kind: 'product', label: 'x' }])).toEqual(['quickKeys[0] quick_key_product']);
    expect(codes([{ kind: 'product', label: 'x', productId: 'a', barcode: '1' }])).toEqual(['quickKeys[0] quick_key_product']);
    expect(codes([{ kind: 'product', label: 'x', productId: 'a b' }])).toEqual(['quickKeys[0] quick_key_product']);
  });

  it('bounds their number, their images together, and refuses two tiles for the same thing', () => {
    const many = Array.from({ length: QUICK_KEY_LIMITS.maxKeys + 1 }, (_, i) => ({ kind: 'product', productId: `p${i}`, label: 'x' }));
    expect(codes(many)).toEqual(['quickKeys quick_keys_too_many']);
    expect(codes(many.slice(1))).toEqual([]);
    const heavy = Array.from({ length: 9 }, (_, i) => ({
      kind: 'product',
      productId: `p${i}`,
      label: 'x',
      image: png(QUICK_KEY_LIMITS.maxImageLength),
    }));
    expect(codes(heavy)).toEqual(['quickKeys quick_key_images_too_large']);
    expect(codes([bread, { ...bread, label: 'Encore' }])).toEqual(['quickKeys[1] quick_key_duplicate']);
  });

  it('the demo store’s tiles are valid and name categories and products of the smallest demo catalog', () => {
    expect(quickKeysProblems(DEMO_QUICK_KEYS)).toEqual([]);
    const catalog = demoProducts(0, 400, 400);
    for (const key of DEMO_QUICK_KEYS) {
      const found =
        key.kind === 'category'
          ? catalog.some((p) => p.category === key.category)
          : catalog.some((p) => p.id === key.productId || (key.barcode !== undefined && p.barcodes.includes(key.barcode)));
      expect(found, key.label).toBe(true);
    }
    // Bread, fruit by weight and a coffee: what has no barcode to scan.
    expect(DEMO_QUICK_KEYS.filter((k) => k.kind === 'product').map((k) => catalog.find((p) => p.id === k.productId)?.measure)).toContain(
      'weight',
    );
  });
});
