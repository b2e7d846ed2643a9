import type { PersonTotals, ReportTotals, TenderTotals, VatRateTotals } from '../../closing/report-totals';
import { addSplits, sortedEntries } from '../../closing/split';
import { CurrencyMismatchError } from '../../money/money';

function merged<K extends string | number, V>(a: readonly V[], b: readonly V[], key: (v: V) => K, add: (x: V, y: V) => V): V[] {
  const map = new Map<K, V>();
  for (const v of [...a, ...b]) {
    const k = key(v);
    const seen = map.get(k);
    map.set(k, seen === undefined ? v : add(seen, v));
  }
  return sortedEntries(map).map(([, v]) => v);
}

const addPeople = (x: PersonTotals, y: PersonTotals): PersonTotals => ({
  staffId: x.staffId,
  salesCount: x.salesCount + y.salesCount,
  returnsCount: x.returnsCount + y.returnsCount,
  amount: addSplits(x.amount, y.amount),
});

/**
 * Report figures of two disjoint sets of documents as one: what reportTotals gives for both sets
 * at once (every figure is a sum over documents), so a verifier can sum a long period in parts
 * without holding its documents.
 */
export function addReports(a: ReportTotals, b: ReportTotals): ReportTotals {
  if (a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency)
    throw new CurrencyMismatchError(a.currency, b.currency);
  return {
    currency: a.currency ?? b.currency,
    salesCount: a.salesCount + b.salesCount,
    returnsCount: a.returnsCount + b.returnsCount,
    total: addSplits(a.total, b.total),
    discounts: addSplits(a.discounts, b.discounts),
    cashRounding: addSplits(a.cashRounding, b.cashRounding),
    byTender: merged(
      a.byTender,
      b.byTender,
      (t) => t.method,
      (x, y): TenderTotals => ({ method: x.method, count: x.count + y.count, amount: addSplits(x.amount, y.amount) }),
    ),
    byVat: merged(
      a.byVat,
      b.byVat,
      (v) => v.rateBp,
      (x, y): VatRateTotals => ({
        rateBp: x.rateBp,
        base: addSplits(x.base, y.base),
        vat: addSplits(x.vat, y.vat),
        inclusive: addSplits(x.inclusive, y.inclusive),
      }),
    ),
    byCashier: merged(a.byCashier, b.byCashier, (p) => p.staffId, addPeople),
    bySalesperson: merged(a.bySalesperson, b.bySalesperson, (p) => p.staffId, addPeople),
    voids: { count: a.voids.count + b.voids.count, amount: a.voids.amount + b.voids.amount },
  };
}
