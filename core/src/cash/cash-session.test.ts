import { describe, expect, it } from 'vitest';
import { closeSession, openSession, recordMovement, saleRefusal, startClosing, type CashStep, type MovementInput } from './cash-session';
import { cashSessionFrom, mustCloseFirst, NO_CASH_SESSION, type CashSessionState } from './cash-session-state';
import { closePayload, movement, SESSION } from './test-support/cash-payloads';

const PARIS = { timeZone: 'Europe/Paris', dayStartHour: 4 };
const LATER = '2026-12-06T18:00:00.000Z';

function ok<P>(step: CashStep<P>): { state: CashSessionState; payload: P } {
  if (!step.ok) throw new Error(`refused: ${step.error}`);
  return step;
}

const FLOAT = SESSION.float.count;
const opened = ok(openSession(NO_CASH_SESSION, { ...SESSION, float: FLOAT }, PARIS));
const payOut: MovementInput = { movementId: 'mv-1', kind: 'pay-out', amount: 1250, reason: '  Window cleaner  ', staffId: 'staff-ana' };
const withMovement = ok(recordMovement(opened.state, payOut, LATER));
const closing = startClosing(withMovement.state);
if (!closing.ok) throw new Error('closing refused');

describe('openSession', () => {
  it('opens with the float counted and the business date of the store', () => {
    expect(opened.payload).toEqual(SESSION);
    expect(opened.state).toEqual({ status: 'open', session: opened.payload, movements: [] });
  });

  it('refuses a second session while one is open or counted, and a bad float', () => {
    const again = { sessionId: 'cs-2', tillId: 'T01', staffId: 'staff-ana', openedAt: LATER, currency: 'EUR', float: {} };
    expect(openSession(opened.state, again, PARIS)).toEqual({ ok: false, error: 'session-already-open' });
    expect(openSession(closing.state, again, PARIS)).toEqual({ ok: false, error: 'session-already-open' });
    expect(openSession(NO_CASH_SESSION, { ...again, float: { '700': 1 } }, PARIS)).toEqual({
      ok: false,
      error: 'count-invalid',
      problem: { code: 'count-denomination-unknown', key: '700' },
    });
  });
});

describe('recordMovement', () => {
  it('records a movement with its reason trimmed', () => {
    expect(withMovement.payload).toEqual(movement('mv-1', 'pay-out', 1250, 'Window cleaner'));
    const drop = ok(
      recordMovement(
        withMovement.state,
        { ...payOut, movementId: 'mv-2', kind: 'safe-drop', approvedBy: 'staff-max', approvalId: 'ap-1' },
        LATER,
      ),
    );
    expect([drop.payload.approvedBy, drop.payload.approvalId]).toEqual(['staff-max', 'ap-1']);
    expect(drop.state.status === 'open' && drop.state.movements.map((m) => m.movementId)).toEqual(['mv-1', 'mv-2']);
  });

  it.each([0, -5, 12.5, 1_000_000_001])('refuses an amount of %s', (amount) => {
    expect(recordMovement(opened.state, { ...payOut, amount }, LATER)).toEqual({ ok: false, error: 'movement-invalid' });
  });

  it('refuses a blank or too long reason, and the same movement twice', () => {
    expect(recordMovement(opened.state, { ...payOut, reason: '   ' }, LATER)).toEqual({ ok: false, error: 'movement-invalid' });
    expect(recordMovement(opened.state, { ...payOut, reason: 'x'.repeat(201) }, LATER)).toEqual({ ok: false, error: 'movement-invalid' });
    expect(recordMovement(withMovement.state, payOut, LATER)).toEqual({ ok: false, error: 'movement-duplicate' });
  });

  it('refuses a movement without an open session, during the count, and after 24 hours', () => {
    expect(recordMovement(NO_CASH_SESSION, payOut, LATER)).toEqual({ ok: false, error: 'session-not-open' });
    expect(recordMovement(closing.state, payOut, LATER)).toEqual({ ok: false, error: 'session-closing' });
    expect(recordMovement(opened.state, payOut, '2026-12-07T07:30:00.001Z')).toEqual({ ok: false, error: 'session-too-long' });
  });
});

describe('sessions longer than 24 hours', () => {
  it('must be closed first, at 24 hours and one millisecond', () => {
    expect(mustCloseFirst(opened.state, '2026-12-07T07:30:00.000Z')).toBe(false);
    expect(mustCloseFirst(opened.state, '2026-12-07T07:30:00.001Z')).toBe(true);
    expect(mustCloseFirst(NO_CASH_SESSION, '2030-01-01T00:00:00.000Z')).toBe(false);
    expect(saleRefusal(opened.state, '2026-12-07T07:30:00.001Z')).toBe('session-too-long');
  });

  it('refuses sales without an open session and during the count', () => {
    expect(saleRefusal(opened.state, LATER)).toBeUndefined();
    expect(saleRefusal(NO_CASH_SESSION, LATER)).toBe('session-not-open');
    expect(saleRefusal(closing.state, LATER)).toBe('session-closing');
  });

  it('can still be closed', () => {
    const late = startClosing(opened.state);
    if (!late.ok) throw new Error('refused');
    const closed = closeSession(late.state, { closedAt: '2026-12-09T10:00:00.000Z', staffId: 'staff-ana', cash: FLOAT }, { cash: 15_000 });
    expect(closed.ok).toBe(true);
  });
});

