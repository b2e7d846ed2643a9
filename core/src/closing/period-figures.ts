import type { ReportTotals, TenderTotals, VatRateTotals } from './report-totals';
import { addSplits, sortedEntries, ZERO_SPLIT } from './split';
import type { Split } from './split';

/** What a fiscal closing sums over its period: sales and returns apart, by VAT rate and by tender. */
export type PeriodFigures = {
  /** Sale documents counted: sales + returns. */
  readonly count: number;
  readonly salesCount: number;
  readonly returnsCount: number;
  /** TTC. */
  readonly total: Split;
  readonly byVat: readonly VatRateTotals[];
  readonly byTender: readonly TenderTotals[];
};

export function figuresOf(report: ReportTotals): PeriodFigures {
  return {
    count: report.salesCount + report.returnsCount,
    salesCount: report.salesCount,
    returnsCount: report.returnsCount,
    total: report.total,
    byVat: report.byVat,
    byTender: report.byTender,
  };
}

function addVat(a: VatRateTotals | undefined, b: VatRateTotals): VatRateTotals {
  if (!a) return b;
  return {
    rateBp: b.rateBp,
    base: addSplits(a.base, b.base),
    vat: addSplits(a.vat, b.vat),
    inclusive: addSplits(a.inclusive, b.inclusive),
  };
}

function addTender(a: TenderTotals | undefined, b: TenderTotals): TenderTotals {
  if (!a) return b;
  return { method: b.method, count: a.count + b.count, amount: addSplits(a.amount, b.amount) };
}

/** The figures of several periods as one (a month from its days, a year from its months). */
export function sumFigures(parts: readonly PeriodFigures[]): PeriodFigures {
  const vat = new Map<number, VatRateTotals>();
  const tenders = new Map<string, TenderTotals>();
  let total = ZERO_SPLIT;
  let salesCount = 0;
  let returnsCount = 0;
  for (const part of parts) {
    total = addSplits(total, part.total);
    salesCount += part.salesCount;
    returnsCount += part.returnsCount;
    for (const v of part.byVat) vat.set(v.rateBp, addVat(vat.get(v.rateBp), v));
    for (const t of part.byTender) tenders.set(t.method, addTender(tenders.get(t.method), t));
  }
  return {
    count: salesCount + returnsCount,
    salesCount,
    returnsCount,
    total,
    byVat: sortedEntries(vat).map(([, v]) => v),
    byTender: sortedEntries(tenders).map(([, t]) => t),
  };
}
