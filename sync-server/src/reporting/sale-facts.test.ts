import { compilePromotions } from '@pos/core';
import { demoPromotions } from '@pos/core/test-support/promotion-cart';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { saleWithLines } from '../test-support/sealed-records';
import { rollupDeltas } from './rollups';
import { saleFacts } from './sale-facts';

const PARIS = { timeZone: 'Europe/Paris', dayStartHour: 0 };
const till = { storeId: 'S1', tillId: 'T1' };
const PLACE = { epoch: 1, seq: 42 };

describe('sale facts', () => {
  it('a sale: totals with and without VAT from its VAT rows, pieces, tenders, the local hour and the business date’s weekday', () => {
    const payload = saleWithLines(till, 's1', [
      { lineId: 'l1', productId: 'prd-1', quantity: 2 },
      { lineId: 'l2', productId: 'prd-2', quantity: 250, measure: 'weight' },
    ]);
    const facts = saleFacts('s1', 'T1', payload, PARIS, PLACE)!;
    // 2 × 1.00 + 250 g at 1.00/kg = 0.25; 5.5 % VAT on 2.25: base 2.13.
    expect(facts.sale).toMatchObject({
      kind: 'sale',
      business_date: '2026-11-22',
      local_hour: 10,
      weekday: 7,
      total_incl: 225,
      total_excl: 213,
      items: 3,
      tenders: { cash: 225 },
      vat: [{ rate_bp: 550, incl: 225, excl: 213 }],
      staff_id: 'staff-camille',
      completed_at: '2026-11-22T09:01:00.000Z',
      epoch: 1,
      seq: 42,
      receipt: 'S1-T1-000042',
      return_of: null,
    });
    expect(facts.lines.map((l) => [l.product_id, l.quantity, l.items, l.net_incl, l.salesperson_id])).toEqual([
      ['prd-1', 2, 2, 200, 'staff-camille'],
      ['prd-2', 250, 1, 25, 'staff-camille'],
    ]);
  });

  it('a return counts negative; a training sale not at all', () => {
    const ret = saleWithLines(till, 'r1', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }], undefined, {
      returnOf: { saleId: 's1', receipt: 'R-1', lines: [{ lineId: 'l1', quantity: 1 }] },
    });
    const facts = saleFacts('r1', 'T1', ret, PARIS, PLACE)!;
    expect(facts.sale).toMatchObject({ kind: 'return', total_incl: -100, items: -1, tenders: { cash: -100 }, return_of: 's1' });
    expect(facts.lines[0]).toMatchObject({ quantity: -1, net_incl: -100 });
    const day = rollupDeltas([facts], new Map()).get('day')!;
    expect(day).toEqual([
      { business_date: '2026-11-22', tickets: 0, returns: 1, net_incl: -100, net_excl: -95, returns_incl: 100, discounts: 0, items: -1 },
    ]);
    const training = saleWithLines(till, 't1', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }], undefined, { training: true });
    expect(saleFacts('t1', 'T1', training, PARIS, PLACE)).toBeNull();
  });

  it('a version 0 sale takes its business date from the store’s zone and day start: 01:30 with a 04:00 start is the day before', () => {
    const {
      v: _v,
      kind: _k,
      businessDate: _b,
      ...v0
    } = saleWithLines(till, 's0', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }], '2026-11-22T00:30:00.000Z') as unknown as Record<
      string,
      unknown
    >;
    const late = saleFacts('s0', 'T1', v0, { timeZone: 'Europe/Paris', dayStartHour: 4 }, PLACE)!;
    expect(late.sale).toMatchObject({ kind: 'sale', business_date: '2026-11-21', local_hour: 1, weekday: 6 });
    expect(saleFacts('s0', 'T1', v0, PARIS, PLACE)!.sale).toMatchObject({ business_date: '2026-11-22', receipt: 'T1-000042' });
  });

  it('throws a TypeError on what it cannot read (the projector reports and skips the sale)', () => {
    const payload = saleWithLines(till, 's1', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }]) as unknown as Record<string, unknown>;
    expect(() => saleFacts('s1', 'T1', { ...payload, lines: 'none' }, PARIS, PLACE)).toThrow(TypeError);
    expect(() => saleFacts('s1', 'T1', { ...payload, total: 1e20 }, PARIS, PLACE)).toThrow(TypeError);
    expect(() => saleFacts('s1', 'T1', { ...payload, completedAt: 'yesterday' }, PARIS, PLACE)).toThrow(TypeError);
  });
});

describe('sale facts of a promoted sale', () => {
  it('count a promotion’s discount as the line’s discount', () => {
    const payload = cashSale({
      saleId: 'p1',
      storeId: 'S1',
      tillId: 'T1',
      products: [100, 100, 100],
      promotions: compilePromotions(demoPromotions()),
    });
    const facts = saleFacts('p1', 'T1', payload, PARIS, PLACE)!;
    const [line] = payload.lines;
    expect(line!.net).toBe((line!.gross * 2) / 3);
    expect(facts.lines.map((l) => l.discount)).toEqual([line!.gross / 3]);
  });
});
