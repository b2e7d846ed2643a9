import type { Queryable } from '../db/database';
import { sha256Hex } from '../auth/secrets';
import type { RefusedRow } from './document-checks';
import { digestDocument } from './document-digest';
import { recordIncidents } from './incidents';

/** Characters kept of a refused document's JSON text: enough to see what it was, never a copy of megabytes. */
export const QUARANTINE_EXCERPT_CHARS = 4096;

export type QuarantineLimits = {
  /** Refused documents kept per store (each at most an excerpt); past it, refusals are only counted. */
  readonly maxRowsPerStore: number;
};

/** 5,000 rows of at most 4,096 characters: some 20 MB per store at worst. */
export const DEFAULT_QUARANTINE_LIMITS: QuarantineLimits = { maxRowsPerStore: 5000 };

type Kept = {
  quarantine_id: string;
  doc_id: string | null;
  code: string;
  reason: string;
  excerpt: string;
  doc_sha256: string;
  doc_bytes: number;
};

/**
 * Refused documents are kept for head office, never dropped silently: the start of the document's
 * JSON text with the SHA-256 and size of all of it (a till, or whoever holds its token, can push
 * refused megabytes on every retry). The key comes from the content, so a till retrying the same
 * refused push is kept once. The row lives in the pushing till's store (the only store the request
 * may write), whatever store the document claims. Once the store holds `maxRowsPerStore` rows,
 * refusals are counted per collection and reason in `quarantine_overflow` instead, and head office
 * gets a `quarantine_full` incident (one a day); the till gets its error for each document either
 * way. Concurrent pushes may pass the quota by a batch at most.
 */
export async function quarantineRows(
  q: Queryable,
  storeId: string,
  tillId: string,
  collection: string,
  refused: readonly RefusedRow[],
  limits: QuarantineLimits = DEFAULT_QUARANTINE_LIMITS,
): Promise<void> {
  if (refused.length === 0) return;
  const [used] = await q.query<{ n: number }>('SELECT count(*)::int8 AS n FROM quarantine WHERE store_id = $1', [storeId]);
  const room = Math.max(0, limits.maxRowsPerStore - (used?.n ?? 0));
  const kept: Kept[] = refused.slice(0, room).map((r) => {
    const digest = digestDocument(r.document ?? null, QUARANTINE_EXCERPT_CHARS);
    return {
      quarantine_id: sha256Hex(`${collection}\n${r.reason}\n${digest.sha256}`),
      doc_id: r.id || null,
      code: r.code,
      reason: r.reason,
      excerpt: digest.excerpt,
      doc_sha256: digest.sha256,
      doc_bytes: digest.bytes,
    };
  });
  if (kept.length > 0) {
    await q.query(
      `INSERT INTO quarantine (store_id, quarantine_id, collection, doc_id, till_id, code, reason, excerpt, doc_sha256, doc_bytes)
       SELECT $1, r.quarantine_id, $2, r.doc_id, $3, r.code, r.reason, r.excerpt, r.doc_sha256, r.doc_bytes
         FROM jsonb_to_recordset($4::jsonb) AS r(quarantine_id text, doc_id text, code text, reason text, excerpt text, doc_sha256 text, doc_bytes int4)
       ON CONFLICT (store_id, quarantine_id) DO NOTHING`,
      [storeId, collection, tillId, JSON.stringify(kept)],
    );
  }
  const overflow = refused.slice(room);
  if (overflow.length > 0) await countOverflow(q, storeId, tillId, collection, overflow, limits);
}

async function countOverflow(
  q: Queryable,
  storeId: string,
  tillId: string,
  collection: string,
  overflow: readonly RefusedRow[],
  limits: QuarantineLimits,
): Promise<void> {
  const byCode = new Map<string, number>();
  for (const r of overflow) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
  await q.query(
    `INSERT INTO quarantine_overflow AS o (store_id, collection, code, refusals)
     SELECT $1, $2, r.code, r.refusals FROM jsonb_to_recordset($3::jsonb) AS r(code text, refusals int8)
     ON CONFLICT (store_id, collection, code) DO UPDATE SET refusals = o.refusals + excluded.refusals, last_at = now()`,
    [storeId, collection, JSON.stringify([...byCode].map(([code, refusals]) => ({ code, refusals })))],
  );
  const day = new Date().toISOString().slice(0, 10);
  await recordIncidents(q, storeId, tillId, collection, [
    {
      kind: 'quarantine_full',
      docId: '',
      details: {
        day,
        maxRowsPerStore: limits.maxRowsPerStore,
        message: `The quarantine of store ${storeId} holds its ${limits.maxRowsPerStore} refused documents: further refusals are counted per reason in quarantine_overflow, without their content`,
      },
    },
  ]);
}
