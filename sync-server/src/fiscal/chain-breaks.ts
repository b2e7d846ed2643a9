import type { ChainProblemCode } from '@pos/core';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';
import { writeStep, type StepWrite } from './step-writes';

/**
 * Stable codes of what the hub's verifier finds (the back office translates them): core's
 * record problems, and those only a hub that receives whole chains can see.
 * - `document`: the stored document's id, store, till, sequence or chain differ from its sealed record's;
 * - `other-till`: a record of another till or store, pushed by this till (a replay);
 * - `fork`: a second record with a sequence number already placed;
 * - `gap`: records missing, still missing after the grace period (the chain goes on after them);
 * - `lost-journal`: the chain restarted at 1 (a second genesis: the till lost its journal);
 * - `dropped-tail`: a chain that never reaches a head its till anchored, that reaches it with
 *   another record, or a later start anchoring a lower head than an earlier one;
 * - `unreadable`: a stored record the verifier could not read at all.
 */
export type BreakCode = ChainProblemCode | 'document' | 'other-till' | 'fork' | 'gap' | 'lost-journal' | 'dropped-tail' | 'unreadable';

/** One problem, naming the record: till, chain, journal (`epoch`), sequence, and the stored document when there is one. */
export type FoundBreak = {
  readonly tillId: string;
  readonly chain: string;
  readonly epoch: number;
  readonly seq: number;
  readonly collection: string | null;
  readonly docId: string | null;
  readonly code: BreakCode;
  readonly problem: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

const MAX_PROBLEM = 500;

/** Keyed by content: a step run again (another hub instance, a retry) records each break once. */
export async function recordBreaks(tx: Queryable, storeId: string, breaks: readonly FoundBreak[]): Promise<void> {
  await writeStep(tx, storeId, [breaksWrite(breaks)]);
}

/** recordBreaks as one write of a verification step. */
export function breaksWrite(breaks: readonly FoundBreak[]): StepWrite | null {
  if (breaks.length === 0) return null;
  const rows = breaks.map((b) => {
    const problem = b.problem.slice(0, MAX_PROBLEM);
    return {
      break_id: sha256Hex([b.tillId, b.chain, b.epoch, b.seq, b.collection, b.docId, b.code, problem].join('\n')),
      till_id: b.tillId,
      chain: b.chain.slice(0, 16),
      epoch: b.epoch,
      seq: b.seq,
      collection: b.collection,
      doc_id: b.docId,
      code: b.code,
      problem,
      details: b.details ?? {},
    };
  });
  return {
    sql: (json) => `INSERT INTO chain_breaks (store_id, break_id, till_id, chain, epoch, seq, collection, doc_id, code, problem, details)
     SELECT $1, r.break_id, r.till_id, r.chain, r.epoch, r.seq, r.collection, r.doc_id, r.code, r.problem, r.details
       FROM jsonb_to_recordset(${json}) AS r(break_id text, till_id text, chain text, epoch int, seq int8, collection text, doc_id text,
                                                code text, problem text, details jsonb)
     ON CONFLICT (store_id, break_id) DO NOTHING`,
    rows,
  };
}
