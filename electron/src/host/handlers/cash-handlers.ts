import type { ApprovalRef, CashCount } from '@pos/core';
import type { CashDesk } from '../cash/cash-desk';
import type { FiscalClosings } from '../cash/fiscal-closings';
import { noRequest, type HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, invalid, oneOf, record, text } from './request-guards';

const MAX_AMOUNT = 1_000_000_000;

/** A count as sent: an object, checked entry by entry by core (countProblem) before anything is sealed. */
function countOf(raw: unknown, what: string): CashCount {
  return record(raw, what) as CashCount;
}

function approvalOf(raw: unknown): ApprovalRef {
  const approval = record(raw, 'approval');
  return {
    approvalId: text(approval, 'approvalId', { max: 64, pattern: ID_PATTERN }),
    approvedBy: text(approval, 'approvedBy', { max: 64, pattern: ID_PATTERN }),
  };
}

function tendersOf(raw: unknown): Readonly<Record<string, number>> | undefined {
  if (raw === undefined) return undefined;
  const tenders = record(raw, 'tenders');
  if (Object.keys(tenders).length > 16) throw invalid('tenders: at most 16');
  return tenders as Readonly<Record<string, number>>;
}

/** Cash sessions (open, movements, X, blind count, close with its Z) and fiscal closings: issue 12. */
export function cashHandlers(desk: CashDesk, closings: FiscalClosings): HandlerGroup {
  return {
    'cash.state': { parse: noRequest, run: async () => desk.view() },
    'cash.open': {
      parse: (raw) => ({ count: countOf(record(raw, 'cash.open request').count, 'count') }),
      run: ({ count }) => desk.open(count),
    },
    'cash.move': {
      parse: (raw) => {
        const req = record(raw, 'cash.move request');
        return {
          kind: oneOf(req, 'kind', ['pay-in', 'pay-out', 'safe-drop'] as const),
          amount: integer(req, 'amount', 1, MAX_AMOUNT),
          reason: text(req, 'reason', { max: 200 }),
          ...(req.approval !== undefined ? { approval: approvalOf(req.approval) } : {}),
          ...(req.movementId !== undefined ? { movementId: text(req, 'movementId', { max: 48, pattern: ID_PATTERN }) } : {}),
        };
      },
      run: (request) => desk.move(request),
    },
    'cash.x': { parse: noRequest, run: async () => desk.x() },
    'cash.printX': { parse: noRequest, run: () => desk.printX() },
    'cash.count': {
      parse: (raw) => {
        const req = record(raw, 'cash.count request');
        const tenders = tendersOf(req.tenders);
        return { cash: countOf(req.cash, 'cash'), ...(tenders ? { tenders } : {}) };
      },
      run: (request) => desk.count(request),
    },
    'cash.close': {
      parse: (raw) => {
        const req = record(raw ?? {}, 'cash.close request');
        if (req.approval === undefined) return {};
        const approval = record(req.approval, 'approval');
        const reason = text(approval, 'reason', { max: 200 }).trim();
        if (reason === '') throw invalid('approval.reason must not be blank');
        return { approval: { managerPin: text(approval, 'managerPin', { max: 32 }), reason } };
      },
      run: ({ approval }) => desk.close(approval),
    },
    'closing.print': {
      parse: (raw) => ({ seq: integer(record(raw, 'closing.print request'), 'seq', 1, Number.MAX_SAFE_INTEGER) }),
      run: ({ seq }) => desk.printZ(seq),
    },
    'closing.pdf': {
      parse: (raw) => ({ seq: integer(record(raw, 'closing.pdf request'), 'seq', 1, Number.MAX_SAFE_INTEGER) }),
      run: ({ seq }) => desk.pdf(seq),
    },
    'closing.run': {
      parse: (raw) => {
        const req = record(raw, 'closing.run request');
        return { kind: oneOf(req, 'kind', ['day', 'month', 'year'] as const), period: text(req, 'period', { max: 10 }) };
      },
      run: ({ kind, period }) => {
        desk.requireReport('run a fiscal closing');
        return closings.run(kind, period);
      },
    },
    'closing.list': {
      parse: (raw) => ({ limit: integer(record(raw, 'closing.list request'), 'limit', 1, 500) }),
      run: async ({ limit }) => {
        desk.requireReport('list the closings');
        return closings.list(limit);
      },
    },
  };
}
