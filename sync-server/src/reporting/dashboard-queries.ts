import { addDays } from '@pos/core';
import {
  DASHBOARD_LIMITS,
  type DashboardFigures,
  type DashboardRow,
  type DashboardTotals,
  type DashboardVouchers,
} from '@pos/core/sync/head-office-api';
import type { Queryable } from '../db/database';
import { BREAKDOWNS, breakdownSql, type Breakdown, type Source } from './dashboard-sql';
import { splitVouchers } from './voucher-figures';

/** Stores and business dates (inclusive, 'YYYY-MM-DD', each store's own business dates) a dashboard covers. */
export type DashboardRange = { readonly stores: readonly string[]; readonly from: string; readonly to: string };

/** Sums over a range: amounts in minor units, net of returns; `returnsIncl` what returns gave back (the wire's shapes). */
export type Figures = DashboardFigures;
export type Totals = DashboardTotals;
export type KeyedFigures = DashboardRow;

export type Dashboard = {
  readonly range: DashboardRange;
  readonly totals: Totals;
  /** Every breakdown but products, ordered by key (numbers as numbers). */
  readonly by: Readonly<Record<Exclude<Breakdown, 'product'>, readonly KeyedFigures[]>>;
  /** Products by net sales with VAT: the best first, then the worst first (ties by product id). */
  readonly topProducts: readonly KeyedFigures[];
  readonly bottomProducts: readonly KeyedFigures[];
  /** Categories the same way (a product without a category: key ''). */
  readonly topCategories: readonly KeyedFigures[];
  readonly bottomCategories: readonly KeyedFigures[];
  /** Gift cards sold versus redeemed, store credit given versus redeemed (voucher-figures.ts). */
  readonly vouchers: DashboardVouchers;
};

export type Comparison = {
  readonly current: Totals;
  /** The same number of days just before. */
  readonly previous: Totals & { readonly from: string; readonly to: string };
  /** The same dates a year before (29 February: the 28th). */
  readonly lastYear: Totals & { readonly from: string; readonly to: string };
};

/** Bounds of a dashboard request: stores, days, products (and categories) listed. */
export const MAX_STORES = DASHBOARD_LIMITS.maxStores;
export const MAX_DAYS = DASHBOARD_LIMITS.maxDays;
export const MAX_PRODUCTS = DASHBOARD_LIMITS.maxRanked;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Throws a RangeError on a range out of bounds (the route answers 400). No store: every figure is 0. */
export function checkRange(range: DashboardRange): void {
  if (range.stores.length > MAX_STORES) throw new RangeError(`At most ${MAX_STORES} stores`);
  if (!DATE.test(range.from) || !DATE.test(range.to) || addDays(range.from, 0) !== range.from || addDays(range.to, 0) !== range.to) {
    throw new RangeError('Dates are YYYY-MM-DD');
  }
  const days = daysBetween(range.from, range.to) + 1;
  if (days < 1 || days > MAX_DAYS) throw new RangeError(`From 1 to ${MAX_DAYS} days, from before to`);
}

type Row = {
  key: string;
  tickets: number;
  returns: number;
  net_incl: number;
  net_excl: number;
  returns_incl: number;
  discounts: number;
  items: number;
  quantity?: number;
};

function figures(row: Row | undefined): Figures {
  return {
    tickets: Number(row?.tickets ?? 0),
    returns: Number(row?.returns ?? 0),
    netIncl: Number(row?.net_incl ?? 0),
    netExcl: Number(row?.net_excl ?? 0),
    returnsIncl: Number(row?.returns_incl ?? 0),
    discounts: Number(row?.discounts ?? 0),
    items: Number(row?.items ?? 0),
    ...(row?.quantity !== undefined ? { quantity: Number(row.quantity) } : {}),
  };
}

function keyed(row: Row): KeyedFigures {
  return { key: row.key, ...figures(row) };
}

function totalsOf(f: Figures): Totals {
  return {
    ...f,
    averageBasket: f.tickets === 0 ? 0 : Math.round(f.netIncl / f.tickets),
    itemsPerTicket: f.tickets === 0 ? 0 : Math.round((f.items * 100) / f.tickets) / 100,
  };
}

const NUMERIC: ReadonlySet<Breakdown> = new Set(['weekday', 'hour', 'vat']);

