import { assertMinorUnits, CurrencyMismatchError } from '../money/money';
import { fiscalYearMonths, monthOf } from '../time/business-date';
import { countsInTotals, type ClosingSaleRecord } from './closing-sale';
import { figuresOf, sumFigures, type PeriodFigures } from './period-figures';
import { reportTotals } from './report-totals';

export type ClosingType = 'closing.day' | 'closing.month' | 'closing.year';

/**
 * The payload of a fiscal closing (daily, monthly, yearly), sealed on the closing chain. A monthly
 * closing sums the daily closings of its month, a yearly one the monthly closings of its fiscal
 * year: never raw sales, so every level agrees with the one below.
 */
export type PeriodClosingPayload = PeriodFigures & {
  readonly type: ClosingType;
  /** '2026-12-06' (business date), '2026-12', or '2026' (fiscal year, named by the year it starts). */
  readonly period: string;
  readonly currency: string;
  /** Previous closing of the same level + this period's net (returns negative). */
  readonly perpetualGrandTotal: number;
  /** Previous closing of the same level + sales + returns (both positive). */
  readonly perpetualGrandTotalAbsolute: number;
  /** The sale of highest sequence counted in the period (carried over from the previous closing when it has none). */
  readonly lastSaleHash: string | null;
  readonly lastSaleSeq: number | null;
  /** Monthly and yearly: the periods of the closings summed, in order. */
  readonly closings?: readonly string[];
};

/** What a closing takes from the previous closing of its level. */
export type PreviousClosing = Pick<
  PeriodClosingPayload,
  'type' | 'period' | 'perpetualGrandTotal' | 'perpetualGrandTotalAbsolute' | 'lastSaleHash' | 'lastSaleSeq'
>;

export type ClosingProblem = 'wrong-period' | 'duplicate-period' | 'wrong-previous' | 'out-of-step';

export class ClosingError extends Error {
  constructor(
    readonly code: ClosingProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ClosingError';
  }
}

type LastSale = Pick<PeriodClosingPayload, 'lastSaleHash' | 'lastSaleSeq'>;

function closingPayload(
  type: ClosingType,
  period: string,
  currency: string,
  figures: PeriodFigures,
  previous: PreviousClosing | undefined,
  last: LastSale | undefined,
  closings?: readonly string[],
): PeriodClosingPayload {
  if (previous && (previous.type !== type || previous.period >= period)) {
    throw new ClosingError('wrong-previous', `A ${type} of ${period} cannot follow a ${previous.type} of ${previous.period}`);
  }
  return {
    type,
    period,
    currency,
    ...figures,
    perpetualGrandTotal: assertMinorUnits((previous?.perpetualGrandTotal ?? 0) + figures.total.net),
    perpetualGrandTotalAbsolute: assertMinorUnits(
      (previous?.perpetualGrandTotalAbsolute ?? 0) + figures.total.sales + figures.total.returns,
    ),
    lastSaleHash: last?.lastSaleHash ?? previous?.lastSaleHash ?? null,
    lastSaleSeq: last?.lastSaleSeq ?? previous?.lastSaleSeq ?? null,
    ...(closings ? { closings } : {}),
  };
}

export type DailyClosingInput = {
  /** The business date closed. */
  readonly date: string;
  readonly currency: string;
  /** The sale chain's records of that business date (training ones are left out here). */
  readonly sales: readonly ClosingSaleRecord[];
  /** The previous daily closing; absent for the till's first. */
  readonly previous?: PreviousClosing;
};

/** The daily closing of a business date, from its sealed sales. */
export function dailyClosing(input: DailyClosingInput): PeriodClosingPayload {
  monthOf(input.date); // refuses what is not a calendar date
  const counted = input.sales.filter((r) => countsInTotals(r.payload));
  const report = reportTotals(counted.map((r) => r.payload));
  if (report.currency !== undefined && report.currency !== input.currency) throw new CurrencyMismatchError(input.currency, report.currency);
  let last: ClosingSaleRecord | undefined;
  for (const r of counted) if (!last || r.seq > last.seq) last = r;
  return closingPayload(
    'closing.day',
    input.date,
    input.currency,
    figuresOf(report),
    input.previous,
    last && { lastSaleHash: last.hash, lastSaleSeq: last.seq },
  );
}

/**
 * Sums closings of the level below: each must be of `partType`, inside the period, once, in the
 * currency; and the last one's grand totals must be where this closing's land (the two levels
 * count the same sales since the first).
 */