describe('startClosing', () => {
  it('returns the state alone: nothing about what the drawer should hold', () => {
    expect(Object.keys(closing)).toEqual(['ok', 'state']);
    expect(closing.state).toEqual({ ...withMovement.state, status: 'closing' });
    expect(JSON.stringify(closing)).not.toMatch(/expected/);
  });

  it('needs an open session', () => {
    expect(startClosing(NO_CASH_SESSION)).toEqual({ ok: false, error: 'session-not-open' });
    expect(startClosing(closing.state)).toEqual(closing);
  });
});

describe('closeSession', () => {
  // Expected: 150.00 float + 40.00 cash sales − 12.50 pay-out = 177.50 cash; 30.00 by card.
  const expected = { cash: 17_750, card: 3_000 };
  const exact = { '10000': 1, '5000': 1, '2000': 1, '500': 1, '200': 1, '50': 1 };
  const input = { closedAt: closePayload([]).closedAt, staffId: 'staff-ana', cash: exact, tenders: { card: 3_000 } };

  it('closes a count equal to what is expected with no variance and no approval', () => {
    const closed = ok(closeSession(closing.state, input, expected));
    expect(closed.payload).toEqual(
      closePayload([
        { method: 'card', counted: 3_000, expected: 3_000, variance: 0 },
        { method: 'cash', counted: 17_750, expected: 17_750, variance: 0, count: exact },
      ]),
    );
    expect(closed.state).toEqual({ status: 'closed', session: opened.payload, movements: [withMovement.payload], close: closed.payload });
    expect(saleRefusal(closed.state, LATER)).toBe('session-not-open');
  });

  it('takes a variance up to the limit, and asks an approval with a reason beyond it', () => {
    const short = { ...input, cash: { ...exact, '500': 0 } };
    expect(ok(closeSession(closing.state, short, expected)).payload.tenders[1]?.variance).toBe(-500);
    const shorter = { ...input, cash: { ...exact, '500': 0, '50': 0 } };
    expect(closeSession(closing.state, shorter, expected)).toEqual({ ok: false, error: 'variance-needs-approval' });
    expect(closeSession(closing.state, { ...shorter, approval: { approvedBy: 'staff-max', reason: ' ' } }, expected)).toEqual({
      ok: false,
      error: 'variance-needs-approval',
    });
    const approved = ok(
      closeSession(closing.state, { ...shorter, approval: { approvedBy: 'staff-max', reason: ' Note torn ' } }, expected),
    );
    expect(approved.payload.approval).toEqual({ approvedBy: 'staff-max', reason: 'Note torn' });
    // Over, on the card: the same.
    expect(closeSession(closing.state, { ...input, tenders: { card: 3_501 } }, expected)).toEqual({
      ok: false,
      error: 'variance-needs-approval',
    });
    // A store that tightens the limit to nothing.
    expect(closeSession(closing.state, short, expected, { varianceLimit: 0 })).toEqual({ ok: false, error: 'variance-needs-approval' });
  });

  it('refuses a count that is not one, or misses a tender the records expect', () => {
    expect(closeSession(closing.state, { ...input, cash: { '10000': -1 } }, expected)).toEqual({
      ok: false,
      error: 'count-invalid',
      problem: { code: 'count-quantity-invalid', key: '10000' },
    });
    for (const tenders of [
      undefined,
      {},
      { card: 1.5 },
      { card: -1_000_000_001 },
      { card: 3_000, cash: 1 },
      { card: 3_000, voucher: 0 },
      { constructor: 1 },
      [3_000],
    ]) {
      expect(closeSession(closing.state, { ...input, tenders }, expected)).toEqual({ ok: false, error: 'count-invalid' });
    }
  });

  it('closes only after the count started', () => {
    expect(closeSession(withMovement.state, input, expected)).toEqual({ ok: false, error: 'closing-not-started' });
    expect(closeSession(NO_CASH_SESSION, input, expected)).toEqual({ ok: false, error: 'session-not-open' });
    expect(() => closeSession(closing.state, input, expected, { varianceLimit: -1 })).toThrow(RangeError);
  });

  it('opens the next session after a close', () => {
    const closed = ok(closeSession(closing.state, input, expected));
    const next = { sessionId: 'cs-2', tillId: 'T01', staffId: 'staff-ben', openedAt: LATER, currency: 'EUR', float: {} };
    expect(ok(openSession(closed.state, next, PARIS)).state.status).toBe('open');
  });
});

describe('cashSessionFrom', () => {
  it('rebuilds the state from the sealed payloads', () => {
    const closed = ok(closeSession(closing.state, { closedAt: LATER, staffId: 'staff-ana', cash: FLOAT, tenders: {} }, { cash: 15_000 }));
    expect(cashSessionFrom([opened.payload, withMovement.payload])).toEqual(withMovement.state);
    expect(cashSessionFrom([opened.payload, withMovement.payload, closed.payload])).toEqual(closed.state);
  });

  it('throws on records that cannot follow each other', () => {
    expect(() => cashSessionFrom([withMovement.payload])).toThrow(RangeError);
    expect(() => cashSessionFrom([opened.payload, opened.payload])).toThrow(RangeError);
    expect(() => cashSessionFrom([opened.payload, { ...withMovement.payload, sessionId: 'cs-9' }])).toThrow(RangeError);
  });
});
