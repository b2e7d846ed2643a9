import { describe, expect, it } from 'vitest';
import { cashPayloadProblems } from './cash-payload-problems';
import type { CashMovementPayload } from './cash-session-payloads';
import { CASH_SESSION_CLOSE_SHAPE, CASH_SESSION_SHAPES } from './cash-session-shapes';
import { closePayload, movement as movementOf, SESSION } from './test-support/cash-payloads';

const open = SESSION;
const movement: CashMovementPayload = { ...movementOf('mv-1', 'safe-drop', 5_000, 'Safe'), approvedBy: 'staff-max' };
const close = closePayload(
  [
    { method: 'card', counted: 3_000, expected: 3_000, variance: 0 },
    { method: 'cash', counted: 10_000, expected: 15_000, variance: -5_000, count: { '10000': 1 } },
  ],
  { approval: { approvedBy: 'staff-max', reason: 'Miscounted change' } },
);

describe('cashPayloadProblems', () => {
  it('finds none in sound payloads', () => {
    for (const payload of [open, movement, close]) expect(cashPayloadProblems(payload)).toEqual([]);
  });

  it('checks the shape first: unknown fields, bounds, types', () => {
    expect(cashPayloadProblems({ ...open, customer: 'Jean' })).toEqual(['payload.customer is not a known field']);
    expect(cashPayloadProblems({ ...movement, reason: 'x'.repeat(201) })).toEqual(['payload.reason must be text of 1 to 200 characters']);
    expect(cashPayloadProblems({ ...movement, amount: 0 })).toHaveLength(1);
    expect(cashPayloadProblems({ ...open, openedAt: '2026-12-06 07:30' })).toHaveLength(1);
    expect(cashPayloadProblems({ ...open, float: { count: { '-5': 1 }, total: 0 } })).toEqual([
      'payload.float.count.-5 is not a known name',
    ]);
    expect(cashPayloadProblems({ ...close, tenders: [] })).toHaveLength(1);
    expect(cashPayloadProblems({ type: 'cash.other' })).toHaveLength(1);
  });

  it('checks a count against its currency and its total', () => {
    expect(cashPayloadProblems({ ...open, float: { count: { '300': 1 }, total: 300 } })).toEqual([
      'payload.float.count is refused: count-denomination-unknown',
    ]);
    expect(cashPayloadProblems({ ...open, float: { ...open.float, total: 15_001 } })).toEqual([
      'payload.float.total is not the total of its count',
    ]);
    expect(cashPayloadProblems({ ...open, currency: 'XXX' })).toEqual(['payload.float.count is refused: count-currency-unknown']);
  });

  it('checks the close: variances, the cash count, the order, the approval', () => {
    const [card, cash] = close.tenders;
    if (!card || !cash) throw new Error('fixture');
    const { approval: _approval, ...unapproved } = close;
    expect(cashPayloadProblems(unapproved)).toEqual(['payload.approval is missing for a variance above the limit']);
    expect(cashPayloadProblems({ ...unapproved, varianceLimit: 5_000 })).toEqual([]);
    expect(cashPayloadProblems({ ...close, tenders: [card, { ...cash, variance: 0 }] })).toEqual([
      'payload.tenders[1].variance must be counted − expected',
    ]);
    expect(cashPayloadProblems({ ...close, tenders: [cash, card] })).toEqual(['payload.tenders must be sorted by method, each once']);
    expect(cashPayloadProblems({ ...close, tenders: [card, card, cash] })).toEqual(['payload.tenders must be sorted by method, each once']);
    expect(cashPayloadProblems({ ...close, tenders: [card] })).toEqual(['payload.tenders must include cash']);
    const { count: _count, ...uncounted } = cash;
    expect(cashPayloadProblems({ ...close, tenders: [card, uncounted] })).toEqual(['payload.tenders[1].count is missing']);
    expect(cashPayloadProblems({ ...close, tenders: [{ ...card, count: {} }, cash] })).toEqual([
      'payload.tenders[0].count is only for cash',
    ]);
    expect(cashPayloadProblems({ ...close, tenders: [card, { ...cash, counted: 9_000, variance: -6_000 }] })).toEqual([
      'payload.tenders[1].total is not the total of its count',
    ]);
    expect(cashPayloadProblems({ ...close, approval: { approvedBy: 'staff-max', reason: '  ' } })).toEqual([
      'payload.approval.reason must not be blank',
    ]);
    expect(cashPayloadProblems({ ...movement, reason: ' ' })).toEqual(['payload.reason must not be blank']);
  });

  it('publishes a JSON Schema for each payload', () => {
    expect(Object.keys(CASH_SESSION_SHAPES)).toEqual(['cash.session.open', 'cash.movement', 'cash.count', 'cash.session.close']);
    expect(CASH_SESSION_CLOSE_SHAPE.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['tenders']),
    });
  });
});
