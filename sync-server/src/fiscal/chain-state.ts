import { GENESIS_HASH, type FiscalChain } from '@pos/core';
import type { Queryable } from '../db/database';
import { writeStep, type StepWrite } from './step-writes';

/** Where one chain of one till is verified up to, in its journal (`epoch`). */
export type ChainHeadState = {
  readonly tillId: string;
  readonly chain: FiscalChain;
  epoch: number;
  seq: number;
  hash: string;
  changed: boolean;
};

/** A record placed on its chain: verified (and fed), broken, or a sale whose figures failed. */
export type PlacedRecord = {
  readonly tillId: string;
  readonly chain: FiscalChain;
  readonly epoch: number;
  readonly seq: number;
  readonly collection: string;
  readonly docId: string;
  readonly hash: string;
  readonly prevHash: string;
  readonly status: 'verified' | 'broken' | 'invalid_sale';
  readonly feedSeq: number | null;
};

/** A record read but not placed yet (chain_pending). */
export type PendingRef = {
  readonly collection: string;
  readonly docId: string;
  readonly tillId: string;
  readonly chain: FiscalChain;
  readonly seq: number;
  readonly docSeq: number;
  readonly firstSeen: number;
};

/** The highest head a till's starts anchored on one chain (chain_anchors). */
export type AnchorState = {
  readonly tillId: string;
  readonly chain: FiscalChain;
  epoch: number;
  seq: number;
  hash: string;
  eventSeq: number;
  eventDocId: string;
  anchoredAt: number;
  status: 'waiting' | 'reached' | 'flagged';
  changed: boolean;
  removed: boolean;
};

export const chainKey = (tillId: string, chain: string) => `${tillId}\u0000${chain}`;

export function newHead(tillId: string, chain: FiscalChain): ChainHeadState {
  return { tillId, chain, epoch: 1, seq: 0, hash: GENESIS_HASH, changed: false };
}

/** Locks the store's verifier checkpoint (creating it at 0): the verifiers of one store run one after the other. */
export async function lockVerification(tx: Queryable, storeId: string): Promise<{ seq: number; feedSeq: number }> {
  const [row] = await tx.query<{ seq: number; feed_seq: number }>(
    `INSERT INTO chain_verification AS v (store_id, seq, feed_seq) VALUES ($1, 0, 0)
     ON CONFLICT (store_id) DO UPDATE SET seq = v.seq RETURNING v.seq, v.feed_seq`,
    [storeId],
  );
  return { seq: row?.seq ?? 0, feedSeq: row?.feed_seq ?? 0 };
}

export async function advanceVerification(tx: Queryable, storeId: string, seq: number, feedSeq: number): Promise<void> {
  await writeStep(tx, storeId, [advanceWrite(seq, feedSeq)]);
}

/** The checkpoint's move: the store sequence last read and the verified feed's number. */
export function advanceWrite(seq: number, feedSeq: number): StepWrite {
  return {
    sql: (rows) =>
      `UPDATE chain_verification SET seq = (${rows} ->> 'seq')::int8, feed_seq = (${rows} ->> 'feed')::int8, updated_at = now() WHERE store_id = $1`,
    rows: { seq, feed: feedSeq },
  };
}

/** What a step starts from: the store's chain heads, its waiting records and its anchors. */
export type ChainState = {
  readonly heads: Map<string, ChainHeadState>;
  readonly pending: PendingRef[];
  readonly anchors: Map<string, AnchorState>;
};

type StateRow = {
  heads: { till_id: string; chain: FiscalChain; epoch: number; seq: number; hash: string }[];
  pending: { collection: string; doc_id: string; till_id: string; chain: FiscalChain; seq: number; doc_seq: number; first_seen: number }[];
  anchors: {
    till_id: string;
    chain: FiscalChain;
    epoch: number;
    seq: number;
    hash: string;
    event_seq: number;
    event_doc_id: string;
    anchored_at: number;
    status: AnchorState['status'];
  }[];
};

/**
 * The store's chain heads, its waiting records (lowest sequences first, at most `pendingLimit`: a
 * bounded read, the oldest gaps matter first) and its anchors, in one statement. Read after the
 * checkpoint's lock (lockVerification), so it sees what the store's last step committed. Times
 * come as milliseconds, cut as the driver cuts a timestamp's microseconds.
 */
