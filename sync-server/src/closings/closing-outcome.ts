import { figureDifferences, type FigureDifference } from '@pos/core/fiscal/archive/closing-figures';
import type { MissingRecords } from './chain-holes';
import type { NewClosingCheck } from './closing-inputs';

export type ClosingStatus = 'match' | 'difference' | 'pending' | 'unreadable';

/** What recomputing a closing found. */
export type ClosingOutcome = {
  readonly status: ClosingStatus;
  /** The closing payload as the hub's records give it (null when it could not be computed). */
  readonly recomputed: unknown;
  readonly differences: readonly FigureDifference[];
  readonly missing: readonly MissingRecords[];
  readonly problem: string | null;
};

/** A closing_checks row to recompute. */
export type ClosingRef = Omit<NewClosingCheck, 'sealed_at'>;

export const unreadable = (problem: string): ClosingOutcome => ({
  status: 'unreadable',
  recomputed: null,
  differences: [],
  missing: [],
  problem: problem.slice(0, 500),
});

export const message = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * The sealed closing against its recomputation: `match` when every figure agrees, otherwise
 * `pending` while records are missing (they may close the difference), `difference` once none is.
 */
export function outcome(
  sealed: unknown,
  recomputed: unknown,
  missing: readonly MissingRecords[],
  ignore: readonly string[] = [],
): ClosingOutcome {
  const differences = figureDifferences(sealed, recomputed, ignore);
  const status: ClosingStatus = differences.length === 0 ? 'match' : missing.length > 0 ? 'pending' : 'difference';
  return { status, recomputed, differences, missing: status === 'match' ? [] : missing, problem: null };
}
