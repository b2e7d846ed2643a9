import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY, MAX_WEIGHT_G } from '../cart/cart';
import { MAX_AMOUNT } from '../validation/sealed-shapes';
import { maxLineQuantity, pushedSaleProblem } from './sale-bounds';

const sale = (line: Record<string, unknown>, payload: Record<string, unknown> = {}, doc: Record<string, unknown> = {}) => ({
  id: 's1',
  total: 100,
  ...doc,
  record: {
    payload: { total: 100, lines: [{ lineId: 'l1', productId: 'p1', measure: 'unit', quantity: 1, unitPrice: 100, ...line }], ...payload },
  },
});

describe('the bounds of a pushed sale', () => {
  it('takes the largest quantities and amounts a till host seals, returns as negative quantities, and sales without a sealed payload', () => {
    expect(pushedSaleProblem(sale({ quantity: MAX_QUANTITY }))).toBeNull();
    expect(pushedSaleProblem(sale({ quantity: -MAX_QUANTITY }))).toBeNull();
    expect(pushedSaleProblem(sale({ quantity: MAX_WEIGHT_G, measure: 'weight' }))).toBeNull();
    expect(pushedSaleProblem(sale({ unitPrice: MAX_AMOUNT }, { total: MAX_AMOUNT }))).toBeNull();
    expect(pushedSaleProblem({ id: 's2', total: 5 })).toBeNull();
    expect(pushedSaleProblem(sale({ quantity: 'one', productId: 42 }))).toBeNull();
  });

  it('refuses quantities and amounts past core’s bounds, naming where', () => {
    expect(pushedSaleProblem(sale({ quantity: MAX_QUANTITY + 1 }))).toMatch(
      /^record\.payload\.lines\[0\]\.quantity is 10000: a unit line holds a whole number up to 9999$/,
    );
    expect(pushedSaleProblem(sale({ quantity: MAX_WEIGHT_G + 1, measure: 'weight' }))).toMatch(
      /weighed line holds a whole number up to 99999/,
    );
    expect(pushedSaleProblem(sale({ quantity: 1.5 }))).toMatch(/quantity is 1.5/);
    expect(pushedSaleProblem(sale({ net: MAX_AMOUNT + 1 }))).toMatch(/^record\.payload\.lines\[0\]\.net is 1000000001/);
    expect(pushedSaleProblem(sale({ discount: { kind: 'amount', amount: 0.5 } }))).toMatch(/discount\.amount/);
    expect(pushedSaleProblem(sale({}, { tenders: [{ method: 'cash', amount: 100, tendered: 1e12 }] }))).toMatch(/tenders\[0\]\.tendered/);
    expect(pushedSaleProblem(sale({}, { vat: [{ base: -1e12 }] }))).toMatch(/vat\[0\]\.base/);
    expect(pushedSaleProblem(sale({}, {}, { total: 0.1 }))).toMatch(/^document.total is 0.1/);
    expect(pushedSaleProblem(sale({ lineId: 'x'.repeat(65) }))).toMatch(/lineId is 65 characters long; at most 64/);
    expect(pushedSaleProblem(sale({}, { lines: Array.from({ length: 501 }, () => ({})) }))).toMatch(/501 lines; a sale holds at most 500/);
  });

  it('reads the largest quantity from the line’s measure, the larger one when it says none', () => {
    expect([maxLineQuantity('unit'), maxLineQuantity('weight'), maxLineQuantity(undefined)]).toEqual([
      MAX_QUANTITY,
      MAX_WEIGHT_G,
      MAX_WEIGHT_G,
    ]);
  });
});
