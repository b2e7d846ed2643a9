import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The reporting projector's checkpoint, its facts (sales and lines) and its daily roll-ups. */

/**
 * How far each store's verified feed has been read by the reporting projector (src/reporting):
 * the verified feed's number (chain_records.feed_seq) of the last record it read.
 */
export const reportingProjection = pgTable('reporting_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Reporting facts (src/reporting), one row per verified sale or return (training sales never):
 * what the back office's reports read instead of the sealed documents. Amounts in minor units,
 * negative for a return; `tenders` the amount per method, `vat` the VAT rows (rate_bp, incl,
 * excl). Keyed by store first (Citus distribution column); the key also makes a sale count once.
 */
export const reportSales = pgTable(
  'report_sales',
  {
    storeId: text('store_id').notNull(),
    saleId: text('sale_id').notNull(),
    tillId: text('till_id').notNull(),
    businessDate: text('business_date').notNull(),
    localHour: integer('local_hour').notNull(),
    /** ISO weekday of the business date (1 Monday … 7 Sunday). */
    weekday: integer('weekday').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    staffId: text('staff_id').notNull(),
    totalIncl: bigint('total_incl', { mode: 'number' }).notNull(),
    totalExcl: bigint('total_excl', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    items: bigint('items', { mode: 'number' }).notNull(),
    tenders: jsonb('tenders').notNull(),
    vat: jsonb('vat').notNull(),
    /** When the sale completed (its sealed completedAt): the Sales list's order, newest first. */
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** Its place on the till's sale chain (journal and sequence): its fiscal status, its receipt code. */
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** The receipt code as printed (core's saleReceiptNumber). */
    receipt: text('receipt').notNull(),
    /** A return's original sale (returnOf.saleId); null for a sale or a return without receipt. */
    returnOf: text('return_of'),
    /** The chain customer the sale was for (its sealed customerId, as sealed: a merged one is resolved when read); null: none. */
    customerId: text('customer_id'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.saleId] }),
    index('report_sales_date_idx').on(t.storeId, t.businessDate),
    // The Sales list (src/reporting/sales-search.ts): newest first within a store, by receipt code, a sale's returns.
    index('report_sales_recent_idx').on(t.storeId, t.businessDate, t.completedAt, t.saleId),
    index('report_sales_receipt_idx').on(t.storeId, t.tillId, t.seq),
    index('report_sales_return_of_idx')
      .on(t.storeId, t.returnOf)
      .where(sql`"return_of" IS NOT NULL`),
    // A customer's purchases in every store, newest first (src/customers/customer-history.ts).
    index('report_sales_customer_idx')
      .on(t.customerId, t.completedAt, t.saleId)
      .where(sql`"customer_id" IS NOT NULL`),
  ],
);

/** Reporting facts, one row per line of a report_sales sale; signed like it. */
export const reportLines = pgTable(
  'report_lines',
  {
    storeId: text('store_id').notNull(),
    saleId: text('sale_id').notNull(),
    lineId: text('line_id').notNull(),
    businessDate: text('business_date').notNull(),
    tillId: text('till_id').notNull(),
    kind: text('kind').notNull(),
    productId: text('product_id').notNull(),
    /** The catalog's category of the product when the sale was projected ('' when none). */
    category: text('category').notNull(),
    /** Pieces, or grams for a weighed product. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Pieces (a weighed line counts one). */
    items: bigint('items', { mode: 'number' }).notNull(),
    netIncl: bigint('net_incl', { mode: 'number' }).notNull(),
    netExcl: bigint('net_excl', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    /** The line's salesperson, else the cashier. */
    salespersonId: text('salesperson_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.saleId, t.lineId] }), index('report_lines_date_idx').on(t.storeId, t.businessDate)],
);

/** What every daily roll-up sums (src/reporting/rollups.ts): net amounts, a return's negative. */
function rollupMeasures() {
  const sum = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
  return {
    storeId: text('store_id').notNull(),
    businessDate: text('business_date').notNull(),
    tickets: sum('tickets'),
    returns: sum('returns'),
    netIncl: sum('net_incl'),
    netExcl: sum('net_excl'),
    returnsIncl: sum('returns_incl'),
    discounts: sum('discounts'),
    items: sum('items'),
  };
}

/** Daily roll-ups per store and day, kept by the reporting projector in the step's transaction; keyed by store first (Citus). */
export const reportDay = pgTable('report_day', rollupMeasures(), (t) => [primaryKey({ columns: [t.storeId, t.businessDate] })]);

export const reportDayHour = pgTable('report_day_hour', { ...rollupMeasures(), hour: integer('hour').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.hour] }),
]);

export const reportDayTill = pgTable(
  'report_day_till',
  { ...rollupMeasures(), tillId: text('till_id').notNull(), channel: text('channel').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.tillId, t.channel] })],
);

export const reportDayCashier = pgTable('report_day_cashier', { ...rollupMeasures(), staffId: text('staff_id').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.staffId] }),
]);

export const reportDaySalesperson = pgTable(
  'report_day_salesperson',
  { ...rollupMeasures(), salespersonId: text('salesperson_id').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.salespersonId] })],
);

export const reportDayProduct = pgTable(
  'report_day_product',
  {
    ...rollupMeasures(),
    productId: text('product_id').notNull(),
    category: text('category').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.productId] })],
);

export const reportDayTender = pgTable('report_day_tender', { ...rollupMeasures(), method: text('method').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.method] }),
]);

export const reportDayVat = pgTable('report_day_vat', { ...rollupMeasures(), rateBp: integer('rate_bp').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.rateBp] }),
]);
