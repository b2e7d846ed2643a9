import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError } from '../money/money';
import type { ClosingSaleRecord } from './closing-sale';
import {
  ClosingError,
  dailyClosing,
  missingDailyClosings,
  missingMonthlyClosings,
  monthlyClosing,
  monthlySum,
  yearlyClosing,
  yearlySum,
  type PeriodClosingPayload,
} from './period-closing';
import { closingDoc } from './test-support/closing-docs';

function record(seq: number, doc: ReturnType<typeof closingDoc>): ClosingSaleRecord {
  return { seq, hash: `h${seq}`, payload: doc };
}

const sale = (id: string, net: number, card = 0) => closingDoc({ saleId: id, lines: [{ rateBp: 2000, net }], card });
const refund = (id: string, net: number) => closingDoc({ saleId: id, kind: 'return', lines: [{ rateBp: 2000, net }] });

/** Daily closings of consecutive days, each following the one before. */
function days(...perDay: [string, ClosingSaleRecord[]][]): PeriodClosingPayload[] {
  const closings: PeriodClosingPayload[] = [];
  for (const [date, sales] of perDay) {
    const previous = closings[closings.length - 1];
    closings.push(dailyClosing({ date, currency: 'EUR', sales, ...(previous ? { previous } : {}) }));
  }
  return closings;
}

describe('dailyClosing', () => {
  it('totals the day, sales and returns apart, and moves both grand totals on', () => {
    const previous = {
      type: 'closing.day' as const,
      period: '2026-12-05',
      perpetualGrandTotal: 10_000,
      perpetualGrandTotalAbsolute: 12_000,
      lastSaleHash: 'h2',
      lastSaleSeq: 2,
    };
    const closing = dailyClosing({
      date: '2026-12-06',
      currency: 'EUR',
      sales: [
        record(3, sale('a', 5000, 2000)),
        record(5, refund('b', 2000)),
        record(4, sale('c', 1000)),
        record(6, closingDoc({ saleId: 't', lines: [{ rateBp: 2000, net: 7777 }], training: true })),
      ],
      previous,
    });
    expect(closing).toMatchObject({
      type: 'closing.day',
      period: '2026-12-06',
      currency: 'EUR',
      count: 3,
      salesCount: 2,
      returnsCount: 1,
      total: { sales: 6000, returns: 2000, net: 4000 },
      perpetualGrandTotal: 14_000,
      perpetualGrandTotalAbsolute: 20_000,
      lastSaleHash: 'h5',
      lastSaleSeq: 5,
    });
    expect(closing.byTender).toEqual([
      { method: 'card', count: 1, amount: { sales: 2000, returns: 0, net: 2000 } },
      { method: 'cash', count: 3, amount: { sales: 4000, returns: 2000, net: 2000 } },
    ]);
    expect(closing.byVat.map((v) => [v.rateBp, v.inclusive.net, v.base.net + v.vat.net])).toEqual([[2000, 4000, 4000]]);
    expect(closing.closings).toBeUndefined();
  });

  it('seals a day without sales with zero figures and the last sale carried over', () => {
    const [first, empty] = days(['2026-12-01', [record(1, sale('a', 500))]], ['2026-12-02', []]);
    expect(empty).toMatchObject({ count: 0, byVat: [], byTender: [], perpetualGrandTotal: 500, lastSaleHash: 'h1', lastSaleSeq: 1 });
    expect(first?.perpetualGrandTotalAbsolute).toBe(500);
    expect(dailyClosing({ date: '2026-12-01', currency: 'EUR', sales: [] })).toMatchObject({ lastSaleHash: null, lastSaleSeq: null });
  });

  it('refuses a bad date, another currency, or a previous closing that does not come before', () => {
    expect(() => dailyClosing({ date: '2026-12-32', currency: 'EUR', sales: [] })).toThrow(RangeError);
    expect(() => dailyClosing({ date: '2026-12-01', currency: 'CHF', sales: [record(1, sale('a', 1))] })).toThrow(CurrencyMismatchError);
    const [first] = days(['2026-12-02', []]);
    expect(() => dailyClosing({ date: '2026-12-02', currency: 'EUR', sales: [], previous: first! })).toThrow(ClosingError);
  });
});

