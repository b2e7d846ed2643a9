import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError } from '../money/money';
import type { SalePayload } from '../sale/sale';
import { cashExpected } from './cash-expected';
import type { ClosingSale } from './closing-sale';
import { reportTotals } from './report-totals';
import { closingDoc, voidEvent } from './test-support/closing-docs';

// Ana sells 12.00 in cash (20.00 handed over), Zoé selling one line; Ben sells 30.00 by card after a
// declined card; Ana refunds 5.00 in cash; a training sale and a voided ticket of 7.50.
const day: ClosingSale[] = [
  closingDoc({
    saleId: 's1',
    staffId: 'staff-ana',
    lines: [
      { rateBp: 2000, net: 1000, salespersonId: 'staff-zoe' },
      { rateBp: 550, net: 200 },
    ],
    extraCash: 800,
    discountTotal: 100,
  }),
  closingDoc({ saleId: 's2', staffId: 'staff-ben', lines: [{ rateBp: 2000, net: 3000 }], card: 3000, declinedCard: 3000 }),
  closingDoc({ saleId: 'r1', staffId: 'staff-ana', kind: 'return', lines: [{ rateBp: 2000, net: 500 }], discountTotal: 20 }),
  closingDoc({ saleId: 't1', staffId: 'staff-ana', lines: [{ rateBp: 2000, net: 99_900 }], training: true }),
];

describe('reportTotals', () => {
  const totals = reportTotals(day, [voidEvent(750), { type: 'session.sign-in', staffId: 'staff-ana' }]);

  it('counts sales and returns apart, returns negatively in net, training nowhere', () => {
    expect(totals.currency).toBe('EUR');
    expect([totals.salesCount, totals.returnsCount]).toEqual([2, 1]);
    expect(totals.total).toEqual({ sales: 4200, returns: 500, net: 3700 });
    expect(totals.discounts).toEqual({ sales: 100, returns: 20, net: 80 });
    expect(totals.cashRounding).toEqual({ sales: 0, returns: 0, net: 0 });
    expect(totals.voids).toEqual({ count: 1, amount: 750 });
  });

  it('sums tenders that took money: cash net of change, no declined card', () => {
    expect(totals.byTender).toEqual([
      { method: 'card', count: 1, amount: { sales: 3000, returns: 0, net: 3000 } },
      { method: 'cash', count: 2, amount: { sales: 1200, returns: 500, net: 700 } },
    ]);
  });

  it('sums the sealed VAT rows per rate', () => {
    expect(totals.byVat).toEqual([
      {
        rateBp: 550,
        base: { sales: 190, returns: 0, net: 190 },
        vat: { sales: 10, returns: 0, net: 10 },
        inclusive: { sales: 200, returns: 0, net: 200 },
      },
      {
        rateBp: 2000,
        // 1000 → 833 + 167, 3000 → 2500 + 500, 500 → 417 + 83: the rows as sealed, not 4000 / 1.2.
        base: { sales: 3333, returns: 417, net: 2916 },
        vat: { sales: 667, returns: 83, net: 584 },
        inclusive: { sales: 4000, returns: 500, net: 3500 },
      },
    ]);
  });

  it('credits cashiers with their tickets and salespeople with their lines', () => {
    expect(totals.byCashier).toEqual([
      { staffId: 'staff-ana', salesCount: 1, returnsCount: 1, amount: { sales: 1200, returns: 500, net: 700 } },
      { staffId: 'staff-ben', salesCount: 1, returnsCount: 0, amount: { sales: 3000, returns: 0, net: 3000 } },
    ]);
    expect(totals.bySalesperson).toEqual([
      { staffId: 'staff-ana', salesCount: 1, returnsCount: 1, amount: { sales: 200, returns: 500, net: -300 } },
      { staffId: 'staff-ben', salesCount: 1, returnsCount: 0, amount: { sales: 3000, returns: 0, net: 3000 } },
      { staffId: 'staff-zoe', salesCount: 1, returnsCount: 0, amount: { sales: 1000, returns: 0, net: 1000 } },
    ]);
  });

  it('is empty without sales', () => {
    const empty = reportTotals([]);
    expect(empty.currency).toBeUndefined();
    expect(empty.total).toEqual({ sales: 0, returns: 0, net: 0 });
    expect([empty.byTender, empty.byVat, empty.byCashier, empty.voids.count]).toEqual([[], [], [], 0]);
  });

  it('refuses to add two currencies', () => {
    expect(() => reportTotals([...day, { ...closingDoc({ saleId: 'x', lines: [{ rateBp: 0, net: 1 }] }), currency: 'CHF' }])).toThrow(
      CurrencyMismatchError,
    );
  });

  it('reads today’s sale payloads as they are sealed', () => {
    const sealed: SalePayload[] = [];
    const typed: readonly ClosingSale[] = sealed;
    expect(reportTotals(typed).salesCount).toBe(0);
  });
});

describe('cashExpected', () => {
  const totals = reportTotals(day);

  it('adds the float, cash taken, pay-ins and takes off refunds, pay-outs and safe drops', () => {
    expect(
      cashExpected(15_000, totals, [
        { kind: 'pay-in', amount: 1000 },
        { kind: 'pay-out', amount: 300 },
        { kind: 'safe-drop', amount: 10_000 },
        { kind: 'pay-in', amount: 50 },
      ]),
    ).toEqual({ float: 15_000, cashSales: 1200, cashRefunds: 500, payIns: 1050, payOuts: 300, safeDrops: 10_000, expected: 6450 });
  });

  it('is the float when no cash moved', () => {
    expect(cashExpected(5000, reportTotals([]), []).expected).toBe(5000);
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => cashExpected(-1, totals, [])).toThrow(RangeError);
    expect(() => cashExpected(0, totals, [{ kind: 'pay-out', amount: -5 }])).toThrow(RangeError);
    expect(() => cashExpected(0, totals, [{ kind: 'pay-in', amount: 0.5 }])).toThrow(RangeError);
  });
});
