import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog/product';
import { addProduct, emptyCart, overridePrice, removeLine, setCartDiscount, setLineDiscount, setQuantity } from './cart';

const product = (over: Partial<Product> = {}): Product => ({
  id: 'p1',
  sku: 'SKU1',
  name: 'Baguette',
  barcodes: ['3700000000011'],
  words: ['baguette'],
  price: 120,
  currency: 'EUR',
  vatRateId: 'FR-5.5',
  measure: 'unit',
  category: 'Boulangerie',
  ...over,
});

const start = emptyCart('sale-1', 'EUR', '2026-11-22T10:00:00Z');

describe('cart operations', () => {
  it('increments the last line when the same piece product is scanned again', () => {
    let cart = addProduct(start, product(), { lineId: 'l1' });
    cart = addProduct(cart, product(), { lineId: 'l2' });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]?.quantity).toBe(2);
  });

  it('gives weighed items and discounted lines their own line', () => {
    const kg = product({ id: 'w', measure: 'weight', price: 299 });
    let cart = addProduct(start, kg, { lineId: 'l1', quantity: 500 });
    cart = addProduct(cart, kg, { lineId: 'l2', quantity: 300 });
    expect(cart.lines).toHaveLength(2);
    cart = addProduct(cart, product(), { lineId: 'l3' });
    cart = setLineDiscount(cart, 'l3', { kind: 'percent', bp: 1000 });
    cart = addProduct(cart, product(), { lineId: 'l4' });
    expect(cart.lines).toHaveLength(4);
  });

  it('changes quantity, removes lines and refuses bad quantities', () => {
    let cart = addProduct(start, product(), { lineId: 'l1' });
    cart = setQuantity(cart, 'l1', 5);
    expect(cart.lines[0]?.quantity).toBe(5);
    expect(() => setQuantity(cart, 'l1', 0)).toThrow(RangeError);
    expect(() => setQuantity(cart, 'l1', 1.5)).toThrow(RangeError);
    expect(() => setQuantity(cart, 'nope', 1)).toThrow(/No line/);
    expect(removeLine(cart, 'l1').lines).toHaveLength(0);
  });

  it('validates discounts', () => {
    const cart = addProduct(start, product(), { lineId: 'l1' });
    expect(() => setLineDiscount(cart, 'l1', { kind: 'percent', bp: 10_001 })).toThrow(RangeError);
    expect(() => setLineDiscount(cart, 'l1', { kind: 'amount', amount: -1 })).toThrow(RangeError);
    expect(setLineDiscount(setLineDiscount(cart, 'l1', { kind: 'amount', amount: 10 }), 'l1', null).lines[0]?.discount).toBeUndefined();
    expect(setCartDiscount(cart, 500).cartDiscountBp).toBe(500);
    expect(setCartDiscount(setCartDiscount(cart, 500), null).cartDiscountBp).toBeUndefined();
  });

  it('overrides a price with a reason and keeps the original price', () => {
    let cart = addProduct(start, product(), { lineId: 'l1' });
    cart = overridePrice(cart, 'l1', 100, 'Emballage abîmé', { approvalId: 'a1', approvedBy: 'staff-sophie' });
    cart = overridePrice(cart, 'l1', 90, 'Fin de journée', { approvalId: 'a2', approvedBy: 'staff-sophie' });
    expect(cart.lines[0]).toMatchObject({ unitPrice: 90, priceOverride: { originalPrice: 120, reason: 'Fin de journée' } });
    expect(() => overridePrice(cart, 'l1', 50, '  ', { approvalId: 'a3', approvedBy: 'x' })).toThrow(/reason/);
  });

  it('refuses a product in another currency', () => {
    expect(() => addProduct(start, product({ currency: 'CHF' }), { lineId: 'l1' })).toThrow(/CHF/);
  });
});