describe('monthlyClosing and yearlyClosing', () => {
  const december = days(
    ['2026-12-01', [record(1, sale('a', 1000)), record(2, refund('b', 300))]],
    ['2026-12-02', []],
    ['2026-12-06', [record(3, sale('c', 2500, 2500))]],
  );

  it('sums the daily closings of the month, and lands where the last day did', () => {
    const month = monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: [...december].reverse() });
    expect(month).toMatchObject({
      type: 'closing.month',
      period: '2026-12',
      count: 3,
      total: { sales: 3500, returns: 300, net: 3200 },
      perpetualGrandTotal: 3200,
      perpetualGrandTotalAbsolute: 3800,
      lastSaleHash: 'h3',
      lastSaleSeq: 3,
      closings: ['2026-12-01', '2026-12-02', '2026-12-06'],
    });
    expect(month.byTender.map((t) => [t.method, t.amount.net])).toEqual([
      ['card', 2500],
      ['cash', 700],
    ]);
  });

  it('refuses days of another month, a day twice, or days out of step with the previous month', () => {
    const november = dailyClosing({ date: '2026-11-30', currency: 'EUR', sales: [] });
    expect(() => monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: [...december, november] })).toThrow(ClosingError);
    expect(() => monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: [...december, december[0]!] })).toThrow(/Two closings/);
    const previous = {
      type: 'closing.month' as const,
      period: '2026-11',
      perpetualGrandTotal: 1,
      perpetualGrandTotalAbsolute: 1,
      lastSaleHash: null,
      lastSaleSeq: null,
    };
    expect(() => monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: december, previous })).toThrow(/differ/);
    // A checker gets the sum and the last day instead, to name the figures out of step.
    const sum = monthlySum({ month: '2026-12', currency: 'EUR', dailies: december, previous });
    expect(sum.closing.perpetualGrandTotal).toBe(3201);
    expect(sum.last).toBe(december[2]);
    expect(sum.last?.perpetualGrandTotal).toBe(3200);
    expect(() => monthlyClosing({ month: '2026-13', currency: 'EUR', dailies: [] })).toThrow(RangeError);
  });

  it('closes an empty month at the previous grand totals', () => {
    const previous = monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: december });
    expect(monthlyClosing({ month: '2027-01', currency: 'EUR', dailies: [], previous })).toMatchObject({
      count: 0,
      perpetualGrandTotal: 3200,
      perpetualGrandTotalAbsolute: 3800,
      lastSaleSeq: 3,
      closings: [],
    });
  });

  it('sums the monthly closings of a fiscal year that starts in July', () => {
    const june = monthlyClosing({
      month: '2027-06',
      currency: 'EUR',
      dailies: days(['2027-06-30', [record(1, sale('a', 400))]]),
    });
    const year = yearlyClosing({ fiscalYear: '2026', fiscalYearStartMonth: 7, currency: 'EUR', monthlies: [june] });
    expect(year).toMatchObject({ type: 'closing.year', period: '2026', perpetualGrandTotal: 400, closings: ['2027-06'] });
    expect(() => yearlyClosing({ fiscalYear: '2027', fiscalYearStartMonth: 7, currency: 'EUR', monthlies: [june] })).toThrow(ClosingError);
    expect(() => yearlyClosing({ fiscalYear: '2026', currency: 'EUR', monthlies: december })).toThrow(ClosingError);
    expect(yearlySum({ fiscalYear: '2026', fiscalYearStartMonth: 7, currency: 'EUR', monthlies: [june] })).toEqual({
      closing: year,
      last: june,
    });
  });
});

describe('missing closings', () => {
  it('names the days with sales and no daily closing, up to a date, in order', () => {
    expect(
      missingDailyClosings(['2026-12-01'], ['2026-12-03', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-07'], '2026-12-06'),
    ).toEqual(['2026-12-02', '2026-12-03']);
    expect(missingDailyClosings([], [], '2026-12-06')).toEqual([]);
  });

  it('names the months with daily closings and no monthly closing', () => {
    expect(missingMonthlyClosings(['2026-10'], ['2026-10-31', '2026-11-02', '2026-12-01'], '2026-11')).toEqual(['2026-11']);
  });
});
