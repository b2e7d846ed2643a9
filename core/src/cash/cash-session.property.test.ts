import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docsArb } from '../closing/test-support/closing-docs';
import type { Tender } from '../payment/tender';
import type { CashCount } from './cash-count';
import { closeSession, openSession, recordMovement, startClosing, type CashStep, type MovementInput } from './cash-session';
import type { CashMovementPayload } from './cash-session-payloads';
import { NO_CASH_SESSION, type CashSessionState } from './cash-session-state';
import { denominationsOf } from './denominations';
import { xReport } from './session-report';
import { countOf } from './test-support/count-of';
import { cashPayloadProblems } from './cash-payload-problems';

const PARIS = { timeZone: 'Europe/Paris', dayStartHour: 4 };
const OPENED_AT = '2026-12-06T07:30:00.000Z';
const NOW = '2026-12-06T18:00:00.000Z';
const EUR = denominationsOf('EUR');

const floatArb: fc.Arbitrary<CashCount> = fc
  .array(fc.integer({ min: 0, max: 20 }), { minLength: EUR.length, maxLength: EUR.length })
  .map((quantities) => Object.fromEntries(EUR.map((d, i) => [String(d.value), quantities[i] ?? 0]).filter(([, q]) => q !== 0)));

const movementsArb = fc.array(
  fc.record({
    kind: fc.constantFrom<CashMovementPayload['kind']>('pay-in', 'pay-out', 'safe-drop'),
    amount: fc.integer({ min: 1, max: 20_000 }),
  }),
  { maxLength: 8 },
);

const sessionArb = fc.record({ float: floatArb, docs: docsArb, movements: movementsArb });

function step<P>(result: CashStep<P>): { state: CashSessionState; payload: P } {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

const sumOf = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((acc, item) => acc + f(item), 0);

/** Drives a random session through open and movements up to its count; tops the drawer up when it would hold less than nothing. */
type Day = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never;

function runSession({ float, docs, movements }: Day) {
  const opened = step(
    openSession(
      NO_CASH_SESSION,
      { sessionId: 'cs-1', tillId: 'T01', staffId: 'staff-ana', openedAt: OPENED_AT, currency: 'EUR', float },
      PARIS,
    ),
  );
  let state = opened.state;
  const payloads: CashMovementPayload[] = [];
  const record = (input: Omit<MovementInput, 'reason' | 'staffId'>) => {
    const taken = step(recordMovement(state, { ...input, reason: 'random', staffId: 'staff-ana' }, NOW));
    state = taken.state;
    payloads.push(taken.payload);
  };
  movements.forEach((m, i) => record({ ...m, movementId: `mv-${i}` }));
  const before = xReport(opened.payload, docs, [], payloads).expected.cash ?? 0;
  if (before < 0) record({ movementId: 'top-up', kind: 'pay-in', amount: -before });
  const closing = startClosing(state);
  if (!closing.ok) throw new Error(closing.error);
  return { session: opened.payload, state: closing.state, movements: payloads, x: xReport(opened.payload, docs, [], payloads) };
}

describe('cash sessions over random days', () => {
  it('expects float + cash in − change − cash refunds + pay-ins − pay-outs − safe drops, and a count equal to it closes with no variance', () => {
    fc.assert(
      fc.property(sessionArb, (day) => {
        const { session, state, movements, x } = runSession(day);
        const real = day.docs.filter((d) => d.training !== true);
        const cash = (d: (typeof real)[number], f: (t: Extract<Tender, { method: 'cash' }>) => number) =>
          sumOf(d.tenders, (t) => (t.method === 'cash' ? f(t) : 0));
        const sales = real.filter((d) => d.kind !== 'return');
        const returns = real.filter((d) => d.kind === 'return');
        const moved = (kind: string) => sumOf(movements, (m) => (m.kind === kind ? m.amount : 0));
        const expectedCash =
          session.float.total +
          sumOf(sales, (d) => cash(d, (t) => t.tendered)) -
          sumOf(sales, (d) => cash(d, (t) => t.change)) -
          sumOf(returns, (d) => cash(d, (t) => t.amount)) +
          moved('pay-in') -
          moved('pay-out') -
          moved('safe-drop');
        expect(x.expected.cash).toBe(expectedCash);

        const { cash: _cash, ...others } = x.expected;
        const closed = step(
          closeSession(state, { closedAt: NOW, staffId: 'staff-ana', cash: countOf(expectedCash), tenders: others }, x.expected),
        );
        expect(closed.payload.tenders.every((t) => t.variance === 0)).toBe(true);
        expect(closed.payload.approval).toBeUndefined();
        expect(cashPayloadProblems(closed.payload)).toEqual([]);
        expect(cashPayloadProblems(session)).toEqual([]);
        for (const m of movements) expect(cashPayloadProblems(m)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('asks an approval exactly when a tender is off by more than the limit', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: -2_000, max: 2_000 }), fc.integer({ min: 0, max: 1_500 }), (day, off, varianceLimit) => {
        const { state, x } = runSession(day);
        const cash = x.expected.cash ?? 0;
        fc.pre(cash + off >= 0);
        const { cash: _cash, ...others } = x.expected;
        const input = { closedAt: NOW, staffId: 'staff-ana', cash: countOf(cash + off), tenders: others };
        const result = closeSession(state, input, x.expected, { varianceLimit });
        if (Math.abs(off) > varianceLimit) {
          expect(result).toEqual({ ok: false, error: 'variance-needs-approval' });
          const approved = step(
            closeSession(state, { ...input, approval: { approvedBy: 'staff-max', reason: 'recounted' } }, x.expected, { varianceLimit }),
          );
          expect(cashPayloadProblems(approved.payload)).toEqual([]);
        } else {
          expect(step(result).payload.tenders.find((t) => t.method === 'cash')?.variance).toBe(off);
        }
      }),
      { numRuns: 100 },
    );
  });
});
