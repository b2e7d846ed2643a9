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

/** What a sale or its lines add to a roll-up row: the measures, and a product's quantity. */
type Amounts = Partial<Record<Measure | 'quantity', number>>;

/**
 * Sums rows by key: what a batch of sales adds to one roll-up. Called for every sale, tender,
 * VAT rate and product of a step: the key is joined text, and a row is made only once.
 */
class Deltas {
  readonly rows = new Map<string, Row>();
  add(id: string, make: () => Row, values: Amounts): void {
    let row = this.rows.get(id);
    if (!row) {
      row = make();
      this.rows.set(id, row);
    }
    for (const name in values) row[name] = ((row[name] as number | undefined) ?? 0) + (values[name as keyof Amounts] ?? 0);
  }
}

/** Sums of a ticket's lines (one product's, or one salesperson's). */
function lineMeasures(lines: readonly LineFact[], kind: 'sale' | 'return'): Amounts & { quantity: number } {
  let net = 0;
  let excl = 0;
  let discounts = 0;
  let items = 0;
  let quantity = 0;
  for (const l of lines) {
    net += l.net_incl;
    excl += l.net_excl;
    discounts += l.discount;
    items += l.items;
    quantity += l.quantity;
  }
  return {
    tickets: kind === 'sale' ? 1 : 0,
    returns: kind === 'return' ? 1 : 0,
    net_incl: net,
    net_excl: excl,
    returns_incl: kind === 'return' ? -net : 0,
    discounts,
    items,
    quantity,
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A key's parts as one text (a unit separator between them: no id holds one). */
const keyOf = (...parts: readonly (string | number)[]) => parts.join('\u001f');

/**
 * What `sales` add to each daily roll-up, summed by key. A product or salesperson counts a
 * ticket once however many of its lines the ticket has; so does a tender method or a VAT rate.
 * `categories`: each product's category (the catalog's when the sale was projected).
 */
export function rollupDeltas(sales: readonly SaleFacts[], categories: ReadonlyMap<string, string>): Map<RollupName, Row[]> {
  const day = new Deltas();
  const hour = new Deltas();
  const till = new Deltas();
  const cashier = new Deltas();
  const tender = new Deltas();
  const vat = new Deltas();
  const salesperson = new Deltas();
  const product = new Deltas();
  for (const { sale, lines } of sales) {
    const date = sale.business_date;
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
    day.add(date, () => ({ business_date: date }), whole);
    hour.add(keyOf(date, sale.local_hour), () => ({ business_date: date, hour: sale.local_hour }), whole);
    till.add(keyOf(date, sale.till_id, sale.channel), () => ({ business_date: date, till_id: sale.till_id, channel: sale.channel }), whole);
    cashier.add(keyOf(date, sale.staff_id), () => ({ business_date: date, staff_id: sale.staff_id }), whole);
    for (const [method, amount] of Object.entries(sale.tenders)) {
      tender.add(keyOf(date, method), () => ({ business_date: date, method }), {
        ...counts,
        net_incl: amount,
        returns_incl: isSale ? 0 : -amount,
      });
    }
    for (const row of sale.vat) {
      vat.add(keyOf(date, row.rate_bp), () => ({ business_date: date, rate_bp: row.rate_bp }), {
        ...counts,
        net_incl: row.incl,
        net_excl: row.excl,
        returns_incl: isSale ? 0 : -row.incl,
      });
    }
    for (const [id, ls] of groupBy(lines, (l) => l.salesperson_id)) {
      const { quantity: _q, ...m } = lineMeasures(ls, sale.kind);
      salesperson.add(keyOf(date, id), () => ({ business_date: date, salesperson_id: id }), m);
    }
    for (const [id, ls] of groupBy(lines, (l) => l.product_id)) {
      product.add(
        keyOf(date, id),
        () => ({ business_date: date, product_id: id, category: categories.get(id) ?? '' }),
        lineMeasures(ls, sale.kind),
      );
    }
  }
  const deltas: Record<RollupName, Deltas> = { day, hour, till, cashier, salesperson, product, tender, vat };
  return new Map((Object.keys(ROLLUPS) as RollupName[]).map((name) => [name, [...deltas[name].rows.values()]]));
}

/** One roll-up's upsert, as a data-modifying CTE reading its rows (each with its store_id) from the key `name` of the statement's $1. */
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
    SELECT x.store_id, ${[...keys, ...attrs].map((c) => `x.${c}`).join(', ')}, ${sums.map((s) => `coalesce(x.${s}, 0)`).join(', ')}
      FROM jsonb_to_recordset($1::jsonb -> '${name}') AS x(store_id text, ${types.join(', ')})
    ON CONFLICT (store_id, ${keys.join(', ')}) DO UPDATE SET ${sums.map((s) => `${s} = r.${s} + excluded.${s}`).join(', ')})`;
}

/**
 * Every roll-up's upsert in one statement (one round trip a step, not one a roll-up: under load
 * the projector's time is its round trips). Its text never changes, so it is prepared once a connection.
 */
const ADD_TO_ROLLUPS = `WITH ${(Object.keys(ROLLUPS) as RollupName[]).map(rollupUpsert).join(',\n')}\nSELECT 1`;

/**
 * Adds each store's roll-up rows to their tables (INSERT … ON CONFLICT DO UPDATE adding), every
 * store's in one statement, in the caller's transaction.
 */
export async function addToRollups(tx: Queryable, deltas: ReadonlyMap<string, Map<RollupName, Row[]>>): Promise<void> {
  const rows = Object.fromEntries(
    (Object.keys(ROLLUPS) as RollupName[]).map((name) => [
      name,
      [...deltas].flatMap(([storeId, byName]) => (byName.get(name) ?? []).map((row) => ({ store_id: storeId, ...row }))),
    ]),
  );
  if (Object.values(rows).every((r) => r.length === 0)) return;
  await tx.query(ADD_TO_ROLLUPS, [JSON.stringify(rows)]);
}
