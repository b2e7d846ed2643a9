import { describe, expect, it } from 'vitest';
import { cashPayloadProblems } from './cash-payload-problems';
import { closeInputOf, closeSession, countSession, openSession, type CashStep } from './cash-session';
import { cashSessionFrom, NO_CASH_SESSION, type CashSessionState } from './cash-session-state';
import { SESSION } from './test-support/cash-payloads';

const PARIS = { timeZone: 'Europe/Paris', dayStartHour: 4 };
const LATER = '2026-12-06T18:00:00.000Z';
const EXPECTED = { card: 4200, cash: SESSION.float.total + 1000 };

function ok<P>(step: CashStep<P>): { state: CashSessionState; payload: P } {
  if (!step.ok) throw new Error(`refused: ${step.error}`);
  return step;
}

const opened = ok(openSession(NO_CASH_SESSION, { ...SESSION, float: SESSION.float.count }, PARIS));
const counted = ok(
  countSession(opened.state, { countedAt: LATER, staffId: 'staff-ana', cash: { '1000': 3 }, tenders: { card: 4100 } }, EXPECTED),
);

describe('countSession: the blind count sealed before anything is revealed', () => {
  it('seals the cash by denomination and the other tenders, nothing of what was expected', () => {
    expect(counted.payload).toEqual({
      type: 'cash.count',
      sessionId: SESSION.sessionId,
      countedAt: LATER,
      staffId: 'staff-ana',
      currency: 'EUR',
      cash: { count: { '1000': 3 }, total: 3000 },
      tenders: [{ method: 'card', counted: 4100 }],
    });
    expect(JSON.stringify(counted.payload)).not.toContain(String(EXPECTED.cash));
    expect(cashPayloadProblems(counted.payload)).toEqual([]);
    expect(counted.state).toMatchObject({ status: 'closing', count: counted.payload });
  });

  it('refuses a second count, a bad count, and tenders the records do not expect', () => {
    const input = { countedAt: LATER, staffId: 'staff-ana', cash: { '1000': 3 }, tenders: { card: 1 } };
    expect(countSession(counted.state, input, EXPECTED)).toEqual({ ok: false, error: 'session-closing' });
    expect(countSession(NO_CASH_SESSION, input, EXPECTED)).toEqual({ ok: false, error: 'session-not-open' });
    expect(countSession(opened.state, { ...input, cash: { '3': 1 } }, EXPECTED)).toMatchObject({ error: 'count-invalid' });
    expect(countSession(opened.state, { ...input, tenders: {} }, EXPECTED)).toEqual({ ok: false, error: 'count-invalid' });
    expect(countSession(opened.state, { ...input, tenders: { card: 1, cheque: 2 } }, EXPECTED)).toEqual({
      ok: false,
      error: 'count-invalid',
    });
  });

  it('comes back from the sealed payloads after a restart, and the close uses the sealed count', () => {
    const state = cashSessionFrom([opened.payload, counted.payload]);
    expect(state).toEqual(counted.state);
    const refused = closeSession(state, closeInputOf(counted.payload, LATER, 'staff-ana'), EXPECTED);
    expect(refused).toEqual({ ok: false, error: 'variance-needs-approval' });
    const approval = { approvedBy: 'staff-max', reason: 'Recount done' };
    const closed = ok(closeSession(state, closeInputOf(counted.payload, LATER, 'staff-ana', approval), EXPECTED));
    expect(closed.payload.tenders.map((t) => [t.method, t.counted, t.expected, t.variance])).toEqual([
      ['card', 4100, 4200, -100],
      ['cash', 3000, EXPECTED.cash, 3000 - EXPECTED.cash],
    ]);
    expect(closed.payload.approval).toEqual(approval);
  });

  it('finds an unsorted or cash tender list in a sealed count', () => {
    const tenders = [
      { method: 'voucher', counted: 1 },
      { method: 'card', counted: 1 },
    ];
    expect(cashPayloadProblems({ ...counted.payload, tenders })).toEqual([
      'payload.tenders must be sorted by method, each once, cash apart',
    ]);
    expect(cashPayloadProblems({ ...counted.payload, cash: { count: { '1000': 3 }, total: 1 } })).toEqual([
      'payload.cash.total is not the total of its count',
    ]);
  });
});
