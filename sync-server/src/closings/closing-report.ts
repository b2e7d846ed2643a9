import type { FigureDifference } from '@pos/core/fiscal/archive/closing-figures';
import type { ClosingDetail, ClosingKind, ClosingSummary, ClosingTotals, MissingRecords } from '@pos/core/sync/head-office-closings';
import { requireStore } from '../admin/stores';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { keysetBatches } from '../http/export/export-table';

export type { ClosingDetail, ClosingSummary };

/** Closings listed per request at most. */
export const MAX_CLOSINGS = 1000;

type Row = {
  till_id: string;
  seq: number;
  epoch: number;
  kind: ClosingKind;
  session_id: string | null;
  business_date: string | null;
  sealed_at: string | Date;
  status: string;
  differences: FigureDifference[];
  missing: MissingRecords[];
  problem: string | null;
  checked_at: string | Date;
  currency: string | null;
  net: string | null;
  sales_count: string | null;
  returns_count: string | null;
  cash_variance: string | null;
};

/** A closing's summary and its sealed key figures: a Z's under payload.figures, a period closing's at the payload's root. */
const COLUMNS = `c.till_id, c.seq, c.epoch, c.kind, c.session_id, c.business_date, c.sealed_at, c.status, c.differences, c.missing,
  c.problem, c.checked_at,
  coalesce(p.v #>> '{figures,currency}', p.v ->> 'currency') AS currency,
  coalesce(p.v #>> '{figures,totals,total,net}', p.v #>> '{total,net}') AS net,
  coalesce(p.v #>> '{figures,totals,salesCount}', p.v ->> 'salesCount') AS sales_count,
  coalesce(p.v #>> '{figures,totals,returnsCount}', p.v ->> 'returnsCount') AS returns_count,
  (SELECT t ->> 'variance' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.v #> '{figures,tenders}') = 'array'
     THEN p.v #> '{figures,tenders}' ELSE '[]'::jsonb END) t WHERE t ->> 'method' = 'cash' LIMIT 1) AS cash_variance`;

/** The closings and their sealed records' payloads. */
const FROM = `closing_checks c
  LEFT JOIN store_docs d ON d.store_id = c.store_id AND d.collection = 'till_records' AND d.id = c.doc_id
  LEFT JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(d.doc #> '{record,payload}') = 'object' THEN d.doc #> '{record,payload}' END AS v) p ON true`;

/** A figure read from JSON: an integer, else null (an unreadable record's). */
function integerOf(text: string | null): number | null {
  const value = text === null ? NaN : Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function totalsOf(r: Row): ClosingTotals {
  const sales = integerOf(r.sales_count);
  const returns = integerOf(r.returns_count);
  return {
    currency: r.currency,
    net: integerOf(r.net),
    tickets: sales === null ? null : sales + (returns ?? 0),
    cashVariance: r.kind === 'z' ? integerOf(r.cash_variance) : null,
  };
}

const iso = (value: string | Date) => new Date(value).toISOString();

function summaryOf(r: Row): ClosingSummary {
  return {
    tillId: r.till_id,
    seq: Number(r.seq),
    journal: r.epoch,
    kind: r.kind,
    sessionId: r.session_id,
    businessDate: r.business_date,
    sealedAt: iso(r.sealed_at),
    status: r.status,
    differences: r.differences,
    missing: r.missing,
    problem: r.problem,
    checkedAt: iso(r.checked_at),
    totals: totalsOf(r),
  };
}

async function knownStore(db: Queryable, storeId: string): Promise<void> {
  await requireStore(db, storeId);
}

export type ClosingFilters = { readonly from?: string; readonly to?: string; readonly kind?: ClosingKind };

/** Within [from, to] (either bound optional): a monthly (yearly) closing when its month (calendar year) meets the range. */
const FILTERS = `c.store_id = $1 AND ($2::text IS NULL OR c.business_date >= left($2, length(c.business_date)))
  AND ($3::text IS NULL OR c.business_date <= left($3, length(c.business_date))) AND ($4::text IS NULL OR c.kind = $4)`;

const filterParams = (storeId: string, query: ClosingFilters) => [storeId, query.from ?? null, query.to ?? null, query.kind ?? null];

/**
 * The store's closings whose business date is within [from, to] (of one kind if asked), by date,
 * till and sequence: a monthly (yearly) closing listed before the days of its month (year).
 */
export async function storeClosings(
  db: Queryable,
  storeId: string,
  query: ClosingFilters & { readonly limit?: number },
): Promise<ClosingSummary[]> {
  await knownStore(db, storeId);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${FILTERS} ORDER BY c.business_date, c.till_id, c.epoch, c.seq LIMIT $5`,
    [...filterParams(storeId, query), Math.min(query.limit ?? MAX_CLOSINGS, MAX_CLOSINGS)],
  );
  return rows.map(summaryOf);
}

/** How many closings the filters select (the export's X-Total-Rows; the date index makes it cheap). */
export async function countClosings(db: Queryable, storeId: string, query: ClosingFilters): Promise<number> {
  await knownStore(db, storeId);
  const [row] = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM closing_checks c WHERE ${FILTERS}`,
    filterParams(storeId, query),
  );
  return Number(row?.n ?? 0);
}

type ClosingKey = readonly [date: string, tillId: string, journal: number, seq: number];

/** Every closing the filters select, a keyset page at a time, in the list's order (a closing without a date first). */
export function closingBatches(db: Queryable, storeId: string, query: ClosingFilters): AsyncGenerator<readonly ClosingSummary[]> {
  return keysetBatches<ClosingSummary, ClosingKey>(
    async (after, limit) =>
      (
        await db.query<Row>(
          `SELECT ${COLUMNS} FROM ${FROM} WHERE ${FILTERS}
              AND ($5::text IS NULL OR (coalesce(c.business_date, ''), c.till_id, c.epoch, c.seq) > ($5, $6, $7::integer, $8::bigint))
            ORDER BY coalesce(c.business_date, ''), c.till_id, c.epoch, c.seq LIMIT $9`,
          [...filterParams(storeId, query), ...(after ?? [null, null, null, null]), limit],
        )
      ).map(summaryOf),
    (c) => [c.businessDate ?? '', c.tillId, c.journal, c.seq],
  );
}

/** One closing of a till (its latest journal's at that sequence) with both figure sets; 404 when the hub has not checked it. */
export async function storeClosing(db: Queryable, storeId: string, tillId: string, seq: number): Promise<ClosingDetail> {
  await knownStore(db, storeId);
  const [row] = await db.query<Row & { record: unknown; recomputed: unknown }>(
    `SELECT ${COLUMNS}, c.recomputed, d.doc -> 'record' AS record FROM ${FROM}
      WHERE c.store_id = $1 AND c.till_id = $2 AND c.seq = $3 ORDER BY c.epoch DESC LIMIT 1`,
    [storeId, tillId, seq],
  );
  if (!row) throw new HubError(404, 'not_found', `No closing ${seq} of till ${tillId} checked at the hub`);
  return { ...summaryOf(row), record: row.record ?? null, recomputed: row.recomputed ?? null };
}
