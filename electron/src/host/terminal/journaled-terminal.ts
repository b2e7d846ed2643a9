import { PosError, type CardResult } from '@pos/core';
import type { CardPaymentRequest, CardTerminal } from '@pos/hardware/common';
import type { PaymentJournal } from './payment-journal';

/**
 * Puts the payment journal in front of a terminal: an attempt key already sent is never sent
 * again — its known outcome is returned, or, if the outcome is unknown, the terminal is asked for
 * its status. A terminal that throws or goes silent gives "unknown", never "declined".
 */
export function journaledTerminal(terminal: CardTerminal, journal: PaymentJournal): CardTerminal {
  const unknown = (request: Pick<CardPaymentRequest, 'attemptKey' | 'amount'>, message: string): CardResult => ({
    attemptKey: request.attemptKey,
    amount: request.amount,
    status: 'unknown',
    message,
  });

  const status = async (attemptKey: string): Promise<CardResult> => {
    const attempt = journal.get(attemptKey);
    const result = await terminal.status(attemptKey).catch((error: unknown) => unknown({ attemptKey, amount: attempt?.amount ?? 0 }, String(error)));
    if (attempt && result.status !== 'unknown' && attempt.result?.status !== result.status) await journal.answered(attemptKey, result);
    return result;
  };

  const attempt = (send: (request: CardPaymentRequest) => Promise<CardResult>) => async (request: CardPaymentRequest): Promise<CardResult> => {
      const known = journal.get(request.attemptKey);
      if (known) {
        if (known.amount !== request.amount || known.currency !== request.currency) {
          throw new PosError('INVALID_REQUEST', `Attempt ${request.attemptKey} was for another amount: use a new attempt key`);
        }
        if (known.result && known.result.status !== 'unknown') return known.result;
        return status(request.attemptKey);
      }
      await journal.requested(request.attemptKey, request.amount, request.currency);
      const result = await send(request).catch((error: unknown) => unknown(request, `The terminal did not answer: ${String(error)}`));
      await journal.answered(request.attemptKey, result);
      return result;
  };

  return {
    label: terminal.label,
    pay: attempt((request) => terminal.pay(request)),
    refund: attempt((request) => terminal.refund(request)),
    status,
    async close() {
      await terminal.close();
      await journal.close();
    },
  };
}
