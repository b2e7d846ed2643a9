import type { CashSessionError, CountProblemCode } from '@pos/core';
import type { Message } from '../../state/app-store';
import { errorMessage } from '../../state/error-notice';

/** Why the host refuses a step of a cash session (core's codes): each a sentence of `cash.errors`. */
export const CASH_REFUSALS = [
  'session-not-open',
  'session-already-open',
  'session-too-long',
  'session-closing',
  'closing-not-started',
  'variance-needs-approval',
  'count-invalid',
  'movement-invalid',
  'movement-duplicate',
  'movement-approval',
] as const satisfies readonly CashSessionError[];

/** Why a count is refused (core's codes): each a sentence of `cash.errors`. */
export const COUNT_REFUSALS = [
  'count-not-object',
  'count-currency-unknown',
  'count-denomination-unknown',
  'count-quantity-invalid',
  'count-too-large',
] as const satisfies readonly CountProblemCode[];

const CODES: readonly string[] = [...CASH_REFUSALS, ...COUNT_REFUSALS];

/** The host puts a cash step's code in `details.cash`, a count's problem in `details.problem`. */
type Details = {
  readonly cash?: unknown;
  readonly reason?: unknown;
  readonly code?: unknown;
  readonly problem?: { readonly code?: unknown };
};

function detailsOf(error: unknown): Details {
  const details = (error as { details?: unknown } | null)?.details;
  return typeof details === 'object' && details !== null ? (details as Details) : {};
}

/**
 * A cash refusal in the screen's language: the count's own problem first (which note, which
 * quantity), then the session step's code, then what every screen says for the host's code.
 */
export function cashErrorMessage(error: unknown): Message {
  const details = detailsOf(error);
  const code = [details.problem?.code, details.cash, details.reason, details.code].find(
    (c): c is string => typeof c === 'string' && CODES.includes(c),
  );
  return code ? { key: `cash.errors.${code}` } : errorMessage(error);
}