export async function loadChainState(tx: Queryable, storeId: string, pendingLimit: number): Promise<ChainState> {
  const ms = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::int8`;
  const [row] = await tx.query<StateRow>(
    `SELECT
       (SELECT coalesce(jsonb_agg(h), '[]') FROM (SELECT till_id, chain, epoch, seq, hash FROM chain_heads WHERE store_id = $1) h) AS heads,
       (SELECT coalesce(jsonb_agg(p ORDER BY p.till_id, p.chain, p.seq), '[]') FROM (
          SELECT collection, doc_id, till_id, chain, seq, doc_seq, ${ms('first_seen')} AS first_seen FROM chain_pending
           WHERE store_id = $1 ORDER BY till_id, chain, seq LIMIT $2) p) AS pending,
       (SELECT coalesce(jsonb_agg(a), '[]') FROM (
          SELECT till_id, chain, epoch, seq, hash, event_seq, event_doc_id, ${ms('anchored_at')} AS anchored_at, status FROM chain_anchors
           WHERE store_id = $1) a) AS anchors`,
    [storeId, pendingLimit],
  );
  const { heads = [], pending = [], anchors = [] } = row ?? {};
  return {
    heads: new Map(
      heads.map((r) => [
        chainKey(r.till_id, r.chain),
        { tillId: r.till_id, chain: r.chain, epoch: r.epoch, seq: r.seq, hash: r.hash, changed: false },
      ]),
    ),
    pending: pending.map((r) => ({
      collection: r.collection,
      docId: r.doc_id,
      tillId: r.till_id,
      chain: r.chain,
      seq: r.seq,
      docSeq: r.doc_seq,
      firstSeen: Number(r.first_seen),
    })),
    anchors: new Map(
      anchors.map((r) => [
        chainKey(r.till_id, r.chain),
        {
          tillId: r.till_id,
          chain: r.chain,
          epoch: r.epoch,
          seq: r.seq,
          hash: r.hash,
          eventSeq: r.event_seq,
          eventDocId: r.event_doc_id,
          anchoredAt: Number(r.anchored_at),
          status: r.status,
          changed: false,
          removed: false,
        },
      ]),
    ),
  };
}

export function headsWrite(heads: readonly ChainHeadState[]): StepWrite | null {
  if (heads.length === 0) return null;
  return {
    sql: (rows) => `INSERT INTO chain_heads AS h (store_id, till_id, chain, epoch, seq, hash)
     SELECT $1, r.till_id, r.chain, r.epoch, r.seq, r.hash FROM jsonb_to_recordset(${rows}) AS r(till_id text, chain text, epoch int, seq int8, hash text)
     ON CONFLICT (store_id, till_id, chain) DO UPDATE SET epoch = excluded.epoch, seq = excluded.seq, hash = excluded.hash, updated_at = now()`,
    rows: heads.map((h) => ({ till_id: h.tillId, chain: h.chain, epoch: h.epoch, seq: h.seq, hash: h.hash })),
  };
}

export function placedWrite(placed: readonly PlacedRecord[]): StepWrite | null {
  if (placed.length === 0) return null;
  // The key is unique by construction; DO NOTHING keeps a step run twice from failing on it. An
  // event record's sealedAt is read from its document as the JET list shows it (chain_records_jet_idx).
  return {
    sql: (
      rows,
    ) => `INSERT INTO chain_records (store_id, till_id, chain, epoch, seq, collection, doc_id, hash, prev_hash, status, feed_seq, sealed_at)
     SELECT $1, r.t, r.c, r.e, r.s, r.l, r.d, r.h, r.p, r.st, r.f,
            CASE WHEN r.c = 'event' THEN (SELECT d.doc #>> '{record,sealedAt}' FROM store_docs d
                                            WHERE d.store_id = $1 AND d.collection = r.l AND d.id = r.d) END
       FROM jsonb_to_recordset(${rows}) AS r(t text, c text, e int, s int8, l text, d text, h text, p text, st text, f int8)
     ON CONFLICT DO NOTHING`,
    rows: placed.map((p) => ({
      t: p.tillId,
      c: p.chain,
      e: p.epoch,
      s: p.seq,
      l: p.collection,
      d: p.docId,
      h: p.hash,
      p: p.prevHash,
      st: p.status,
      f: p.feedSeq,
    })),
  };
}

/** Records placed on one chain at these sequences. */
export async function findPlaced(
  tx: Queryable,
  storeId: string,
  head: { readonly tillId: string; readonly chain: FiscalChain; readonly epoch: number },
  seqs: readonly number[],
): Promise<PlacedRecord[]> {
  const rows = await tx.query<{
    seq: number;
    collection: string;
    doc_id: string;
    hash: string;
    prev_hash: string;
    status: PlacedRecord['status'];
    feed_seq: number | null;
  }>(
    `SELECT seq, collection, doc_id, hash, prev_hash, status, feed_seq FROM chain_records
      WHERE store_id = $1 AND till_id = $2 AND chain = $3 AND epoch = $4 AND seq IN (SELECT jsonb_array_elements_text($5::jsonb)::int8)`,
    [storeId, head.tillId, head.chain, head.epoch, JSON.stringify(seqs)],
  );
  return rows.map((r) => ({
    tillId: head.tillId,
    chain: head.chain,
    epoch: head.epoch,
    seq: r.seq,
    collection: r.collection,
    docId: r.doc_id,
    hash: r.hash,
    prevHash: r.prev_hash,
    status: r.status,
    feedSeq: r.feed_seq,
  }));
}

const pendingKey = (r: PendingRef) => `pending\u0000${r.collection}\u0000${r.docId}`;

/** Waiting records that are placed now (removed) and those read now that wait (added). */
export function pendingWrites(added: readonly PendingRef[], removed: readonly PendingRef[]): (StepWrite | null)[] {
  return [
    removed.length === 0
      ? null
      : {
          sql: (rows) => `DELETE FROM chain_pending p USING jsonb_to_recordset(${rows}) AS r(collection text, doc_id text)
        WHERE p.store_id = $1 AND p.collection = r.collection AND p.doc_id = r.doc_id`,
          rows: removed.map((r) => ({ collection: r.collection, doc_id: r.docId })),
          keys: removed.map(pendingKey),
        },
    added.length === 0
      ? null
      : {
          sql: (rows) => `INSERT INTO chain_pending (store_id, collection, doc_id, till_id, chain, seq, doc_seq, first_seen)
       SELECT $1, r.collection, r.doc_id, r.till_id, r.chain, r.seq, r.doc_seq, r.first_seen
         FROM jsonb_to_recordset(${rows}) AS r(collection text, doc_id text, till_id text, chain text, seq int8, doc_seq int8, first_seen timestamptz)
       ON CONFLICT DO NOTHING`,
          rows: added.map((r) => ({
            collection: r.collection,
            doc_id: r.docId,
            till_id: r.tillId,
            chain: r.chain,
            seq: r.seq,
            doc_seq: r.docSeq,
            first_seen: new Date(r.firstSeen).toISOString(),
          })),
          keys: added.map(pendingKey),
        },
  ];
}

/** Anchors reached or flagged for good (removed), and those whose state changed (kept). */
export function anchorWrites(anchors: readonly AnchorState[]): (StepWrite | null)[] {
  const removed = anchors.filter((a) => a.removed);
  const kept = anchors.filter((a) => !a.removed && a.changed);
  return [
    removed.length === 0
      ? null
      : {
          sql: (rows) => `DELETE FROM chain_anchors a USING jsonb_to_recordset(${rows}) AS r(till_id text, chain text)
        WHERE a.store_id = $1 AND a.till_id = r.till_id AND a.chain = r.chain`,
          rows: removed.map((a) => ({ till_id: a.tillId, chain: a.chain })),
        },
    kept.length === 0
      ? null
      : {
          sql: (
            rows,
          ) => `INSERT INTO chain_anchors AS a (store_id, till_id, chain, epoch, seq, hash, event_seq, event_doc_id, anchored_at, status)
     SELECT $1, r.till_id, r.chain, r.epoch, r.seq, r.hash, r.event_seq, r.event_doc_id, r.anchored_at, r.status
       FROM jsonb_to_recordset(${rows}) AS r(till_id text, chain text, epoch int, seq int8, hash text, event_seq int8, event_doc_id text,
                                                anchored_at timestamptz, status text)
     ON CONFLICT (store_id, till_id, chain) DO UPDATE SET epoch = excluded.epoch, seq = excluded.seq, hash = excluded.hash,
       event_seq = excluded.event_seq, event_doc_id = excluded.event_doc_id, anchored_at = excluded.anchored_at, status = excluded.status`,
          rows: kept.map((a) => ({
            till_id: a.tillId,
            chain: a.chain,
            epoch: a.epoch,
            seq: a.seq,
            hash: a.hash,
            event_seq: a.eventSeq,
            event_doc_id: a.eventDocId,
            anchored_at: new Date(a.anchoredAt).toISOString(),
            status: a.status,
          })),
        },
  ];
}
