import { recordShapeProblems, type SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';
import type { ClosingRef } from './closing-outcome';

/** A stored closing record checked against its published shape (a record fed otherwise than by the verifier may be anything): the record, or what is wrong. */
export function closingRecordOf(stored: unknown): SealedRecord<'closing'> | string {
  const { record, problems } = recordShapeProblems(stored);
  if (!record || problems.length > 0 || record.chain !== 'closing') {
    return `the closing record is off its shape: ${problems.map((p) => p.problem).join('; ') || 'not a closing'}`.slice(0, 500);
  }
  return record as SealedRecord<'closing'>;
}

/** The sealed closing record of a closing_checks row, checked against its shape. */
export async function sealedClosing(tx: Queryable, storeId: string, docId: string): Promise<SealedRecord<'closing'> | string> {
  const [row] = await tx.query<{ record: unknown }>(
    "SELECT doc -> 'record' AS record FROM store_docs WHERE store_id = $1 AND collection = 'till_records' AND id = $2",
    [storeId, docId],
  );
  if (!row) return 'the closing record is not stored at the hub';
  return closingRecordOf(row.record);
}

/** The till's closing of the same kind just before this one on the closing chain, and whether every record of the chain before this one is held. */
export async function previousClosing(
  tx: Queryable,
  storeId: string,
  ref: ClosingRef,
): Promise<{ readonly payload: unknown; readonly complete: boolean; readonly held: number }> {
  const [prev] = await tx.query<{ payload: unknown }>(
    `SELECT d.doc -> 'record' -> 'payload' AS payload
       FROM closing_checks c JOIN store_docs d ON d.store_id = c.store_id AND d.collection = 'till_records' AND d.id = c.doc_id
      WHERE c.store_id = $1 AND c.till_id = $2 AND c.epoch = $3 AND c.kind = $4 AND c.seq < $5
      ORDER BY c.seq DESC LIMIT 1`,
    [storeId, ref.till_id, ref.epoch, ref.kind, ref.seq],
  );
  const [held] = await tx.query<{ n: number }>(
    `SELECT count(*)::int8 AS n FROM chain_records WHERE store_id = $1 AND till_id = $2 AND chain = 'closing' AND epoch = $3 AND seq < $4`,
    [storeId, ref.till_id, ref.epoch, ref.seq],
  );
  const n = Number(held?.n ?? 0);
  return { payload: prev?.payload ?? null, complete: n === ref.seq - 1, held: n };
}
