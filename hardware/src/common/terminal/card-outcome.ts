import type { CardFailure, CardResult } from '@pos/core';

/** What every terminal answer is about: the attempt and the amount asked for. */
export type AttemptRef = { readonly attemptKey: string; readonly amount: number };

/** Appended to every "unknown": the cashier must settle it before taking another payment. */
export const MAY_HAVE_BEEN_CHARGED =
  "the customer may have been charged: check the terminal's journal or its last receipt before trying again";

/** `failure`: the code the till translates (the reason is English, for logs and support). */
export function unknownOutcome(ref: AttemptRef, terminal: string, reason: string, failure: CardFailure = 'terminal-error'): CardResult {
  return {
    attemptKey: ref.attemptKey,
    status: 'unknown',
    amount: ref.amount,
    message: `${reason}: ${MAY_HAVE_BEEN_CHARGED}.`,
    terminal,
    failure,
  };
}

/** Only for outcomes where the terminal said no, or never received the request: nothing was charged. */
export function declinedOutcome(ref: AttemptRef, terminal: string, message: string, failure: CardFailure = 'refused'): CardResult {
  return { attemptKey: ref.attemptKey, status: 'declined', amount: ref.amount, message, terminal, failure };
}
