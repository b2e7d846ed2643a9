import { check } from '../validation/shape';
import { countProblem, countTotal } from './cash-count';
import type { CashCountPayload, CashSessionClosePayload, CashSessionOpenPayload, CountedCash } from './cash-session-payloads';
import { CASH_SESSION_PAYLOAD_SHAPE } from './cash-session-shapes';

function countedProblems(counted: CountedCash, currency: string, path: string): string[] {
  const problem = countProblem(counted.count, currency);
  if (problem) return [`${path}.count is refused: ${problem.code}`];
  return countTotal(counted.count, currency) === counted.total ? [] : [`${path}.total is not the total of its count`];
}

/** Whether any tender's variance is beyond the limit (either way). */
export function needsApproval(tenders: readonly { readonly variance: number }[], varianceLimit: number): boolean {
  return tenders.some((t) => Math.abs(t.variance) > varianceLimit);
}

function countProblems(count: CashCountPayload): string[] {
  const methods = count.tenders.map((t) => t.method);
  const problems = countedProblems(count.cash, count.currency, 'payload.cash');
  if (methods.some((m, i) => m === 'cash' || (i > 0 && (methods[i - 1] ?? '') >= m))) {
    problems.push('payload.tenders must be sorted by method, each once, cash apart');
  }
  return problems;
}

function closeProblems(close: CashSessionClosePayload): string[] {
  const problems: string[] = [];
  const methods = close.tenders.map((t) => t.method);
  if (methods.some((m, i) => i > 0 && (methods[i - 1] ?? '') >= m)) problems.push('payload.tenders must be sorted by method, each once');
  close.tenders.forEach((t, i) => {
    const path = `payload.tenders[${i}]`;
    if (t.variance !== t.counted - t.expected) problems.push(`${path}.variance must be counted − expected`);
    if (t.method !== 'cash' && t.count !== undefined) problems.push(`${path}.count is only for cash`);
    if (t.method === 'cash') {
      if (t.count === undefined) problems.push(`${path}.count is missing`);
      else problems.push(...countedProblems({ count: t.count, total: t.counted }, close.currency, path));
    }
  });
  if (!methods.includes('cash')) problems.push('payload.tenders must include cash');
  if (needsApproval(close.tenders, close.varianceLimit) && close.approval === undefined) {
    problems.push('payload.approval is missing for a variance above the limit');
  }
  if (close.approval !== undefined && close.approval.reason.trim() === '') problems.push('payload.approval.reason must not be blank');
  return problems;
}

/**
 * Every problem of a cash-session payload: its shape first, then its figures (a count's total,
 * the variances, the approval a variance above the limit needs). Empty when it is sound. For the
 * host before it seals, and for a verifier or the hub reading sealed records.
 */
export function cashPayloadProblems(value: unknown): string[] {
  const shaped = check(CASH_SESSION_PAYLOAD_SHAPE, value, 'payload');
  if (shaped.length > 0) return shaped;
  const payload = value as
    CashSessionOpenPayload | CashSessionClosePayload | CashCountPayload | { readonly type: 'cash.movement'; readonly reason: string };
  switch (payload.type) {
    case 'cash.session.open':
      return countedProblems(payload.float, payload.currency, 'payload.float');
    case 'cash.movement':
      return payload.reason.trim() === '' ? ['payload.reason must not be blank'] : [];
    case 'cash.count':
      return countProblems(payload);
    case 'cash.session.close':
      return closeProblems(payload);
  }
}
