import type { Database, Queryable } from '../db/database';
import { sha256Hex } from '../auth/secrets';
import { loadStoresBusinessDays } from '../fiscal/sale-arithmetic';
import {
  FeedProjector,
  readFeedOfStores,
  stepFeedProjection,
  stepFeedProjections,
  type StoreRecords,
  type StoresFeedProjection,
} from '../fiscal/feed-projector';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import {
  closingOf,
  inputOf,
  VOID_EVENT,
  type ClosingInput,
  type ClosingKind,
  type FeedRecord,
  type NewClosingCheck,
} from './closing-inputs';
import { recomputeClosing, type ClosingOutcome, type ClosingRef } from './recompute-closing';

/** Feed records read per step. */
export const CLOSING_BATCH = 2000;
/** Stores a step takes together at most by default (as the reports, REPORTING_GROUP). */
export const CLOSING_GROUP = 1;

/** `skipped`: records that could not be applied, reported as incidents and passed over. */
export type ClosingStep = { readonly records: number; readonly recomputed: number; readonly lastSeq: number; readonly skipped: number };

const FEED_COLUMNS = `r.till_id, r.chain, r.epoch, r.seq, r.doc_id,
  d.doc #>> '{record,payload,type}' AS type, d.doc #> '{record,payload,sessionId}' AS session_id,
  d.doc #> '{record,payload,businessDate}' AS business_date, d.doc #> '{record,payload,completedAt}' AS completed_at,
  d.doc #> '{record,payload,period}' AS period, d.doc #> '{record,payload,figures,businessDate}' AS z_date,
  d.doc #> '{record,sealedAt}' AS sealed_at`;

/**
 * Follows one store's verified feed (chain_records.feed_seq, the chain verifier's output: only
 * verified records) after its checkpoint: indexes the sales and cash-session events closings are
 * recomputed from (closing_inputs), registers each closing (closing_checks: Z, daily, monthly,
 * yearly), then recomputes every closing the batch concerns — the new ones, and those whose
 * session, business day or period a late record joined — and moves the checkpoint, in one
 * transaction under the checkpoint row (stepFeedProjection, which serialises the hub instances).
 *
 * A record that fails alone on what it holds (isRecordFault) is reported
 * (`unprojectable_closing_record`) and skipped, so the store's closings never stall on one
 * record. A closing whose figures cannot be computed from what it and its records hold is
 * `unreadable`, with the reason, and reported once.
 */
export async function projectStoreClosings(db: Database, storeId: string, limit = CLOSING_BATCH): Promise<ClosingStep> {
  const step = await stepFeedProjection(db, storeId, CLOSING_PROJECTION, limit);
  return { records: step.records, recomputed: step.applied, lastSeq: step.lastSeq, skipped: step.skipped };
}

/** One step of several stores together (what the projector does with the stores due at once); each store's part. */
export async function projectStoresClosings(
  db: Database,
  storeIds: readonly string[],
  limit = CLOSING_BATCH,
): Promise<ReadonlyMap<string, ClosingStep>> {
  const steps = await stepFeedProjections(db, storeIds, CLOSING_PROJECTION, limit);
  return new Map(
    [...steps].map(([storeId, s]) => [storeId, { records: s.records, recomputed: s.applied, lastSeq: s.lastSeq, skipped: s.skipped }]),
  );
}

type BusinessDays = { timeZone: string; dayStartHour: number };

const CLOSING_PROJECTION: StoresFeedProjection<FeedRecord & { readonly store_id: string }, ReadonlyMap<string, BusinessDays>> = {
  checkpoint: 'closing_projection',
  readStores: (tx, bounds, limit) => readFeedOfStores(tx, bounds, limit, FEED_COLUMNS, `r.chain IN ('sale', 'event', 'closing')`),
  prepareStores: (tx, batches) =>
    loadStoresBusinessDays(
      tx,
      batches.map((b) => b.storeId),
    ),
  applyStores: (tx, batches, days) => applyRecords(tx, batches, days),
  skip: (tx, storeId, record, error) => reportSkipped(tx, storeId, record, error),
};

type Stored<T> = T & { readonly store_id: string };

/**
 * Indexes and registers the stores' records, then recomputes the closings they concern, each
 * store's in chain order (one statement each for every store, then the recomputations); the
 * number recomputed, by store.
 */