function byKey(breakdown: Breakdown): (a: KeyedFigures, b: KeyedFigures) => number {
  if (NUMERIC.has(breakdown)) return (a, b) => Number(a.key) - Number(b.key);
  return (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function params(range: DashboardRange): unknown[] {
  return [[...range.stores], range.from, range.to];
}

/** The totals of a range: from the roll-ups, or (`facts`) recomputed from the sale facts. */
export async function dashboardTotals(db: Queryable, range: DashboardRange, source: Source = 'rollups'): Promise<Totals> {
  checkRange(range);
  const [row] = await db.query<Row>(breakdownSql(source, 'totals'), params(range));
  return totalsOf(figures(row));
}

/** One breakdown of a range, every key, ordered by key. */
export async function dashboardBreakdown(
  db: Queryable,
  range: DashboardRange,
  breakdown: Breakdown,
  source: Source = 'rollups',
): Promise<KeyedFigures[]> {
  checkRange(range);
  const rows = await db.query<Row>(breakdownSql(source, breakdown), params(range));
  return rows.map(keyed).sort(byKey(breakdown));
}

/** The `limit` best (or worst) products or categories of a range by net sales with VAT, ties by key. */
export async function dashboardRanked(
  db: Queryable,
  range: DashboardRange,
  of: 'product' | 'category',
  best: boolean,
  limit = 10,
  source: Source = 'rollups',
): Promise<KeyedFigures[]> {
  checkRange(range);
  const n = Math.max(1, Math.min(MAX_PRODUCTS, Math.trunc(limit)));
  const rows = await db.query<Row>(breakdownSql(source, of, `net_incl ${best ? 'DESC' : 'ASC'}, key`, n), params(range));
  return rows.map(keyed);
}

/** The `limit` best (or worst) products of a range by net sales with VAT, ties by product id. */
export function dashboardProducts(db: Queryable, range: DashboardRange, best: boolean, limit = 10, source: Source = 'rollups') {
  return dashboardRanked(db, range, 'product', best, limit, source);
}

/** Everything the dashboard shows for a range, from the roll-ups or (`facts`) from the facts alone. */
export async function dashboard(db: Queryable, range: DashboardRange, source: Source = 'rollups', products = 10): Promise<Dashboard> {
  checkRange(range);
  const [totals, topProducts, bottomProducts, topCategories, bottomCategories, ...lists] = await Promise.all([
    dashboardTotals(db, range, source),
    dashboardRanked(db, range, 'product', true, products, source),
    dashboardRanked(db, range, 'product', false, products, source),
    dashboardRanked(db, range, 'category', true, products, source),
    dashboardRanked(db, range, 'category', false, products, source),
    ...BREAKDOWNS.filter((b) => b !== 'product').map((b) => dashboardBreakdown(db, range, b, source)),
  ]);
  const listed = Object.fromEntries(BREAKDOWNS.filter((b) => b !== 'product').map((b, i) => [b, lists[i]!])) as unknown as Dashboard['by'];
  // The voucher rows of the tender roll-up are no tender: shown apart, as sold versus redeemed.
  const { tenders, vouchers } = splitVouchers(listed.tender);
  const by = { ...listed, tender: tenders };
  return { range, totals, by, topProducts, bottomProducts, topCategories, bottomCategories, vouchers };
}

/** The same date a year before; 29 February becomes the 28th. */
export function yearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const same = `${year}${date.slice(4)}`;
  return date.slice(5) === '02-29' ? `${year}-02-28` : same;
}

/** The periods a range is compared with: the same number of days just before, and the same dates a year before. */
export function comparisonRanges(range: DashboardRange): { previous: DashboardRange; lastYear: DashboardRange } {
  const days = daysBetween(range.from, range.to) + 1;
  return {
    previous: { stores: range.stores, from: addDays(range.from, -days), to: addDays(range.from, -1) },
    lastYear: { stores: range.stores, from: yearBefore(range.from), to: yearBefore(range.to) },
  };
}

/** A range's totals with the previous period's and the same period's last year. */
export async function dashboardComparison(db: Queryable, range: DashboardRange, source: Source = 'rollups'): Promise<Comparison> {
  checkRange(range);
  const { previous, lastYear } = comparisonRanges(range);
  const [current, before, yearAgo] = await Promise.all([
    dashboardTotals(db, range, source),
    dashboardTotals(db, previous, source),
    dashboardTotals(db, lastYear, source),
  ]);
  return {
    current,
    previous: { ...before, from: previous.from, to: previous.to },
    lastYear: { ...yearAgo, from: lastYear.from, to: lastYear.to },
  };
}
