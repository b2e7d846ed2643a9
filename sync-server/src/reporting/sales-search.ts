import { addDays, parseReceiptRef } from '@pos/core';
import {
  DEFAULT_SALES_PAGE,
  MAX_SALES_PAGE,
  MAX_SALES_RANGE_DAYS,
  type SaleRow,
  type SalesPage,
  type SalesQuery,
} from '@pos/core/sync/head-office-api';
import { requireStore } from '../admin/stores';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { isCalendarDate } from '../errors/list-period';

/** The list's position after a row: its sort key (business date, completion, sale), base64url JSON, opaque to clients. */
export type Position = { readonly d: string; readonly t: string; readonly s: string };

function encodePosition(p: Position): string {
  return encodeCursor([p.d, p.t, p.s]);
}

const isPosition = (k: readonly unknown[]): k is readonly [string, string, string] =>
  k.length === 3 &&
  typeof k[0] === 'string' &&
  isCalendarDate(k[0]) &&
  typeof k[1] === 'string' &&
  !Number.isNaN(Date.parse(k[1])) &&
  typeof k[2] === 'string' &&
  k[2].length <= 200;

function decodePosition(cursor: string): Position {
  const [d, t, s] = decodeCursor(cursor, isPosition);
  return { d, t, s };
}

/** Dates well formed, `to` not before `from`, at most MAX_SALES_RANGE_DAYS days; amounts in order. */
function checkQuery(query: SalesQuery): void {
  for (const date of [query.from, query.to]) {
    if (date !== undefined && !isCalendarDate(date)) throw new HubError(400, 'invalid_sales_range', `${date} is not a date (YYYY-MM-DD)`);
  }
  if (query.from !== undefined && query.to !== undefined) {
    if (query.to < query.from) throw new HubError(400, 'invalid_sales_range', 'The range ends before it starts');
    if (addDays(query.from, MAX_SALES_RANGE_DAYS - 1) < query.to) {
      throw new HubError(400, 'invalid_sales_range', `A search covers at most ${MAX_SALES_RANGE_DAYS} days`);
    }
  }
  if (query.minAmount !== undefined && query.maxAmount !== undefined && query.minAmount > query.maxAmount) {
    throw new HubError(400, 'invalid_amount_range', 'The lowest amount is above the highest');
  }
}

/**
 * What a typed receipt names: a sale id, and a till and sequence when it reads as a receipt code
 * (a sale id may look like one: both are tried); another store's code names no till here.
 */
function receiptFilter(storeId: string, receipt: string | undefined): { saleId: string | null; tillId: string | null; seq: number | null } {
  if (receipt === undefined) return { saleId: null, tillId: null, seq: null };
  const ref = parseReceiptRef(receipt);
  if (!ref || ref.kind === 'training') throw new HubError(400, 'invalid_receipt', 'Type a receipt code (S001-T01-000042) or a sale id');
  if (ref.kind === 'sale') return { saleId: ref.saleId, tillId: null, seq: null };
  const here = ref.storeId === undefined || ref.storeId === storeId.toUpperCase();
  return { saleId: receipt.trim(), tillId: here ? ref.tillId : null, seq: here ? ref.seq : null };
}

type FactRow = {
  sale_id: string;
  till_id: string;
  business_date: string;
  completed_at: string | Date;
  receipt: string;
  kind: 'sale' | 'return';
  total_incl: number | string;
  items: number | string;
  tenders: Record<string, number>;
  staff_id: string;
  cashier_name: string | null;
  return_of: string | null;
  epoch: number;
  seq: number | string;
};

/** The list's filters over report_sales `s` ($1 the store, $2…$13 the filters): the page, the count and the export share them. */
const FILTERS = `s.store_id = $1
        AND ($2::text IS NULL OR s.business_date >= $2) AND ($3::text IS NULL OR s.business_date <= $3)
        AND ($4::text IS NULL OR s.till_id = $4)
        AND ($5::text IS NULL OR s.sale_id = $5 OR (s.seq = $7::int8 AND upper(s.till_id) = $6::text))
        AND ($8::int8 IS NULL OR abs(s.total_incl) >= $8) AND ($9::int8 IS NULL OR abs(s.total_incl) <= $9)
        AND ($10::text IS NULL OR s.tenders ? $10)
        AND ($11::text IS NULL OR s.staff_id = $11)
        AND ($12::text IS NULL OR EXISTS (SELECT 1 FROM report_lines l
                                           WHERE l.store_id = s.store_id AND l.sale_id = s.sale_id AND l.salesperson_id = $12))
        AND ($13::text IS NULL OR s.kind = $13)`;

/** The filters checked, as the parameters of FILTERS. */
export type SalesFilters = readonly unknown[];