async function applyRecords(
  tx: Queryable,
  batches: readonly StoreRecords<FeedRecord>[],
  days: ReadonlyMap<string, BusinessDays>,
): Promise<Map<string, number>> {
  const inputs: Stored<ClosingInput>[] = [];
  const closings: Stored<NewClosingCheck>[] = [];
  for (const { storeId, records } of batches) {
    const businessDays = days.get(storeId)!;
    for (const r of records) {
      const input = inputOf(r, businessDays);
      if (input) inputs.push({ ...input, store_id: storeId });
      const closing = closingOf(r);
      if (closing) closings.push({ ...closing, store_id: storeId });
    }
  }
  if (inputs.length > 0) {
    await tx.query(
      `INSERT INTO closing_inputs (store_id, till_id, chain, epoch, seq, doc_id, type, session_id, business_date)
       SELECT i.store_id, i.till_id, i.chain, i.epoch, i.seq, i.doc_id, i.type, i.session_id, i.business_date
         FROM jsonb_to_recordset($1::jsonb) AS i(store_id text, till_id text, chain text, epoch int, seq int8, doc_id text, type text,
              session_id text, business_date text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(inputs)],
    );
  }
  if (closings.length > 0) {
    await tx.query(
      `INSERT INTO closing_checks (store_id, till_id, epoch, seq, doc_id, kind, session_id, business_date, sealed_at, status, differences, missing)
       SELECT c.store_id, c.till_id, c.epoch, c.seq, c.doc_id, c.kind, c.session_id, c.business_date, c.sealed_at, 'pending', '[]', '[]'
         FROM jsonb_to_recordset($1::jsonb) AS c(store_id text, till_id text, epoch int, seq int8, doc_id text, kind text, session_id text,
              business_date text, sealed_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(closings)],
    );
  }
  const recomputed = new Map(batches.map((b) => [b.storeId, 0]));
  for (const ref of await affectedClosings(
    tx,
    batches.map((b) => b.storeId),
    inputs,
    closings,
  )) {
    const { store_id: storeId, ...closing } = ref;
    const result = await recomputeClosing(tx, storeId, closing);
    await saveOutcome(tx, storeId, closing, result);
    recomputed.set(storeId, (recomputed.get(storeId) ?? 0) + 1);
  }
  return recomputed;
}

/**
 * The period closings that may sum a closing: a day's month, a month's fiscal year (the calendar
 * year of the month or the one before, whatever month the store's fiscal year starts).
 */
function summedBy(c: Stored<NewClosingCheck>): { store_id: string; till_id: string; epoch: number; kind: ClosingKind; period: string }[] {
  const at = { store_id: c.store_id, till_id: c.till_id, epoch: c.epoch };
  if (c.business_date === null) return [];
  if (c.kind === 'day') return [{ ...at, kind: 'month', period: c.business_date.slice(0, 7) }];
  if (c.kind !== 'month') return [];
  const year = Number(c.business_date.slice(0, 4));
  return [year, year - 1].map((y) => ({ ...at, kind: 'year', period: String(y).padStart(4, '0') }));
}

/**
 * The closings a batch concerns, in chain order: those it brings, the Z of each session a record
 * joined, the daily closing of each business date a sale joined, the Z whose session was open
 * when a void was sealed, the monthly (yearly) closing a daily (monthly) one joined, and the
 * later closings still waiting on a closing before them (a late one came: their grand totals
 * continue it).
 */