function cascade(
  type: ClosingType,
  period: string,
  currency: string,
  parts: readonly PeriodClosingPayload[],
  partType: ClosingType,
  inPeriod: (partPeriod: string) => boolean,
  previous: PreviousClosing | undefined,
): LevelSum {
  const sorted = [...parts].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  sorted.forEach((part, i) => {
    if (part.type !== partType || !inPeriod(part.period)) {
      throw new ClosingError('wrong-period', `A ${part.type} of ${part.period} is not part of the ${type} of ${period}`);
    }
    if (sorted[i - 1]?.period === part.period) throw new ClosingError('duplicate-period', `Two closings of ${part.period}`);
    if (part.currency !== currency) throw new CurrencyMismatchError(currency, part.currency);
  });
  const last = sorted[sorted.length - 1];
  let lastSale: LastSale | undefined;
  for (const p of sorted) if (p.lastSaleSeq !== null && (lastSale?.lastSaleSeq ?? -1) < p.lastSaleSeq) lastSale = p;
  const closing = closingPayload(
    type,
    period,
    currency,
    sumFigures(sorted),
    previous,
    lastSale,
    sorted.map((p) => p.period),
  );
  return { closing, last };
}

/** A closing summed from the level below, and the last closing it summed, whose grand totals its own must equal. */
export type LevelSum = { readonly closing: PeriodClosingPayload; readonly last: PeriodClosingPayload | undefined };

/** The closing, once its grand totals are where the last closing it sums left them (the two levels count the same sales since the first). */
function inStep({ closing, last }: LevelSum): PeriodClosingPayload {
  if (
    last &&
    (last.perpetualGrandTotal !== closing.perpetualGrandTotal || last.perpetualGrandTotalAbsolute !== closing.perpetualGrandTotalAbsolute)
  ) {
    throw new ClosingError('out-of-step', `The grand totals of ${last.period} and of the ${closing.type} of ${closing.period} differ`);
  }
  return closing;
}

export type MonthlyClosingInput = {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly currency: string;
  /** Every daily closing of the month (seal the missing ones first: missingDailyClosings). */
  readonly dailies: readonly PeriodClosingPayload[];
  /** The previous monthly closing; absent for the till's first. */
  readonly previous?: PreviousClosing;
};

/** The monthly closing, from the month's daily closings. */
export function monthlyClosing(input: MonthlyClosingInput): PeriodClosingPayload {
  return inStep(monthlySum(input));
}

/**
 * monthlyClosing without its last check (grand totals landing on the last daily closing's): for a
 * checker that reports that as a difference rather than failing (the hub's closing checks).
 */
export function monthlySum(input: MonthlyClosingInput): LevelSum {
  if (monthOf(`${input.month}-01`) !== input.month) throw new RangeError(`Not a month (YYYY-MM): ${input.month}`);
  const inMonth = (day: string) => monthOf(day) === input.month;
  return cascade('closing.month', input.month, input.currency, input.dailies, 'closing.day', inMonth, input.previous);
}

export type YearlyClosingInput = {
  /** The fiscal year ('YYYY', the year it starts: fiscalYearOf). */
  readonly fiscalYear: string;
  /** 1 (January) unless the fiscal year starts another month. */
  readonly fiscalYearStartMonth?: number;
  readonly currency: string;
  /** Every monthly closing of the fiscal year (missingMonthlyClosings says which are due). */
  readonly monthlies: readonly PeriodClosingPayload[];
  readonly previous?: PreviousClosing;
};

/** The yearly closing, from the fiscal year's monthly closings. */
export function yearlyClosing(input: YearlyClosingInput): PeriodClosingPayload {
  return inStep(yearlySum(input));
}

/** yearlyClosing without its last check, like monthlySum. */
export function yearlySum(input: YearlyClosingInput): LevelSum {
  const months = new Set(fiscalYearMonths(input.fiscalYear, input.fiscalYearStartMonth));
  const inYear = (month: string) => months.has(month);
  return cascade('closing.year', input.fiscalYear, input.currency, input.monthlies, 'closing.month', inYear, input.previous);
}

function missing(closed: Iterable<string>, needed: Iterable<string>, through: string): string[] {
  const done = new Set(closed);
  return [...new Set(needed)].filter((p) => p <= through && !done.has(p)).sort();
}

/** The business dates with sales, up to `through` included, that have no daily closing yet: to seal first, in order. */
export function missingDailyClosings(closedDays: Iterable<string>, salesDays: Iterable<string>, through: string): string[] {
  return missing(closedDays, salesDays, through);
}

/** The months with daily closings, up to `throughMonth` included, that have no monthly closing yet. */
export function missingMonthlyClosings(closedMonths: Iterable<string>, closedDays: Iterable<string>, throughMonth: string): string[] {
  return missing(closedMonths, [...closedDays].map(monthOf), throughMonth);
}
