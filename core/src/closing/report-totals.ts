import type { EventPayload } from '../fiscal/events';
import { CurrencyMismatchError } from '../money/money';
import { countsInTotals, isReturn, tenderTakes, type ClosingSale } from './closing-sale';
import { addTo, entryOf, newSplitSum, sortedEntries, splitOf, type Split, type SplitSum } from './split';

export type TenderTotals = {
  readonly method: string;
  /** How many tenders of this method took money (on sales and returns). */
  readonly count: number;
  readonly amount: Split;
};

/** Per VAT rate, sums of the sealed VAT rows. */
export type VatRateTotals = {
  readonly rateBp: number;
  readonly base: Split;
  readonly vat: Split;
  readonly inclusive: Split;
};

export type PersonTotals = {
  readonly staffId: string;
  /** Sale tickets with this person (as cashier, or on at least one line as salesperson). */
  readonly salesCount: number;
  readonly returnsCount: number;
  readonly amount: Split;
};

/** The figures of an X or Z report (and the raw material of a daily closing); amounts in minor units. */
export type ReportTotals = {
  /** The sales' currency; undefined when there is none. */
  readonly currency: string | undefined;
  readonly salesCount: number;
  readonly returnsCount: number;
  /** TTC: gross sales, returns, net. */
  readonly total: Split;
  readonly discounts: Split;
  readonly cashRounding: Split;
  /** Sorted by method. */
  readonly byTender: readonly TenderTotals[];
  /** Sorted by rate. */
  readonly byVat: readonly VatRateTotals[];
  /** Sorted by staff id. */
  readonly byCashier: readonly PersonTotals[];
  /** Each line to its salesperson, else to the cashier; sorted by staff id. */
  readonly bySalesperson: readonly PersonTotals[];
  /** Tickets voided before payment (`sale.void` events). */
  readonly voids: { readonly count: number; readonly amount: number };
};

type PersonSum = { salesCount: number; returnsCount: number; amount: SplitSum };
type VatSum = { base: SplitSum; vat: SplitSum; inclusive: SplitSum };

const newPerson = (): PersonSum => ({ salesCount: 0, returnsCount: 0, amount: newSplitSum() });
const newVat = (): VatSum => ({ base: newSplitSum(), vat: newSplitSum(), inclusive: newSplitSum() });
const newTender = (): { count: number; amount: SplitSum } => ({ count: 0, amount: newSplitSum() });

function countTicket(person: PersonSum, ret: boolean): void {
  if (ret) person.returnsCount += 1;
  else person.salesCount += 1;
}

function people(map: Map<string, PersonSum>): PersonTotals[] {
  return sortedEntries(map).map(([staffId, p]) => ({
    staffId,
    salesCount: p.salesCount,
    returnsCount: p.returnsCount,
    amount: splitOf(p.amount),
  }));
}

function addSalespeople(map: Map<string, PersonSum>, sale: ClosingSale, ret: boolean): void {
  const seen = new Set<string>();
  for (const line of sale.lines) {
    const id = line.salespersonId ?? sale.staffId;
    const person = entryOf(map, id, newPerson);
    addTo(person.amount, line.net, ret);
    if (!seen.has(id)) countTicket(person, ret);
    seen.add(id);
  }
}

/**
 * Sums sealed sale documents (and void events) into report figures. Training documents are left
 * out; returns count in `returns` and negatively in `net`. VAT figures are sums of the sealed rows.
 */
export function reportTotals(sales: readonly ClosingSale[], events: readonly EventPayload[] = []): ReportTotals {
  let currency: string | undefined;
  let salesCount = 0;
  let returnsCount = 0;
  const total = newSplitSum();
  const discounts = newSplitSum();
  const cashRounding = newSplitSum();
  const tenders = new Map<string, { count: number; amount: SplitSum }>();
  const vat = new Map<number, VatSum>();
  const cashiers = new Map<string, PersonSum>();
  const salespeople = new Map<string, PersonSum>();
  for (const sale of sales) {
    if (!countsInTotals(sale)) continue;
    if (currency !== undefined && sale.currency !== currency) throw new CurrencyMismatchError(currency, sale.currency);
    currency = sale.currency;
    const ret = isReturn(sale);
    if (ret) returnsCount += 1;
    else salesCount += 1;
    addTo(total, sale.total, ret);
    addTo(discounts, sale.discountTotal, ret);
    addTo(cashRounding, sale.cashRounding, ret);
    for (const tender of sale.tenders) {
      if (!tenderTakes(tender)) continue;
      const t = entryOf(tenders, tender.method, newTender);
      t.count += 1;
      addTo(t.amount, tender.amount, ret);
    }
    for (const row of sale.vat) {
      const v = entryOf(vat, row.rateBp, newVat);
      addTo(v.base, row.base, ret);
      addTo(v.vat, row.vat, ret);
      addTo(v.inclusive, row.inclusive, ret);
    }
    const cashier = entryOf(cashiers, sale.staffId, newPerson);
    countTicket(cashier, ret);
    addTo(cashier.amount, sale.total, ret);
    addSalespeople(salespeople, sale, ret);
  }
  const voids = { count: 0, amount: 0 };
  for (const event of events) {
    if (event.type !== 'sale.void') continue;
    voids.count += 1;
    voids.amount += event.total;
  }
  return {
    currency,
    salesCount,
    returnsCount,
    total: splitOf(total),
    discounts: splitOf(discounts),
    cashRounding: splitOf(cashRounding),
    byTender: sortedEntries(tenders).map(([method, t]) => ({ method, count: t.count, amount: splitOf(t.amount) })),
    byVat: sortedEntries(vat).map(([rateBp, v]) => ({
      rateBp,
      base: splitOf(v.base),
      vat: splitOf(v.vat),
      inclusive: splitOf(v.inclusive),
    })),
    byCashier: people(cashiers),
    bySalesperson: people(salespeople),
    voids,
  };
}
