import { isFiscalChain, receiptNumber, type RecordProblem } from '@pos/core';
import type { Message } from '../../state/app-store';

/** Problem codes the host's journal check gives: core verify-chain's ChainProblemCode, and the journal's own (files, lines, anchors). */
const KNOWN_CODES = new Set([
  'shape',
  'schema',
  'sequence',
  'link',
  'hash',
  'key',
  'signature',
  'rotation',
  'unparseable',
  'duplicate-id',
  'segment',
  'missing',
  'unreadable',
  'repair',
  'write-failed',
]);

/** Which record, in a manager's words: the receipt number of a sale, the number of an event or a duplicate. */
function recordOf(problem: RecordProblem, tillId: string): Message {
  // A problem of a journal file (a line that cannot be read, a file missing) names the file, not a record.
  if (problem.chain === '') return { key: 'fiscal.record.file', values: { file: problem.id } };
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
