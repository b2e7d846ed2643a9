import { FISCAL_CHAINS, type ChainHeads, type RecordProblem } from '@pos/core';

/**
 * Each start of the host seals, in `till.start`, where every chain stood. A journal whose chain is
 * now shorter than the last start saw it, or whose record at that sequence is another one, lost
 * its tail (a file cut, a backup restored over it): the records are gone, the anchor says which.
 */
export function anchorProblems(anchor: ChainHeads | null, heads: ChainHeads): RecordProblem[] {
  if (!anchor) return [];
  const problems: RecordProblem[] = [];
  for (const chain of FISCAL_CHAINS) {
    const anchored = anchor[chain];
    if (!anchored) continue;
    const head = heads[chain];
    const seq = head?.seq ?? 0;
    if (seq < anchored.seq) {
      problems.push({
        chain,
        seq: seq + 1,
        id: '',
        code: 'missing',
        problem: `records ${seq + 1} to ${anchored.seq} of the ${chain} chain are missing: the last start of the till saw them`,
      });
    }
  }
  return problems;
}
