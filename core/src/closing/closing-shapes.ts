import { CASH_COUNT_SHAPE, MAX_CLOSE_TENDERS, MAX_REASON_LENGTH } from '../cash/cash-session-shapes';
import { array, integer, literal, nullable, object, pattern, record, text, variant, type Check } from '../validation/shape';

/**
 * The bounded shapes of the closing chain's payloads: a Z report (`closing.z`) and the fiscal
 * closings of a day, a month and a fiscal year. Sums over a period may pass a single sale's bound,
 * so they are safe integers; lists are bounded by what a till can hold.
 */
const id = text(64, 1);
const ISO_UTC = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 24, 'a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ');
const DATE = pattern(/^\d{4}-\d{2}-\d{2}$/, 10, 'a date as YYYY-MM-DD');
const CURRENCY = pattern(/^[A-Z]{3}$/, 3, 'a currency code of three capital letters');
const HASH = pattern(/^[0-9a-f]{64}$/, 64, '64 lowercase hex digits');
const METHOD_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const sum = integer();
const count = integer(0);
const positive = integer(0);

/** At most this many VAT rates, tenders and people in one report. */
export const MAX_REPORT_RATES = 16;
export const MAX_REPORT_TENDERS = 32;
export const MAX_REPORT_PEOPLE = 500;

const split = object({ sales: sum, returns: sum, net: sum });
const byVat = array(object({ rateBp: integer(0, 10_000), base: split, vat: split, inclusive: split }), MAX_REPORT_RATES);
const byTender = array(object({ method: text(32, 1), count, amount: split }), MAX_REPORT_TENDERS);
const people = array(object({ staffId: id, salesCount: count, returnsCount: count, amount: split }), MAX_REPORT_PEOPLE);

const totals = object({
  currency: CURRENCY,
  salesCount: count,
  returnsCount: count,
  total: split,
  discounts: split,
  cashRounding: split,
  byTender,
  byVat,
  byCashier: people,
  bySalesperson: people,
  voids: object({ count, amount: positive }),
});

const cash = object({
  float: positive,
  cashSales: positive,
  cashRefunds: positive,
  payIns: positive,
  payOuts: positive,
  safeDrops: positive,
  expected: sum,
});

const tenderClose = object({ method: text(32, 1), counted: sum, expected: sum, variance: sum }, { count: CASH_COUNT_SHAPE });

export const Z_FIGURES_SHAPE: Check = object(
  {
    sessionId: id,
    tillId: text(32, 1),
    businessDate: DATE,
    openedAt: ISO_UTC,
    openedBy: id,
    currency: CURRENCY,
    totals,
    cash,
    expected: record(METHOD_NAME, sum, MAX_REPORT_TENDERS),
    closedAt: ISO_UTC,
    closedBy: id,
    varianceLimit: positive,
    tenders: array(tenderClose, MAX_CLOSE_TENDERS, 1),
    differences: array(object({ method: text(32, 1), sealed: sum, recomputed: sum }), MAX_REPORT_TENDERS),
  },
  { approval: object({ approvedBy: id, reason: text(MAX_REASON_LENGTH, 1) }) },
);

export const Z_CLOSING_SHAPE: Check = object({
  type: literal('closing.z'),
  zNumber: integer(1),
  sessionId: id,
  figures: Z_FIGURES_SHAPE,
  perpetualGrandTotal: sum,
  perpetualGrandTotalAbsolute: positive,
});

const periodClosing = (type: string, period: Check, parts?: Check): Check =>
  object(
    {
      type: literal(type),
      period,
      currency: CURRENCY,
      count,
      salesCount: count,
      returnsCount: count,
      total: split,
      byVat,
      byTender,
      perpetualGrandTotal: sum,
      perpetualGrandTotalAbsolute: positive,
      lastSaleHash: nullable(HASH),
      lastSaleSeq: nullable(integer(1)),
    },
    parts ? { closings: parts } : {},
  );

const MONTH = pattern(/^\d{4}-\d{2}$/, 7, 'a month as YYYY-MM');
const YEAR = pattern(/^\d{4}$/, 4, 'a fiscal year as YYYY');

/** The closing chain's payloads by type. */
export const CLOSING_SHAPES: Readonly<Record<string, Check>> = {
  'closing.z': Z_CLOSING_SHAPE,
  'closing.day': periodClosing('closing.day', DATE),
  'closing.month': periodClosing('closing.month', MONTH, array(DATE, 31)),
  'closing.year': periodClosing('closing.year', YEAR, array(MONTH, 12)),
};

export const CLOSING_SHAPE: Check = variant('type', CLOSING_SHAPES);
