import type { CardResult } from '@pos/core';
import type { CardPaymentRequest } from '../../common/card-terminal';
import { declinedOutcome, unknownOutcome } from '../../common/terminal/card-outcome';

/** What one exchange with a terminal ended with, and whether the request had left the till. */
export type ExchangeOutcome = { readonly result: CardResult; readonly sent: boolean };

/**
 * The driver's memory of attempts, by idempotency key: one payment at a time, a key is sent to the
 * terminal at most once (a repeat gets the first answer, even "unknown"), and late answers update
 * what a status enquiry returns. Attempts refused before sending are forgotten: resending is safe.
 */
export class AttemptBook {
  private readonly known = new Map<string, CardResult>();
  private inFlight: { readonly key: string; readonly answer: Promise<CardResult> } | null = null;

  constructor(private readonly terminal: string) {}

  get busy(): boolean {
    return this.inFlight !== null;
  }

  run(request: CardPaymentRequest, exchange: () => Promise<ExchangeOutcome>): Promise<CardResult> {
    const known = this.known.get(request.attemptKey);
    if (known) return Promise.resolve(known);
    if (this.inFlight?.key === request.attemptKey) return this.inFlight.answer;
    if (this.inFlight) {
      return Promise.resolve(
        declinedOutcome(request, this.terminal, 'The terminal is busy with another payment: nothing was charged.', 'busy'),
      );
    }
    const answer = exchange().then(({ result, sent }) => {
      if (sent) this.known.set(request.attemptKey, result);
      this.inFlight = null;
      return result;
    });
    this.inFlight = { key: request.attemptKey, answer };
    return answer;
  }

  /** A late or repeated answer. An approval is never replaced by anything less. */
  recordLate(result: CardResult): void {
    const known = this.known.get(result.attemptKey);
    if (known?.status === 'approved' && result.status !== 'approved') return;
    this.known.set(result.attemptKey, result);
  }

  status(attemptKey: string): CardResult {
    const known = this.known.get(attemptKey);
    if (known && known.status !== 'unknown') return known;
    const amount = known?.amount ?? 0;
    const reason =
      this.inFlight?.key === attemptKey
        ? 'The payment is still in progress on the terminal'
        : known
          ? 'The terminal never answered this payment'
          : 'This driver has no record of this payment';
    return unknownOutcome({ attemptKey, amount }, this.terminal, reason);
  }
}
