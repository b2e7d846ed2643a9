import { describe, expect, it } from 'vitest';
import { hasValidGtinCheckDigit } from '../barcode/gtin';
import { classifyCode } from '../barcode/scan-code';
import { encodeVariableMeasure } from '../barcode/variable-measure';
import { DEMO_CATALOG_SIZE, demoProduct, demoProducts, weighedItemCode } from './demo-catalog';
import { demoStoreProfile, DEMO_STAFF } from './demo-store';

describe('demo catalog', () => {
  const products = demoProducts(0, DEMO_CATALOG_SIZE, DEMO_CATALOG_SIZE);

  it('is deterministic', () => {
    expect(demoProduct(1234)).toEqual(demoProduct(1234));
    expect(demoProducts(0, 3, 10)).toEqual(products.slice(0, 3));
  });

  it('has valid, unique barcodes and unique ids and SKUs', () => {
    const codes = products.flatMap((p) => p.barcodes);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every(hasValidGtinCheckDigit)).toBe(true);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    expect(products.some((p) => p.barcodes.length > 1)).toBe(true);
  });

  it('uses every French VAT rate and has weighed items reachable by scale labels', () => {
    expect(new Set(products.map((p) => p.vatRateId))).toEqual(new Set(['FR-2.1', 'FR-5.5', 'FR-10', 'FR-20']));
    const weighed = products.filter((p) => p.measure === 'weight');
    expect(weighed.length).toBeGreaterThan(10);
    const layouts = demoStoreProfile().variableMeasureLayouts;
    const label = classifyCode(encodeVariableMeasure('20', weighedItemCode(0), 750, layouts[0]!), layouts);
    expect(label.ok && label.kind === 'variable' && weighed[0]?.barcodes.includes(label.lookupCode)).toBe(true);
  });

  it('has three staff with 4–6 digit PINs', () => {
    expect(DEMO_STAFF.map((s) => s.role)).toEqual(['cashier', 'manager', 'head-office']);
    expect(DEMO_STAFF.every((s) => /^[0-9]{4,6}$/.test(s.pin))).toBe(true);
  });
});