async function affectedClosings(
  tx: Queryable,
  storeIds: readonly string[],
  inputs: readonly Stored<ClosingInput>[],
  closings: readonly Stored<NewClosingCheck>[],
): Promise<Stored<ClosingRef>[]> {
  const keys = {
    closings: closings.map((c) => ({ store_id: c.store_id, till_id: c.till_id, epoch: c.epoch, seq: c.seq })),
    sessions: inputs
      .filter((i) => i.session_id !== null)
      .map((i) => ({ store_id: i.store_id, till_id: i.till_id, epoch: i.epoch, session_id: i.session_id })),
    dates: inputs
      .filter((i) => i.chain === 'sale' && i.business_date !== null)
      .map((i) => ({ store_id: i.store_id, till_id: i.till_id, epoch: i.epoch, business_date: i.business_date })),
    voids: inputs
      .filter((i) => i.type === VOID_EVENT)
      .map((i) => ({ store_id: i.store_id, till_id: i.till_id, epoch: i.epoch, seq: i.seq })),
    periods: closings.flatMap(summedBy),
  };
  if (Object.values(keys).every((k) => k.length === 0)) return [];
  const rows = await tx.query<Stored<ClosingRef>>(
    `SELECT c.store_id, c.till_id, c.epoch, c.seq, c.doc_id, c.kind, c.session_id, c.business_date FROM closing_checks c
      WHERE c.store_id = ANY($1::text[]) AND (
        (c.store_id, c.till_id, c.epoch, c.seq) IN (SELECT k.store_id, k.till_id, k.epoch, k.seq
              FROM jsonb_to_recordset($2::jsonb -> 'closings') AS k(store_id text, till_id text, epoch int, seq int8))
        OR (c.kind = 'z' AND (c.store_id, c.till_id, c.epoch, c.session_id) IN
              (SELECT k.store_id, k.till_id, k.epoch, k.session_id
                 FROM jsonb_to_recordset($2::jsonb -> 'sessions') AS k(store_id text, till_id text, epoch int, session_id text)))
        OR (c.kind = 'day' AND (c.store_id, c.till_id, c.epoch, c.business_date) IN
              (SELECT k.store_id, k.till_id, k.epoch, k.business_date
                 FROM jsonb_to_recordset($2::jsonb -> 'dates') AS k(store_id text, till_id text, epoch int, business_date text)))
        OR (c.kind = 'z' AND EXISTS (
              SELECT 1 FROM jsonb_to_recordset($2::jsonb -> 'voids') AS k(store_id text, till_id text, epoch int, seq int8)
                JOIN closing_inputs o ON o.store_id = c.store_id AND o.till_id = k.till_id AND o.chain = 'event' AND o.epoch = k.epoch
                     AND o.type = 'cash.session.open' AND o.session_id = c.session_id AND o.seq < k.seq
                JOIN closing_inputs e ON e.store_id = c.store_id AND e.till_id = k.till_id AND e.chain = 'event' AND e.epoch = k.epoch
                     AND e.type = 'cash.session.close' AND e.session_id = c.session_id AND e.seq > k.seq
               WHERE k.store_id = c.store_id AND k.till_id = c.till_id AND k.epoch = c.epoch))
        OR ((c.store_id, c.till_id, c.epoch, c.kind, c.business_date) IN
              (SELECT k.store_id, k.till_id, k.epoch, k.kind, k.period
                 FROM jsonb_to_recordset($2::jsonb -> 'periods') AS k(store_id text, till_id text, epoch int, kind text, period text)))
        OR (c.status = 'pending' AND c.missing @> '[{"chain": "closing"}]' AND EXISTS (
              SELECT 1 FROM jsonb_to_recordset($2::jsonb -> 'closings') AS k(store_id text, till_id text, epoch int, seq int8)
               WHERE k.store_id = c.store_id AND k.till_id = c.till_id AND k.epoch = c.epoch AND k.seq < c.seq)))
      ORDER BY c.store_id, c.till_id, c.epoch, c.seq`,
    [storeIds, JSON.stringify(keys)],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

async function saveOutcome(tx: Queryable, storeId: string, ref: ClosingRef, result: ClosingOutcome): Promise<void> {
  await tx.query(
    `UPDATE closing_checks SET status = $5, recomputed = $6::jsonb, differences = $7::jsonb, missing = $8::jsonb, problem = $9, checked_at = now()
      WHERE store_id = $1 AND till_id = $2 AND epoch = $3 AND seq = $4`,
    [
      storeId,
      ref.till_id,
      ref.epoch,
      ref.seq,
      result.status,
      result.recomputed === null ? null : JSON.stringify(result.recomputed),
      JSON.stringify(result.differences),
      JSON.stringify(result.missing),
      result.problem,
    ],
  );
  if (result.status === 'unreadable') {
    await tx.query(
      `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
       VALUES ($1, $2, 'unreadable_closing', 'till_records', $3, $4, jsonb_build_object('seq', $5::int8, 'message', $6::text))
       ON CONFLICT (store_id, incident_id) DO NOTHING`,
      [storeId, sha256Hex(`unreadable_closing\n${ref.doc_id}\n${result.problem}`), ref.doc_id, ref.till_id, ref.seq, result.problem],
    );
  }
}

/** A feed record the projector could not apply, skipped: an incident for head office with the error. Keyed by record: reported once. */
async function reportSkipped(tx: Queryable, storeId: string, record: FeedRecord, error: unknown): Promise<void> {
  const text = `This record could not be indexed for closings and was skipped: ${String((error as Error)?.message ?? error).slice(0, 500)}`;
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     VALUES ($1, $2, 'unprojectable_closing_record', $3, $4, $5, jsonb_build_object('chain', $6::text, 'seq', $7::int8, 'message', $8::text))
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [
      storeId,
      sha256Hex(`unprojectable_closing_record\n${record.chain}\n${record.doc_id}\n${record.seq}`),
      record.chain === 'sale' ? 'sales' : 'till_records',
      record.doc_id,
      record.till_id,
      record.chain,
      record.seq,
      text,
    ],
  );
}

/**
 * Keeps every store's closings checked against its verified records, on this hub instance: woken
 * by the chain verifier's notice of the store's verified feed (from this instance or another), at
 * start and after the listening connection came back.
 */
export class ClosingProjector extends FeedProjector<FeedRecord & { readonly store_id: string }, ReadonlyMap<string, BusinessDays>> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    // A second of quiet, at most 5 s behind (as the stock): the closings' checks are read by people, not tills.
    super(
      db,
      { ...options, settleMs: options.settleMs ?? 1000, maxLagMs: options.maxLagMs ?? 5000, group: options.group ?? CLOSING_GROUP },
      CLOSING_PROJECTION,
      CLOSING_BATCH,
    );
  }
}