/** Checks the query (400 with its code) and turns it into FILTERS' parameters. */
export function salesFilters(storeId: string, query: SalesQuery): SalesFilters {
  checkQuery(query);
  const receipt = receiptFilter(storeId, query.receipt);
  return [
    storeId,
    query.from ?? null,
    query.to ?? null,
    query.tillId ?? null,
    receipt.saleId,
    receipt.tillId,
    receipt.seq,
    query.minAmount ?? null,
    query.maxAmount ?? null,
    query.tender ?? null,
    query.cashier ?? null,
    query.salesperson ?? null,
    query.kind ?? null,
  ];
}

/** The rows after `after` (null: the newest), newest first by business date, completion and sale, with their fiscal status. */
export async function salesRows(db: Queryable, filters: SalesFilters, after: Position | null, limit: number): Promise<SaleRow[]> {
  const rows = await db.query<FactRow>(
    `SELECT s.sale_id, s.till_id, s.business_date, s.completed_at, s.receipt, s.kind, s.total_incl, s.items, s.tenders, s.staff_id,
            st.display_name AS cashier_name, s.return_of, s.epoch, s.seq
       FROM report_sales s
       LEFT JOIN staff st ON st.store_id = s.store_id AND st.staff_id = s.staff_id
      WHERE ${FILTERS}
        AND ($14::text IS NULL OR (s.business_date, s.completed_at, s.sale_id) < ($14, $15::timestamptz, $16))
      ORDER BY s.business_date DESC, s.completed_at DESC, s.sale_id DESC
      LIMIT $17`,
    [...filters, after?.d ?? null, after?.t ?? null, after?.s ?? null, limit],
  );
  const broken = await brokenSales(
    db,
    filters[0] as string,
    rows.map((r) => ({ saleId: r.sale_id, tillId: r.till_id, epoch: r.epoch, seq: Number(r.seq) })),
  );
  return rows.map((r) => ({
    saleId: r.sale_id,
    tillId: r.till_id,
    businessDate: r.business_date,
    completedAt: new Date(r.completed_at).toISOString(),
    receipt: r.receipt,
    kind: r.kind,
    total: Number(r.total_incl),
    items: Number(r.items),
    tenders: r.tenders,
    staffId: r.staff_id,
    cashierName: r.cashier_name,
    returnOf: r.return_of,
    status: broken.has(r.sale_id) ? 'break' : 'verified',
  }));
}

/** A row's place in the list, for the next page. */
export function positionOf(row: SaleRow): Position {
  return { d: row.businessDate, t: row.completedAt, s: row.saleId };
}

/** How many rows the filters select (the export's progress). */
export async function countSales(db: Queryable, filters: SalesFilters): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM report_sales s WHERE ${FILTERS}`, [...filters]);
  return Number(row?.n ?? 0);
}

/**
 * A store's sales and returns from the reporting facts (report_sales: verified sales only, never
 * training), newest first by business date and completion, filtered, a page at a time (keyset).
 * Each row carries its fiscal status: verified, unless a break of the chain verifier names it.
 */
export async function searchSales(db: Queryable, storeId: string, query: SalesQuery): Promise<SalesPage> {
  await requireStore(db, storeId);
  const filters = salesFilters(storeId, query);
  const after = query.cursor === undefined ? null : decodePosition(query.cursor);
  const limit = Math.min(query.limit ?? DEFAULT_SALES_PAGE, MAX_SALES_PAGE);
  const rows = await salesRows(db, filters, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? encodePosition(positionOf(last)) : null };
}

export type ChainPlace = { readonly saleId: string; readonly tillId: string; readonly epoch: number | null; readonly seq: number };

/** The breaks naming these sales: by their document, or by their place on their till's sale chain. */
export async function breaksOf(
  db: Queryable,
  storeId: string,
  sales: readonly ChainPlace[],
): Promise<{ sale_id: string; code: string; problem: string }[]> {
  if (sales.length === 0) return [];
  return db.query<{ sale_id: string; code: string; problem: string }>(
    `SELECT p.sale_id, b.code, b.problem
       FROM jsonb_to_recordset($2::jsonb) AS p(sale_id text, till_id text, epoch int, seq int8)
       JOIN chain_breaks b ON b.store_id = $1
        AND ((b.collection = 'sales' AND b.doc_id = p.sale_id)
             OR (b.chain = 'sale' AND b.till_id = p.till_id AND b.epoch = p.epoch AND b.seq = p.seq))
      ORDER BY b.created_at, b.code`,
    [storeId, JSON.stringify(sales.map((s) => ({ sale_id: s.saleId, till_id: s.tillId, epoch: s.epoch, seq: s.seq })))],
  );
}

async function brokenSales(db: Queryable, storeId: string, sales: readonly ChainPlace[]): Promise<Set<string>> {
  return new Set((await breaksOf(db, storeId, sales)).map((b) => b.sale_id));
}
