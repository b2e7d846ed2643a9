import { FISCAL_CHAINS, GENESIS_HASH } from '@pos/core';
import { requireStore } from '../admin/stores';
import type { Queryable } from '../db/database';

/** Gaps and lost journals listed per store at most (the counts are whole). */
export const MAX_LISTED = 200;
/** Breaks returned per request at most: each carries its record (up to 256 KiB). */
export const MAX_BREAKS = 200;

export type ChainGap = { readonly journal: number; readonly from: number; readonly to: number; readonly open: boolean };
export type LostJournal = {
  readonly journal: number;
  readonly docId: string | null;
  readonly foundAt: string;
  readonly previousHead: unknown;
};

export type ChainReport = {
  readonly chain: string;
  /** The journal verified (1, then one more at each restart at 1). */
  readonly journal: number;
  readonly verifiedSeq: number;
  readonly verifiedHash: string;
  readonly updatedAt: string | null;
  readonly pending: { readonly records: number; readonly lowestSeq: number | null; readonly since: string | null };
  readonly breaks: number;
  readonly gaps: readonly ChainGap[];
  readonly lostJournals: readonly LostJournal[];
};

export type TillChainsReport = { readonly tillId: string; readonly invalidSales: number; readonly chains: readonly ChainReport[] };

export type StoreChainsReport = {
  readonly storeId: string;
  /** The store sequence the verifier has read up to, and the length of the store's verified feed. */
  readonly verifiedThrough: number;
  readonly feedSeq: number;
  readonly tills: readonly TillChainsReport[];
};

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

/** Each till of the store, each of its chains: verified up to, waiting, breaks, gaps, lost journals. */
export async function storeChainsReport(db: Queryable, storeId: string): Promise<StoreChainsReport> {
  await requireStore(db, storeId);
  const [checkpoint] = await db.query<{ seq: number; feed_seq: number }>(
    'SELECT seq, feed_seq FROM chain_verification WHERE store_id = $1',
    [storeId],
  );
  const tills = await db.query<{ till_id: string }>(
    `SELECT till_id FROM tills WHERE store_id = $1 UNION SELECT till_id FROM chain_heads WHERE store_id = $1 ORDER BY till_id`,
    [storeId],
  );
  const heads = await db.query<{ till_id: string; chain: string; epoch: number; seq: number; hash: string; updated_at: string | Date }>(
    'SELECT till_id, chain, epoch, seq, hash, updated_at FROM chain_heads WHERE store_id = $1',
    [storeId],
  );
  const pending = await db.query<{ till_id: string; chain: string; n: number; lowest: number; since: string | Date }>(
    `SELECT till_id, chain, count(*)::int8 AS n, min(seq) AS lowest, min(first_seen) AS since FROM chain_pending WHERE store_id = $1 GROUP BY till_id, chain`,
    [storeId],
  );
  const counts = await db.query<{ till_id: string; chain: string; n: number }>(
    'SELECT till_id, chain, count(*)::int8 AS n FROM chain_breaks WHERE store_id = $1 GROUP BY till_id, chain',
    [storeId],
  );
  const gaps = await db.query<{ till_id: string; chain: string; epoch: number; seq: number; last: number; found: number }>(
    `SELECT b.till_id, b.chain, b.epoch, b.seq, (b.details ->> 'to')::int8 AS last,
            (SELECT count(*) FROM chain_records r WHERE r.store_id = b.store_id AND r.till_id = b.till_id AND r.chain = b.chain
                AND r.epoch = b.epoch AND r.seq BETWEEN b.seq AND (b.details ->> 'to')::int8)::int8 AS found
       FROM chain_breaks b WHERE b.store_id = $1 AND b.code = 'gap' ORDER BY b.till_id, b.chain, b.epoch, b.seq LIMIT $2`,
    [storeId, MAX_LISTED],
  );
  const lost = await db.query<{
    till_id: string;
    chain: string;
    epoch: number;
    doc_id: string | null;
    created_at: string | Date;
    previous: unknown;
  }>(
    `SELECT till_id, chain, epoch, doc_id, created_at, details -> 'previousHead' AS previous
       FROM chain_breaks WHERE store_id = $1 AND code = 'lost-journal' ORDER BY till_id, chain, epoch LIMIT $2`,
    [storeId, MAX_LISTED],
  );
  const invalid = await db.query<{ till_id: string; n: number }>(
    `SELECT till_id, count(*)::int8 AS n FROM chain_records WHERE store_id = $1 AND status = 'invalid_sale' GROUP BY till_id`,
    [storeId],
  );
  const key = (r: { till_id: string; chain: string }) => `${r.till_id}\u0000${r.chain}`;
  const headOf = new Map(heads.map((h) => [key(h), h]));
  const pendingOf = new Map(pending.map((p) => [key(p), p]));
  const countOf = new Map(counts.map((c) => [key(c), c.n]));
  return {
    storeId,
    verifiedThrough: checkpoint?.seq ?? 0,
    feedSeq: checkpoint?.feed_seq ?? 0,
    tills: tills.map(({ till_id: tillId }) => ({
      tillId,
      invalidSales: invalid.find((i) => i.till_id === tillId)?.n ?? 0,
      chains: FISCAL_CHAINS.map((chain): ChainReport => {
        const head = headOf.get(key({ till_id: tillId, chain }));
        const waiting = pendingOf.get(key({ till_id: tillId, chain }));
        const mine = (r: { till_id: string; chain: string }) => r.till_id === tillId && r.chain === chain;
        return {
          chain,
          journal: head?.epoch ?? 1,
          verifiedSeq: head?.seq ?? 0,
          verifiedHash: head?.hash ?? GENESIS_HASH,
          updatedAt: iso(head?.updated_at),
          pending: { records: waiting?.n ?? 0, lowestSeq: waiting?.lowest ?? null, since: iso(waiting?.since) },
          breaks: countOf.get(key({ till_id: tillId, chain })) ?? 0,
          gaps: gaps.filter(mine).map((g) => ({ journal: g.epoch, from: g.seq, to: g.last, open: g.found < g.last - g.seq + 1 })),
          lostJournals: lost
            .filter(mine)
            .map((l) => ({ journal: l.epoch, docId: l.doc_id, foundAt: iso(l.created_at)!, previousHead: l.previous })),
        };
      }),
    })),
  };
}

