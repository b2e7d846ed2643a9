import { describe, expect, it } from 'vitest';
import type { CartLine } from '../cart/cart';
import { basketLine } from './basket';

const cartLine: CartLine = {
  lineId: 'l1',
  productId: 'P1',
  sku: 'SKU1',
  name: 'Cheese',
  vatRateId: 'B',
  measure: 'weight',
  unitPrice: 2_490,
  quantity: 532,
};

describe('basketLine', () => {
  it('takes what a cart line is and computes its gross as the cart does', () => {
    expect(basketLine(cartLine, { category: 'deli', brand: 'Acme' })).toEqual({
      lineId: 'l1',
      productId: 'P1',
      category: 'deli',
      brand: 'Acme',
      measure: 'weight',
      unitPrice: 2_490,
      quantity: 532,
      gross: 1_325,
    });
    expect(basketLine({ ...cartLine, measure: 'unit', quantity: 1, labelAmount: 745 }, { category: 'deli' }).gross).toBe(745);
    expect(basketLine({ ...cartLine, measure: 'unit', quantity: 3 }, { category: 'deli' })).not.toHaveProperty('brand');
  });
});
