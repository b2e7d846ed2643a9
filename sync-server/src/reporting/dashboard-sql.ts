import { DASHBOARD_BREAKDOWNS } from '@pos/core/sync/head-office-api';

/**
 * Where each dashboard breakdown comes from: a daily roll-up (what the dashboard reads), or the
 * facts per sale and line (the same answer without roll-ups: the benchmark's dashboard_raw_ms,
 * and the tests proving both agree). Each gives a `key` expression, its FROM (filtered on
 * $1 stores, $2..$3 business dates, by the caller) and the measures it sums.
 */
export const BREAKDOWNS = [...DASHBOARD_BREAKDOWNS, 'product'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export type Source = 'rollups' | 'facts';

type Query = { readonly from: string; readonly key: string; readonly measures: string };

/** Sums of a roll-up's measure columns. */
const ROLLUP_SUMS = `sum(r.tickets)::int8 AS tickets, sum(r.returns)::int8 AS returns, sum(r.net_incl)::int8 AS net_incl,
  sum(r.net_excl)::int8 AS net_excl, sum(r.returns_incl)::int8 AS returns_incl, sum(r.discounts)::int8 AS discounts,
  sum(r.items)::int8 AS items`;

/** The same measures from the sale facts. */
const SALE_SUMS = `count(*) FILTER (WHERE r.kind = 'sale')::int8 AS tickets, count(*) FILTER (WHERE r.kind = 'return')::int8 AS returns,
  coalesce(sum(r.total_incl), 0)::int8 AS net_incl, coalesce(sum(r.total_excl), 0)::int8 AS net_excl,
  coalesce(sum(-r.total_incl) FILTER (WHERE r.kind = 'return'), 0)::int8 AS returns_incl,
  coalesce(sum(r.discount), 0)::int8 AS discounts, coalesce(sum(r.items), 0)::int8 AS items`;

/** The same measures from the line facts: a ticket counts once per `ticket` (a sale, or a sale and product). */
function lineSums(ticket: string, quantity: boolean): string {
  return `count(DISTINCT ${ticket}) FILTER (WHERE r.kind = 'sale')::int8 AS tickets,
  count(DISTINCT ${ticket}) FILTER (WHERE r.kind = 'return')::int8 AS returns,
  sum(r.net_incl)::int8 AS net_incl, sum(r.net_excl)::int8 AS net_excl,
  coalesce(sum(-r.net_incl) FILTER (WHERE r.kind = 'return'), 0)::int8 AS returns_incl,
  sum(r.discount)::int8 AS discounts, sum(r.items)::int8 AS items${quantity ? ', sum(r.quantity)::int8 AS quantity' : ''}`;
}

/** Counts and amounts of the sales' tender or VAT rows (`x.amount`, `x.excl`). */
const ROW_SUMS = `count(*) FILTER (WHERE r.kind = 'sale')::int8 AS tickets, count(*) FILTER (WHERE r.kind = 'return')::int8 AS returns,
  sum(x.amount)::int8 AS net_incl, sum(x.excl)::int8 AS net_excl,
  coalesce(sum(-x.amount) FILTER (WHERE r.kind = 'return'), 0)::int8 AS returns_incl, 0::int8 AS discounts, 0::int8 AS items`;

const ROLLUP_PRODUCT_SUMS = `${ROLLUP_SUMS}, sum(r.quantity)::int8 AS quantity`;
const SALE_TICKET = '(r.store_id, r.sale_id)';
const PRODUCT_TICKET = '(r.store_id, r.sale_id, r.product_id)';

export const QUERIES: Record<Source, Record<Breakdown | 'totals', Query>> = {
  rollups: {
    totals: { from: 'report_day r', key: "''", measures: ROLLUP_SUMS },
    store: { from: 'report_day r', key: 'r.store_id', measures: ROLLUP_SUMS },
    day: { from: 'report_day r', key: 'r.business_date', measures: ROLLUP_SUMS },
    weekday: { from: 'report_day r', key: 'extract(isodow FROM r.business_date::date)::text', measures: ROLLUP_SUMS },
    hour: { from: 'report_day_hour r', key: 'r.hour::text', measures: ROLLUP_SUMS },
    till: { from: 'report_day_till r', key: "r.store_id || '/' || r.till_id", measures: ROLLUP_SUMS },
    channel: { from: 'report_day_till r', key: 'r.channel', measures: ROLLUP_SUMS },
    cashier: { from: 'report_day_cashier r', key: 'r.staff_id', measures: ROLLUP_SUMS },
    salesperson: { from: 'report_day_salesperson r', key: 'r.salesperson_id', measures: ROLLUP_SUMS },
    tender: { from: 'report_day_tender r', key: 'r.method', measures: ROLLUP_SUMS },
    vat: { from: 'report_day_vat r', key: 'r.rate_bp::text', measures: ROLLUP_SUMS },
    category: { from: 'report_day_product r', key: 'r.category', measures: ROLLUP_PRODUCT_SUMS },
    product: { from: 'report_day_product r', key: 'r.product_id', measures: ROLLUP_PRODUCT_SUMS },
  },
  facts: {
    totals: { from: 'report_sales r', key: "''", measures: SALE_SUMS },
    store: { from: 'report_sales r', key: 'r.store_id', measures: SALE_SUMS },
    day: { from: 'report_sales r', key: 'r.business_date', measures: SALE_SUMS },
    weekday: { from: 'report_sales r', key: 'r.weekday::text', measures: SALE_SUMS },
    hour: { from: 'report_sales r', key: 'r.local_hour::text', measures: SALE_SUMS },
    till: { from: 'report_sales r', key: "r.store_id || '/' || r.till_id", measures: SALE_SUMS },
    channel: { from: 'report_sales r', key: 'r.channel', measures: SALE_SUMS },
    cashier: { from: 'report_sales r', key: 'r.staff_id', measures: SALE_SUMS },
    salesperson: { from: 'report_lines r', key: 'r.salesperson_id', measures: lineSums(SALE_TICKET, false) },
    tender: {
      from: 'report_sales r CROSS JOIN LATERAL (SELECT t.key AS method, t.value::int8 AS amount, 0 AS excl FROM jsonb_each_text(r.tenders) t) x',
      key: 'x.method',
      measures: ROW_SUMS,
    },
    vat: {
      from: 'report_sales r CROSS JOIN LATERAL (SELECT v.rate_bp, v.incl AS amount, v.excl FROM jsonb_to_recordset(r.vat) AS v(rate_bp int, incl int8, excl int8)) x',
      key: 'x.rate_bp::text',
      measures: ROW_SUMS,
    },
    category: { from: 'report_lines r', key: 'r.category', measures: lineSums(PRODUCT_TICKET, true) },
    product: { from: 'report_lines r', key: 'r.product_id', measures: lineSums(PRODUCT_TICKET, true) },
  },
};

/** The query of one breakdown for stores $1 (text[]) and business dates $2 to $3, each key's measures, ordered as asked. */
export function breakdownSql(source: Source, breakdown: Breakdown | 'totals', order = 'key', limit?: number): string {
  const q = QUERIES[source][breakdown];
  return `SELECT ${q.key} AS key, ${q.measures} FROM ${q.from}
           WHERE r.store_id = ANY($1::text[]) AND r.business_date BETWEEN $2 AND $3
           GROUP BY 1 ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`;
}
