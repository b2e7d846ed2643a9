import type { Queryable } from '../db/database';
import type { LineFact, SaleFacts } from './sale-facts';

/**
 * The figures every daily roll-up sums. Amounts are net (a return's negative); `tickets` counts
 * sales, `returns` returns, `returns_incl` what the returns gave back (positive).
 */
export const MEASURES = ['tickets', 'returns', 'net_incl', 'net_excl', 'returns_incl', 'discounts', 'items'] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

/** A daily roll-up: its table, the columns after (store_id, business_date) in its key, and what it sums besides MEASURES. */
export type Rollup = {
  readonly table: string;
  readonly keys: readonly { readonly name: string; readonly type: 'text' | 'int' }[];
  readonly extra: readonly string[];
};

export const ROLLUPS = {
  day: { table: 'report_day', keys: [], extra: [] },
  hour: { table: 'report_day_hour', keys: [{ name: 'hour', type: 'int' }], extra: [] },
  till: {
    table: 'report_day_till',
    keys: [
      { name: 'till_id', type: 'text' },
      { name: 'channel', type: 'text' },
    ],
    extra: [],
  },
  cashier: { table: 'report_day_cashier', keys: [{ name: 'staff_id', type: 'text' }], extra: [] },
  salesperson: { table: 'report_day_salesperson', keys: [{ name: 'salesperson_id', type: 'text' }], extra: [] },
  product: { table: 'report_day_product', keys: [{ name: 'product_id', type: 'text' }], extra: ['quantity'] },
  tender: { table: 'report_day_tender', keys: [{ name: 'method', type: 'text' }], extra: [] },
  vat: { table: 'report_day_vat', keys: [{ name: 'rate_bp', type: 'int' }], extra: [] },
} as const satisfies Record<string, Rollup>;

export type RollupName = keyof typeof ROLLUPS;

type Row = Record<string, string | number>;

/** Sums rows by key: what a batch of sales adds to one roll-up. */
class Deltas {
  readonly rows = new Map<string, Row>();
  add(key: Row, values: Partial<Record<string, number>>, attrs: Row = {}): void {
    const id = JSON.stringify(key);
    let row = this.rows.get(id);
    if (!row) {
      row = { ...key, ...attrs };
      this.rows.set(id, row);
    }
    for (const [name, v] of Object.entries(values)) row[name] = ((row[name] as number | undefined) ?? 0) + (v ?? 0);
  }
}

function lineMeasures(lines: readonly LineFact[], kind: 'sale' | 'return'): Partial<Measures> & { quantity: number } {
  const sum = (f: (l: LineFact) => number) => lines.reduce((acc, l) => acc + f(l), 0);
  const net = sum((l) => l.net_incl);
  return {
    tickets: kind === 'sale' ? 1 : 0,
    returns: kind === 'return' ? 1 : 0,
    net_incl: net,
    net_excl: sum((l) => l.net_excl),
    returns_incl: kind === 'return' ? -net : 0,
    discounts: sum((l) => l.discount),
    items: sum((l) => l.items),
    quantity: sum((l) => l.quantity),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * What `sales` add to each daily roll-up, summed by key. A product or salesperson counts a
 * ticket once however many of its lines the ticket has; so does a tender method or a VAT rate.
 * `categories`: each product's category (the catalog's when the sale was projected).
 */
export function rollupDeltas(sales: readonly SaleFacts[], categories: ReadonlyMap<string, string>): Map<RollupName, Row[]> {
  const deltas = new Map<RollupName, Deltas>(Object.keys(ROLLUPS).map((name) => [name as RollupName, new Deltas()]));
  const at = (name: RollupName) => deltas.get(name)!;
  for (const { sale, lines } of sales) {
    const day = { business_date: sale.business_date };
    const isSale = sale.kind === 'sale' ? 1 : 0;
    const counts = { tickets: isSale, returns: 1 - isSale };
    const whole: Measures = {
      ...counts,
      net_incl: sale.total_incl,
      net_excl: sale.total_excl,
      returns_incl: isSale ? 0 : -sale.total_incl,
      discounts: sale.discount,
      items: sale.items,
    };
    at('day').add(day, whole);
    at('hour').add({ ...day, hour: sale.local_hour }, whole);
    at('till').add({ ...day, till_id: sale.till_id, channel: sale.channel }, whole);
    at('cashier').add({ ...day, staff_id: sale.staff_id }, whole);
    for (const [method, amount] of Object.entries(sale.tenders)) {
      at('tender').add({ ...day, method }, { ...counts, net_incl: amount, returns_incl: isSale ? 0 : -amount });
    }
    for (const row of sale.vat) {
      at('vat').add(
        { ...day, rate_bp: row.rate_bp },
        { ...counts, net_incl: row.incl, net_excl: row.excl, returns_incl: isSale ? 0 : -row.incl },
      );
    }
    for (const [id, ls] of groupBy(lines, (l) => l.salesperson_id)) {
      const { quantity: _q, ...m } = lineMeasures(ls, sale.kind);
      at('salesperson').add({ ...day, salesperson_id: id }, m);
    }
    for (const [id, ls] of groupBy(lines, (l) => l.product_id)) {
      at('product').add({ ...day, product_id: id }, lineMeasures(ls, sale.kind), { category: categories.get(id) ?? '' });
    }
  }
  return new Map([...deltas].map(([name, d]) => [name, [...d.rows.values()]]));
}

/** One roll-up's upsert, as a data-modifying CTE reading its rows from the key `name` of the statement's $2. */
function rollupUpsert(name: RollupName): string {
  const rollup: Rollup = ROLLUPS[name];
  const keys = ['business_date', ...rollup.keys.map((k) => k.name)];
  const sums = [...MEASURES, ...rollup.extra];
  const attrs = name === 'product' ? ['category'] : [];
  const columns = [...keys, ...attrs, ...sums];
  const types = [
    'business_date text',
    ...rollup.keys.map((k) => `${k.name} ${k.type}`),
    ...attrs.map((a) => `${a} text`),
    ...sums.map((s) => `${s} int8`),
  ];
  return `${name}_rows AS (
    INSERT INTO ${rollup.table} AS r (store_id, ${columns.join(', ')})
    SELECT $1, ${[...keys, ...attrs].map((c) => `x.${c}`).join(', ')}, ${sums.map((s) => `coalesce(x.${s}, 0)`).join(', ')}
      FROM jsonb_to_recordset($2::jsonb -> '${name}') AS x(${types.join(', ')})
    ON CONFLICT (store_id, ${keys.join(', ')}) DO UPDATE SET ${sums.map((s) => `${s} = r.${s} + excluded.${s}`).join(', ')})`;
}

/**
 * Every roll-up's upsert in one statement (one round trip a step, not one a roll-up: under load
 * the projector's time is its round trips). Its text never changes, so it is prepared once a connection.
 */
const ADD_TO_ROLLUPS = `WITH ${(Object.keys(ROLLUPS) as RollupName[]).map(rollupUpsert).join(',\n')}\nSELECT 1`;

/** Adds each roll-up's rows to its table (INSERT … ON CONFLICT DO UPDATE adding), in the caller's transaction. */
export async function addToRollups(tx: Queryable, storeId: string, deltas: Map<RollupName, Row[]>): Promise<void> {
  const rows = Object.fromEntries((Object.keys(ROLLUPS) as RollupName[]).map((name) => [name, deltas.get(name) ?? []]));
  if (Object.values(rows).every((r) => r.length === 0)) return;
  await tx.query(ADD_TO_ROLLUPS, [storeId, JSON.stringify(rows)]);
}
