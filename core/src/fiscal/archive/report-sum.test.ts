import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportTotals } from '../../closing/report-totals';
import { closingDoc, docsArb, voidEvent } from '../../closing/test-support/closing-docs';
import { addReports } from './report-sum';

describe('addReports', () => {
  it('sums two sets of documents as reportTotals sums them at once, wherever the cut', () => {
    fc.assert(
      fc.property(docsArb, fc.nat(), fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 3 }), (docs, at, voids) => {
        const cut = docs.length === 0 ? 0 : at % (docs.length + 1);
        const events = voids.map(voidEvent);
        const parts = addReports(reportTotals(docs.slice(0, cut), events), reportTotals(docs.slice(cut)));
        expect(parts).toEqual(reportTotals(docs, events));
      }),
    );
  });

  it('refuses two currencies', () => {
    const eur = reportTotals([closingDoc({ saleId: 'a', lines: [{ rateBp: 2000, net: 100 }] })]);
    expect(() => addReports(eur, { ...eur, currency: 'CHF' })).toThrow(/CHF|EUR/);
  });
});
