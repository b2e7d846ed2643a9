import { PosError, problem, type RefundRequest, type SealedRecord } from '@pos/core';
import type { CardPaymentRequest } from '@pos/hardware/common';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, oneOf, record, text } from './request-guards';
import { isUnsettled, stateOf } from '../terminal/payment-journal';
import { approvalProblems, sealCheckContext } from '../fiscal/seal-checks';
import { sealRefused } from './fiscal-handlers';

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

function parseRefund(raw: unknown): RefundRequest {
  const attempt = parseAttempt('terminal.refund request')(raw);
  const req = record(raw, 'terminal.refund request');
  return {
    ...attempt,
    saleId: text(req, 'saleId', { max: 64, pattern: ID_PATTERN }),
    ...(req.approvalId !== undefined ? { approvalId: text(req, 'approvalId', { max: 64, pattern: ID_PATTERN }) } : {}),
  };
}

export function terminalHandlers(ctx: HostContext): HandlerGroup {
  const checkCurrency = (currency: string) => {
    if (currency !== ctx.profile.currency) throw new PosError('INVALID_REQUEST', `The terminal takes ${ctx.profile.currency} only`);
  };
  const pay = async (request: CardPaymentRequest) => {
    ctx.session.require();
    checkCurrency(request.currency);
    return ctx.terminal.pay(request);
  };

  /**
   * Money leaving the store: only against a sale of this till paid by card, never more than its
   * card payments less what was already refunded, by someone allowed to refund (or with an
   * approval of exactly this refund), and sealed before the terminal is asked.
   */
  const sealRefundRequest = (request: RefundRequest) =>
    ctx.sealGate.run(async () => {
      const staff = ctx.session.require();
      checkCurrency(request.currency);
      if (ctx.index.refundRequestOf(request.attemptKey)) return; // a retry after a lost reply: already sealed
      const original = await ctx.journal.get(request.saleId);
      if (!original || original.chain !== 'sale') throw new PosError('NOT_FOUND', `No sealed sale ${request.saleId} on this till`);
      const paidByCard = (original as SealedRecord<'sale'>).payload.tenders.reduce(
        (acc, t) => acc + (t.method === 'card' && t.status === 'approved' ? t.amount : 0),
        0,
      );
      const refundable = paidByCard - ctx.index.refundedOf(request.saleId);
      if (request.amount > refundable) {
        throw sealRefused([problem('payment', `only ${refundable} of sale ${request.saleId} may still be refunded by card`)]);
      }
      const subject = { saleId: request.saleId, amount: request.amount };
      let approval: { approvalId: string; approvedBy: string };
      if (request.approvalId) {
        // The request names the approval only; who gave it is the book's word.
        const ref = { approvalId: request.approvalId, approvedBy: ctx.approvals.get(request.approvalId)?.approvedBy ?? '' };
        const problems = approvalProblems(
          ref,
          { what: 'refund', actions: ['sale.refund'], subject },
          sealCheckContext(ctx, staff),
          new Set(),
        );
        if (problems.length > 0) throw sealRefused(problems);
        approval = ref;
      } else if (ctx.staff.can(staff.role, 'sale.refund')) {
        const issued = await ctx.approvals.issue({ action: 'sale.refund', approvedBy: staff.id, requestedBy: staff.id, subject });
        approval = { approvalId: issued.approvalId, approvedBy: staff.id };
      } else {
        throw new PosError('FORBIDDEN', `${staff.displayName} may not refund alone: an approver's PIN is needed`, { needsApprover: true });
      }
      await ctx.sealer.seal({
        chain: 'event',
        id: `refund-${request.attemptKey}`,
        payload: {
          type: 'refund.request',
          attemptKey: request.attemptKey,
          saleId: request.saleId,
          amount: request.amount,
          currency: request.currency,
          staffId: staff.id,
          ...approval,
        },
      });
    });

  return {
    'terminal.pay': { parse: parseAttempt('terminal.pay request'), run: pay },
    'terminal.refund': {
      parse: parseRefund,
      run: async (request) => {
        await sealRefundRequest(request);
        const result = await ctx.terminal.refund({ attemptKey: request.attemptKey, amount: request.amount, currency: request.currency });
        await ctx.sealer.seal({
          chain: 'event',
          id: `refund-result-${request.attemptKey}-${result.status}`,
          payload: { type: 'refund.result', attemptKey: request.attemptKey, status: result.status, amount: result.amount },
        });
        return result;
      },
    },
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
        // The terminal is still working on it: it may yet charge the card, whatever a person reads now.
        if (ctx.terminal.inProgress(attemptKey))
          throw new PosError(
            'TERMINAL_BUSY',
            `The terminal is still working on attempt ${attemptKey}: wait for its answer or its time-out`,
          );
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