export type BreakReport = {
  readonly tillId: string;
  readonly chain: string;
  readonly journal: number;
  readonly seq: number;
  readonly collection: string | null;
  readonly docId: string | null;
  readonly code: string;
  readonly problem: string;
  readonly details: unknown;
  readonly foundAt: string;
  /** The exact sealed record as stored (null for a gap, which has none). */
  readonly record: unknown;
};

export type BreakQuery = { readonly tillId?: string; readonly chain?: string; readonly code?: string; readonly limit?: number };

/** The store's breaks, newest first, each with the record it names. */
export async function storeBreaks(db: Queryable, storeId: string, query: BreakQuery): Promise<BreakReport[]> {
  await requireStore(db, storeId);
  const rows = await db.query<{
    till_id: string;
    chain: string;
    epoch: number;
    seq: number;
    collection: string | null;
    doc_id: string | null;
    code: string;
    problem: string;
    details: unknown;
    created_at: string | Date;
    record: unknown;
  }>(
    `SELECT b.till_id, b.chain, b.epoch, b.seq, b.collection, b.doc_id, b.code, b.problem, b.details, b.created_at, d.doc -> 'record' AS record
       FROM chain_breaks b
       LEFT JOIN store_docs d ON d.store_id = b.store_id AND d.collection = b.collection AND d.id = b.doc_id
      WHERE b.store_id = $1 AND ($2::text IS NULL OR b.till_id = $2) AND ($3::text IS NULL OR b.chain = $3) AND ($4::text IS NULL OR b.code = $4)
      ORDER BY b.created_at DESC, b.till_id, b.chain, b.epoch, b.seq, b.code
      LIMIT $5`,
    [storeId, query.tillId ?? null, query.chain ?? null, query.code ?? null, Math.min(query.limit ?? 50, MAX_BREAKS)],
  );
  return rows.map((r) => ({
    tillId: r.till_id,
    chain: r.chain,
    journal: r.epoch,
    seq: r.seq,
    collection: r.collection,
    docId: r.doc_id,
    code: r.code,
    problem: r.problem,
    details: r.details,
    foundAt: iso(r.created_at)!,
    record: r.record ?? null,
  }));
}
