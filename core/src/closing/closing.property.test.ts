import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tenderCounts, type Tender } from '../payment/tender';
import { cashExpected } from './cash-expected';
import { saleBusinessDate, type ClosingSale, type ClosingSaleRecord } from './closing-sale';
import { dailyClosing, missingDailyClosings, monthlyClosing, yearlyClosing, type PeriodClosingPayload } from './period-closing';
import { figuresOf } from './period-figures';
import { reportTotals } from './report-totals';
import { docsArb, movementArb, voidEvent } from './test-support/closing-docs';

type Doc = ClosingSale & { readonly tenders: readonly Tender[] };

const PARIS = { timeZone: 'Europe/Paris', dayStartHour: 4 };
const sign = (d: Doc) => (d.kind === 'return' ? -1 : 1);
const sumOf = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((acc, item) => acc + f(item), 0);

const dayArb = fc.record({
  docs: docsArb,
  voids: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 5 }),
  movements: fc.array(movementArb, { maxLength: 6 }),
  float: fc.integer({ min: 0, max: 50_000 }),
});

describe('reports and closings over random days', () => {
  it('the X report equals the sums over the sealed records', () => {
    fc.assert(
      fc.property(dayArb, ({ docs, voids, movements, float }) => {
        const x = reportTotals(docs, voids.map(voidEvent));
        const real = docs.filter((d) => d.training !== true);
        const taken = (method: string, d: Doc) => sumOf(d.tenders, (t) => (t.method === method && tenderCounts(t) ? t.amount : 0));
        for (const method of ['card', 'cash']) {
          const row = x.byTender.find((t) => t.method === method)?.amount ?? { sales: 0, returns: 0, net: 0 };
          expect(row.net).toBe(sumOf(real, (d) => sign(d) * taken(method, d)));
        }
        // Cash is what was handed over less the change.
        const cashNet = sumOf(real, (d) => sign(d) * sumOf(d.tenders, (t) => (t.method === 'cash' ? t.tendered - t.change : 0)));
        expect(x.byTender.find((t) => t.method === 'cash')?.amount.net ?? 0).toBe(cashNet);
        for (const row of x.byVat) {
          const rows = real.flatMap((d) => d.vat.filter((v) => v.rateBp === row.rateBp).map((v) => ({ v, s: sign(d) })));
          expect([row.base.net, row.vat.net, row.inclusive.net]).toEqual([
            sumOf(rows, ({ v, s }) => s * v.base),
            sumOf(rows, ({ v, s }) => s * v.vat),
            sumOf(rows, ({ v, s }) => s * v.inclusive),
          ]);
        }
        for (const split of [x.total, x.discounts, ...x.byTender.map((t) => t.amount), ...x.byVat.map((v) => v.inclusive)]) {
          expect(split.net).toBe(split.sales - split.returns);
        }
        expect(x.total.net).toBe(sumOf(real, (d) => sign(d) * d.total));
        expect(sumOf(x.byVat, (v) => v.inclusive.net)).toBe(x.total.net);
        expect(sumOf(x.byTender, (t) => t.amount.net) + x.cashRounding.net).toBe(x.total.net);
        expect(sumOf(x.byCashier, (p) => p.amount.net)).toBe(x.total.net);
        expect(sumOf(x.bySalesperson, (p) => p.amount.net)).toBe(x.total.net);
        expect([sumOf(x.byCashier, (p) => p.salesCount), sumOf(x.byCashier, (p) => p.returnsCount)]).toEqual([
          x.salesCount,
          x.returnsCount,
        ]);
        expect(x.voids).toEqual({ count: voids.length, amount: sumOf(voids, (v) => v) });
        // Training sales change nothing.
        expect(reportTotals(real, voids.map(voidEvent))).toEqual(x);
        const moved = (kind: string) => sumOf(movements, (m) => (m.kind === kind ? m.amount : 0));
        expect(cashExpected(float, x, movements).expected).toBe(float + cashNet + moved('pay-in') - moved('pay-out') - moved('safe-drop'));
      }),
      { numRuns: 150 },
    );
  });

  it('daily closings add up to the monthly closing and the grand totals accumulate', () => {
    fc.assert(
      fc.property(docsArb, (docs) => {
        const records: ClosingSaleRecord[] = docs.map((payload, i) => ({ seq: i + 1, hash: `h${i + 1}`, payload }));
        const byDay = new Map<string, ClosingSaleRecord[]>();
        for (const r of records) {
          const date = saleBusinessDate(r.payload, PARIS);
          byDay.set(date, [...(byDay.get(date) ?? []), r]);
        }
        const toClose = missingDailyClosings([], byDay.keys(), '2026-12-31');
        expect(toClose).toEqual([...byDay.keys()].sort());
        const dailies: PeriodClosingPayload[] = [];
        for (const date of toClose) {
          const previous = dailies[dailies.length - 1];
          const closing = dailyClosing({ date, currency: 'EUR', sales: byDay.get(date) ?? [], ...(previous ? { previous } : {}) });
          expect(closing.perpetualGrandTotal).toBe((previous?.perpetualGrandTotal ?? 0) + closing.total.net);
          expect(closing.perpetualGrandTotalAbsolute).toBe(
            (previous?.perpetualGrandTotalAbsolute ?? 0) + closing.total.sales + closing.total.returns,
          );
          expect(closing.perpetualGrandTotalAbsolute).toBeGreaterThanOrEqual(Math.abs(closing.perpetualGrandTotal));
          dailies.push(closing);
        }
        const month = monthlyClosing({ month: '2026-12', currency: 'EUR', dailies });
        const direct = reportTotals(docs);
        // The month summed from its days equals the month summed from its sales.
        expect(month).toMatchObject(figuresOf(direct));
        expect(month.perpetualGrandTotal).toBe(direct.total.net);
        expect(month.perpetualGrandTotalAbsolute).toBe(direct.total.sales + direct.total.returns);
        const counted = records.filter((r) => r.payload.training !== true);
        expect(month.lastSaleSeq).toBe(counted.length > 0 ? Math.max(...counted.map((r) => r.seq)) : null);
        const year = yearlyClosing({ fiscalYear: '2026', currency: 'EUR', monthlies: [month] });
        expect([year.perpetualGrandTotal, year.perpetualGrandTotalAbsolute, year.total]).toEqual([
          month.perpetualGrandTotal,
          month.perpetualGrandTotalAbsolute,
          month.total,
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
