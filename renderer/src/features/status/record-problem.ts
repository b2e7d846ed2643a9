import { isFiscalChain, receiptNumber, type RecordProblem } from '@pos/core';
import type { Message } from '../../state/app-store';

/** Problem codes the host's journal check gives (core verify-chain's ChainProblemCode). */
const KNOWN_CODES = new Set(['shape', 'schema', 'sequence', 'link', 'hash', 'key', 'signature', 'rotation']);

/** Which record, in a manager's words: the receipt number of a sale, the number of an event or a duplicate. */
function recordOf(problem: RecordProblem, tillId: string): Message {
  if (!isFiscalChain(problem.chain)) return { key: 'fiscal.record.other', values: { chain: problem.chain, seq: problem.seq } };
  if (problem.seq < 1) return { key: `fiscal.record.unnumbered.${problem.chain}` };
  if (problem.chain === 'sale') return { key: 'fiscal.record.sale', values: { number: receiptNumber(tillId, problem.seq) } };
  return { key: `fiscal.record.${problem.chain}`, values: { seq: problem.seq } };
}

/** One damaged record: where it is and what is wrong with it, each part a translation; the host's words apart. */
export function describeRecordProblem(problem: RecordProblem, tillId: string): { record: Message; what: Message; words: string } {
  return {
    record: recordOf(problem, tillId),
    what: { key: `fiscal.problems.${KNOWN_CODES.has(problem.code) ? problem.code : 'unknown'}` },
    words: problem.problem,
  };
}
