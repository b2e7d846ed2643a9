import type { Database } from '../../sync-server/src/db/database';

/** What the generated history spans. */
export type HistoryShape = { readonly sales: number; readonly stores: number; readonly days: number; readonly firstDay: string };

/** Lines per generated sale (the issue's 5,000,000 sales have 25,000,000 lines). */
export const LINES_PER_SALE = 5;

/**
 * A history of `sales` sales (1 in 25 a return) written straight into the reporting facts, in
 * SQL (generate_series), then the daily roll-ups summed from them — what the reporting projector
 * would have written, as its tests prove the roll-ups equal the facts. Every figure is a
 * deterministic function of the sale's number: store, business date, hour, till, cashier,
 * products (3,000), quantities, prices, VAT rates (5.5, 10, 20 %), discounts, salespeople, tender.
 */
export async function generateHistory(db: Database, shape: HistoryShape, log: (line: string) => void): Promise<void> {
  const timed = async (what: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    // Room to sort and group millions of rows in memory (generation only; the dashboard runs with the server's settings).
    await db.transaction(async (tx) => {
      await tx.query("SET LOCAL work_mem = '512MB'");
      await tx.query(sql, params);
    });
    log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const p = [shape.sales, shape.stores, shape.days, shape.firstDay];
  // The sale's number s gives everything; the same expressions serve lines and sales.
  const sale = `'S' || lpad((s % $2)::text, 3, '0') AS store_id, 'sale-' || s AS sale_id, 'T' || (s % 4) AS till_id,
    to_char($4::date + ((s * 7919) % $3)::int, 'YYYY-MM-DD') AS business_date,
    CASE WHEN s % 25 = 0 THEN 'return' ELSE 'sale' END AS kind, CASE WHEN s % 25 = 0 THEN -1 ELSE 1 END AS sign`;
  await timed(
    'report_lines',
    `INSERT INTO report_lines (store_id, sale_id, line_id, business_date, till_id, kind, product_id, category, quantity, items,
                               net_incl, net_excl, rate_bp, discount, salesperson_id)
     SELECT store_id, sale_id, 'l' || k, business_date, till_id, kind, 'P' || ((s * 13 + k * 101) % 3000), 'C' || ((s * 13 + k * 101) % 40),
            sign * q, sign * q, sign * q * price, round(sign * q * price * 10000.0 / (10000 + rate))::int8, rate,
            sign * CASE WHEN (s + k) % 10 = 0 THEN 50 ELSE 0 END, 'sp-' || ((s + k) % 6)
       FROM (SELECT s, k, ${sale}, 1 + (s + k) % 3 AS q, 100 + (s * k * 37) % 1900 AS price, (ARRAY[550, 1000, 2000])[1 + (s + k) % 3] AS rate
               FROM generate_series(1, $1::int8) s CROSS JOIN generate_series(1, ${LINES_PER_SALE}) k) x`,
    p,
  );
  // Lines of one rate summed first: a sale's VAT rows (rate, inclusive, base), then the sale.
  await timed(
    'report_sales',
    `INSERT INTO report_sales (store_id, sale_id, till_id, business_date, local_hour, weekday, channel, kind, staff_id,
                               total_incl, total_excl, discount, items, tenders, vat, completed_at, epoch, seq, receipt)
     SELECT v.store_id, v.sale_id, min(v.till_id), v.business_date, 8 + (hashtext(v.sale_id) & 1023) % 12,
            extract(isodow FROM v.business_date::date)::int, 'store', min(v.kind), 'c' || (hashtext(v.sale_id) & 1023) % 8,
            sum(v.incl), sum(v.excl), sum(v.discount), sum(v.items),
            jsonb_build_object(CASE WHEN (hashtext(v.sale_id) & 1023) % 3 = 0 THEN 'card' ELSE 'cash' END, sum(v.incl)),
            jsonb_agg(jsonb_build_object('rate_bp', v.rate_bp, 'incl', v.incl, 'excl', v.excl) ORDER BY v.rate_bp),
            v.business_date::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 8 + (hashtext(v.sale_id) & 1023) % 12),
            1, hashtext(v.sale_id) & 2147483647, v.sale_id
       FROM (SELECT l.store_id, l.sale_id, l.business_date, l.rate_bp, min(l.till_id) AS till_id, min(l.kind) AS kind,
                    sum(l.net_incl) AS incl, sum(l.net_excl) AS excl, sum(l.discount) AS discount, sum(l.items) AS items
               FROM report_lines l GROUP BY l.store_id, l.sale_id, l.business_date, l.rate_bp) v
      GROUP BY v.store_id, v.sale_id, v.business_date`,
  );
  const sums = `count(*) FILTER (WHERE r.kind = 'sale'), count(*) FILTER (WHERE r.kind = 'return'), sum(r.total_incl), sum(r.total_excl),
    coalesce(sum(-r.total_incl) FILTER (WHERE r.kind = 'return'), 0), sum(r.discount), sum(r.items)`;
  const measures = 'tickets, returns, net_incl, net_excl, returns_incl, discounts, items';
  const fromSales = (table: string, key: string, expr: string) =>
    timed(
      table,
      `INSERT INTO ${table} (store_id, business_date${key ? `, ${key}` : ''}, ${measures})
       SELECT r.store_id, r.business_date${expr ? `, ${expr}` : ''}, ${sums} FROM report_sales r GROUP BY 1, 2${expr ? ', 3' : ''}${key.includes(',') ? ', 4' : ''}`,
    );
  await fromSales('report_day', '', '');
  await fromSales('report_day_hour', 'hour', 'r.local_hour');
  await fromSales('report_day_till', 'till_id, channel', 'r.till_id, r.channel');
  await fromSales('report_day_cashier', 'staff_id', 'r.staff_id');
  const lineSums = (
    ticket: string,
  ) => `count(DISTINCT ${ticket}) FILTER (WHERE r.kind = 'sale'), count(DISTINCT ${ticket}) FILTER (WHERE r.kind = 'return'),
    sum(r.net_incl), sum(r.net_excl), coalesce(sum(-r.net_incl) FILTER (WHERE r.kind = 'return'), 0), sum(r.discount), sum(r.items)`;
  await timed(
    'report_day_salesperson',
    `INSERT INTO report_day_salesperson (store_id, business_date, salesperson_id, ${measures})
     SELECT r.store_id, r.business_date, r.salesperson_id, ${lineSums('r.sale_id')} FROM report_lines r GROUP BY 1, 2, 3`,
  );
  await timed(
    'report_day_product',
    `INSERT INTO report_day_product (store_id, business_date, product_id, category, quantity, ${measures})
     SELECT r.store_id, r.business_date, r.product_id, min(r.category), sum(r.quantity), ${lineSums('r.sale_id')} FROM report_lines r GROUP BY 1, 2, 3`,
  );
  const rowSums = `count(*) FILTER (WHERE r.kind = 'sale'), count(*) FILTER (WHERE r.kind = 'return'), sum(x.amount), sum(x.excl),
    coalesce(sum(-x.amount) FILTER (WHERE r.kind = 'return'), 0), 0, 0`;
  await timed(
    'report_day_tender',
    `INSERT INTO report_day_tender (store_id, business_date, method, ${measures})
     SELECT r.store_id, r.business_date, x.method, ${rowSums}
       FROM report_sales r CROSS JOIN LATERAL (SELECT t.key AS method, t.value::int8 AS amount, 0 AS excl FROM jsonb_each_text(r.tenders) t) x GROUP BY 1, 2, 3`,
  );
  await timed(
    'report_day_vat',
    `INSERT INTO report_day_vat (store_id, business_date, rate_bp, ${measures})
     SELECT r.store_id, r.business_date, x.rate_bp, ${rowSums}
       FROM report_sales r CROSS JOIN LATERAL (SELECT v.rate_bp, v.incl AS amount, v.excl FROM jsonb_to_recordset(r.vat) AS v(rate_bp int, incl int8, excl int8)) x
      GROUP BY 1, 2, 3`,
  );
  await timed('ANALYZE', 'ANALYZE');
}
