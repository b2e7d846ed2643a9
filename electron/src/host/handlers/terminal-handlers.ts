import { PosError } from '@pos/core';
import type { CardPaymentRequest } from '@pos/hardware/common';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, oneOf, record, text } from './request-guards';
import { isUnsettled, stateOf } from '../terminal/payment-journal';

/** A card attempt: its idempotency key, the amount in minor units, the store's currency. */
function parseAttempt(what: string) {
  return (raw: unknown) => {
    const req = record(raw, what);
    return {
      attemptKey: text(req, 'attemptKey', { max: 64, pattern: ID_PATTERN }),
      amount: integer(req, 'amount', 1, 100_000_000),
      currency: text(req, 'currency', { max: 3, pattern: /^[A-Z]{3}$/ }),
    };
  };
}

export function terminalHandlers(ctx: HostContext): HandlerGroup {
  const send = (operation: 'pay' | 'refund') => async (request: CardPaymentRequest) => {
    ctx.session.require();
    if (request.currency !== ctx.profile.currency) throw new PosError('INVALID_REQUEST', `The terminal takes ${ctx.profile.currency} only`);
    return ctx.terminal[operation](request);
  };
  return {
    'terminal.pay': { parse: parseAttempt('terminal.pay request'), run: send('pay') },
    'terminal.refund': { parse: parseAttempt('terminal.refund request'), run: send('refund') },
    'terminal.reconcile': {
      parse: (raw) => {
        const req = record(raw, 'terminal.reconcile request');
        return {
          attemptKey: text(req, 'attemptKey', { max: 64, pattern: ID_PATTERN }),
          outcome: oneOf(req, 'outcome', ['approved', 'declined'] as const),
        };
      },
      run: async ({ attemptKey, outcome }) => {
        const staff = ctx.session.require();
        const attempt = ctx.terminal.journal.get(attemptKey);
        if (!attempt) throw new PosError('NOT_FOUND', `No card attempt ${attemptKey} on this till`);
        // Only an outcome nobody knows may be settled by a person; a known one stays what the terminal said.
        if (!isUnsettled(attempt)) throw new PosError('INVALID_REQUEST', `Attempt ${attemptKey} is already ${stateOf(attempt)}`);
        await ctx.terminal.journal.reconcile(attemptKey, outcome, { staffId: staff.id });
        return {
          attemptKey,
          amount: attempt.amount,
          status: outcome,
          message: `Settled by ${staff.displayName} from the terminal's receipt`,
        };
      },
    },
    'terminal.status': {
      parse: (raw) => ({ attemptKey: text(record(raw, 'terminal.status request'), 'attemptKey', { max: 64, pattern: ID_PATTERN }) }),
      run: async ({ attemptKey }) => {
        ctx.session.require();
        return ctx.terminal.status(attemptKey);
      },
    },
  };
}
