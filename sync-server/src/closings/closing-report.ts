import type { FigureDifference } from '@pos/core/fiscal/archive/closing-figures';
import { storeExists } from '../admin/stores';
import type { MissingRecords } from './chain-holes';
import type { ClosingKind } from './closing-inputs';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';

/** Closings listed per request at most. */
export const MAX_CLOSINGS = 1000;

/** A closing (Z, daily, monthly, yearly) as head office sees it: what it is, and how the hub's recomputation compares. */
export type ClosingSummary = {
  readonly tillId: string;
  readonly seq: number;
  readonly journal: number;
  readonly kind: ClosingKind;
  readonly sessionId: string | null;
  /** A Z's or daily closing's business date; a monthly closing's month ('2026-11'), a yearly one's fiscal year ('2026'). */
  readonly businessDate: string | null;
  readonly sealedAt: string;
  readonly status: string;
  readonly differences: readonly FigureDifference[];
  readonly missing: readonly MissingRecords[];
  readonly problem: string | null;
  readonly checkedAt: string;
};

export type ClosingDetail = ClosingSummary & {
  /** The closing record exactly as sealed by the till. */
  readonly record: unknown;
  /** Its payload as the hub's records give it (null while it cannot be computed). */
  readonly recomputed: unknown;
};

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
};

const COLUMNS =
  'c.till_id, c.seq, c.epoch, c.kind, c.session_id, c.business_date, c.sealed_at, c.status, c.differences, c.missing, c.problem, c.checked_at';

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
  };
}

async function knownStore(db: Queryable, storeId: string): Promise<void> {
  if (!(await storeExists(db, storeId))) throw new HubError(404, 'not_found', `Store ${storeId} does not exist`);
}

/**
 * The store's closings whose business date is within [from, to] (either bound optional), by date,
 * till and sequence: a monthly (yearly) closing when its month (calendar year) meets the range,
 * listed before the days of its month (year).
 */
export async function storeClosings(
  db: Queryable,
  storeId: string,
  query: { readonly from?: string; readonly to?: string; readonly limit?: number },
): Promise<ClosingSummary[]> {
  await knownStore(db, storeId);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM closing_checks c
      WHERE c.store_id = $1 AND ($2::text IS NULL OR c.business_date >= left($2, length(c.business_date)))
        AND ($3::text IS NULL OR c.business_date <= left($3, length(c.business_date)))
      ORDER BY c.business_date, c.till_id, c.epoch, c.seq LIMIT $4`,
    [storeId, query.from ?? null, query.to ?? null, Math.min(query.limit ?? MAX_CLOSINGS, MAX_CLOSINGS)],
  );
  return rows.map(summaryOf);
}

/** One closing of a till (its latest journal's at that sequence) with both figure sets; 404 when the hub has not checked it. */
export async function storeClosing(db: Queryable, storeId: string, tillId: string, seq: number): Promise<ClosingDetail> {
  await knownStore(db, storeId);
  const [row] = await db.query<Row & { record: unknown; recomputed: unknown }>(
    `SELECT ${COLUMNS}, c.recomputed, d.doc -> 'record' AS record
       FROM closing_checks c LEFT JOIN store_docs d ON d.store_id = c.store_id AND d.collection = 'till_records' AND d.id = c.doc_id
      WHERE c.store_id = $1 AND c.till_id = $2 AND c.seq = $3 ORDER BY c.epoch DESC LIMIT 1`,
    [storeId, tillId, seq],
  );
  if (!row) throw new HubError(404, 'not_found', `No closing ${seq} of till ${tillId} checked at the hub`);
  return { ...summaryOf(row), record: row.record ?? null, recomputed: row.recomputed ?? null };
}
