import { JET_CODES } from '@pos/core/fiscal/jet-codes';
import type { JetEntry } from '@pos/core/sync/head-office-closings';
import { requireStore } from '../admin/stores';
import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { checkDatePeriod } from '../errors/list-period';
import { keysetBatches } from '../http/export/export-table';

export type JetFilters = {
  readonly tillId?: string;
  /** YYYY-MM-DD, inclusive: the records' sealedAt, UTC. */
  readonly from?: string;
  readonly to?: string;
  /** An event type ('sale.void'). */
  readonly type?: string;
  /** A JET code (190). */
  readonly code?: number;
};

/** Where a page ends: the last entry's sealing time, till, journal and sequence (newest first). */
type JetKey = readonly [sealedAt: string, tillId: string, journal: number, seq: number];

const staticCodes = Object.entries(JET_CODES).filter((entry): entry is [string, number] => entry[1] !== null);
for (const [type] of staticCodes) if (!/^[a-z.-]+$/.test(type)) throw new Error(`Unexpected event type ${type}`);

/** core's jetCodeOf in SQL, over the payload `p.v`: the same table, and the two codes an event carries itself. */
const JET_CODE_SQL = `CASE p.v ->> 'type' ${staticCodes.map(([type, code]) => `WHEN '${type}' THEN ${code}`).join(' ')}
  WHEN 'archive.export' THEN CASE WHEN p.v ->> 'jetCode' IN ('20', '30') THEN (p.v ->> 'jetCode')::int END
  WHEN 'cash.movement' THEN CASE WHEN jsonb_typeof(p.v -> 'approvedBy') = 'string'
    AND (p.v ->> 'approvedBy') IS DISTINCT FROM (p.v ->> 'staffId') THEN 130 END END`;

type Row = {
  till_id: string;
  epoch: number;
  seq: string | number;
  status: string;
  sealed_at: string;
  payload: unknown;
  code: number | null;
};

function entryOf(row: Row): JetEntry {
  const payload = typeof row.payload === 'object' && row.payload !== null ? (row.payload as Record<string, unknown>) : {};
  const { type, ...details } = payload;
  return {
    tillId: row.till_id,
    journal: row.epoch,
    seq: Number(row.seq),
    sealedAt: row.sealed_at,
    type: typeof type === 'string' ? type : '',
    code: row.code === null ? null : Number(row.code),
    staffId: typeof details.staffId === 'string' ? details.staffId : null,
    details,
    status: row.status,
  };
}

/** The day after a YYYY-MM-DD date: `to` is inclusive, sealing times are compared below its next day. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Refuses what the filters cannot mean (404 unknown store, 400 a date off the calendar or `to` before `from`) before anything is read. */
export async function checkJetRequest(db: Queryable, storeId: string, filters: JetFilters): Promise<void> {
  await requireStore(db, storeId);
  checkDatePeriod(filters, 'invalid_jet_range');
}

/**
 * One page of the store's event chains (every till), newest first, after `after` (null: from the
 * newest). Walked in the order of chain_records_jet_idx (the event records' sealing time, kept in
 * chain_records.sealed_at): a page reads its rows and their documents, whatever the store's
 * history; the dates and the cursor bound the walk, the type and code filter along it.
 */
async function jetPage(db: Queryable, storeId: string, filters: JetFilters, after: JetKey | null, limit: number): Promise<JetEntry[]> {
  const rows = await db.query<Row>(
    `SELECT r.till_id, r.epoch, r.seq, r.status, r.sealed_at, p.v AS payload, ${JET_CODE_SQL} AS code
       FROM chain_records r
       -- OFFSET 0 keeps this a lookup per record walked: joined, a type or code filter (whose share
       -- of the documents the planner cannot tell) made it read every document of the store to sort.
       CROSS JOIN LATERAL (SELECT d.doc #> '{record,payload}' AS v FROM store_docs d
                            WHERE d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id OFFSET 0) p
      WHERE r.store_id = $1 AND r.chain = 'event'
        AND ($2::text IS NULL OR r.till_id = $2)
        AND ($3::text IS NULL OR r.sealed_at >= $3)
        AND ($4::text IS NULL OR r.sealed_at < $4)
        AND ($5::text IS NULL OR p.v ->> 'type' = $5)
        AND ($6::int IS NULL OR ${JET_CODE_SQL} = $6)
        AND ($7::text IS NULL OR (r.sealed_at, r.till_id, r.epoch, r.seq) < ($7, $8, $9::integer, $10::bigint))
      ORDER BY r.sealed_at DESC, r.till_id DESC, r.epoch DESC, r.seq DESC
      LIMIT $11`,
    [
      storeId,
      filters.tillId ?? null,
      filters.from ?? null,
      filters.to ? nextDay(filters.to) : null,
      filters.type ?? null,
      filters.code ?? null,
      ...(after ?? [null, null, null, null]),
      limit,
    ],
  );
  return rows.map(entryOf);
}

const keyOf = (e: JetEntry): JetKey => [e.sealedAt, e.tillId, e.journal, e.seq];

export function encodeJetCursor(key: JetKey): string {
  return encodeCursor(key);
}

const isJetKey = (key: readonly unknown[]): key is JetKey =>
  key.length === 4 &&
  typeof key[0] === 'string' &&
  key[0].length <= 40 &&
  typeof key[1] === 'string' &&
  key[1].length <= 64 &&
  Number.isSafeInteger(key[2]) &&
  Number.isSafeInteger(key[3]);

/** A cursor this module made, else 400 invalid_cursor. */
export function decodeJetCursor(cursor: string): JetKey {
  return decodeCursor(cursor, isJetKey);
}

/** A page of the JET list and the cursor of the next one (null: none). */
export async function storeJet(
  db: Queryable,
  storeId: string,
  filters: JetFilters,
  page: { readonly limit: number; readonly cursor?: string },
): Promise<{ events: JetEntry[]; next: string | null }> {
  const after = page.cursor ? decodeJetCursor(page.cursor) : null;
  await checkJetRequest(db, storeId, filters);
  const events = await jetPage(db, storeId, filters, after, page.limit + 1);
  const more = events.length > page.limit;
  const shown = events.slice(0, page.limit);
  return { events: shown, next: more ? encodeJetCursor(keyOf(shown[shown.length - 1]!)) : null };
}

/** Every entry the filters select, a keyset page at a time (the export). */
export function jetBatches(db: Queryable, storeId: string, filters: JetFilters): AsyncGenerator<readonly JetEntry[]> {
  return keysetBatches<JetEntry, JetKey>((after, limit) => jetPage(db, storeId, filters, after, limit), keyOf);
}
