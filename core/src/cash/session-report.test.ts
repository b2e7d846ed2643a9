import { describe, expect, it } from 'vitest';
import { closingDoc, voidEvent } from '../closing/test-support/closing-docs';
import { expectedByTender, xReport, zFigures } from './session-report';
import { closePayload, movement, SESSION } from './test-support/cash-payloads';

const session = SESSION;
// 12.00 in cash (20.00 handed over), 30.00 by card, 5.00 refunded in cash; 12.50 paid out, 50.00 to the safe.
const sales = [
  { ...closingDoc({ saleId: 's1', lines: [{ rateBp: 2000, net: 1200 }], extraCash: 800 }), sessionId: 'cs-1' },
  closingDoc({ saleId: 's2', lines: [{ rateBp: 2000, net: 3000 }], card: 3000 }),
  closingDoc({ saleId: 'r1', kind: 'return', lines: [{ rateBp: 2000, net: 500 }] }),
];
const movements = [movement('mv-1', 'pay-out', 1250), movement('mv-2', 'safe-drop', 5000)];
const close = closePayload(
  [
    { method: 'card', counted: 3_000, expected: 3_000, variance: 0 },
    { method: 'cash', counted: 8_450, expected: 9_450, variance: -1_000, count: { '5000': 1, '2000': 1, '1000': 1, '200': 2, '50': 1 } },
  ],
  { staffId: 'staff-ben', approval: { approvedBy: 'staff-max', reason: 'Counted twice' } },
);

describe('xReport', () => {
  const x = xReport(session, sales, [voidEvent(750)], movements);

  it('shows the session, its totals and what each tender should hold', () => {
    expect(x).toMatchObject({ sessionId: 'cs-1', tillId: 'T01', businessDate: '2026-12-06', openedBy: 'staff-ana', currency: 'EUR' });
    expect([x.totals.salesCount, x.totals.returnsCount, x.totals.total.net, x.totals.voids.count]).toEqual([2, 1, 3_700, 1]);
    expect(x.cash).toEqual({
      float: 15_000,
      cashSales: 1_200,
      cashRefunds: 500,
      payIns: 0,
      payOuts: 1_250,
      safeDrops: 5_000,
      expected: 9_450,
    });
    expect(x.expected).toEqual({ card: 3_000, cash: 9_450 });
    expect(x.movements.map((m) => [m.movementId, m.kind, m.amount])).toEqual([
      ['mv-1', 'pay-out', 1250],
      ['mv-2', 'safe-drop', 5000],
    ]);
  });

  it('is plain JSON in whole minor units', () => {
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  });

  it('has the session currency and a float only, without sales', () => {
    const empty = xReport(session, [], [], []);
    expect(empty.totals.currency).toBe('EUR');
    expect(empty.expected).toEqual({ cash: 15_000 });
  });

  it('refuses records of another session or currency', () => {
    expect(() => xReport(session, [{ ...sales[1]!, sessionId: 'cs-2' }], [], [])).toThrow(/cs-2/);
    expect(() => xReport(session, [], [], [{ ...movements[0]!, sessionId: 'cs-2' }])).toThrow(/cs-2/);
    expect(() => xReport(session, [{ ...sales[1]!, currency: 'CHF' }], [], [])).toThrow(/CHF/);
  });
});

describe('zFigures', () => {
  it('carries the X figures with the count, the variances and the approval', () => {
    const z = zFigures(session, close, sales, [], movements);
    expect(z).toMatchObject({
      closedAt: close.closedAt,
      closedBy: 'staff-ben',
      varianceLimit: 500,
      approval: close.approval,
      differences: [],
    });
    expect(z.tenders).toEqual(close.tenders);
    expect(z.cash.expected).toBe(9_450);
    expect(JSON.parse(JSON.stringify(z))).toEqual(z);
  });

  it('flags a tender whose records no longer give what the close sealed (a sale synced late)', () => {
    const late = closingDoc({ saleId: 's3', lines: [{ rateBp: 2000, net: 700 }] });
    expect(zFigures(session, close, [...sales, late], [], movements).differences).toEqual([
      { method: 'cash', sealed: 9_450, recomputed: 10_150 },
    ]);
  });

  it('refuses the close of another session', () => {
    expect(() => zFigures(session, { ...close, sessionId: 'cs-2' }, sales, [], movements)).toThrow(RangeError);
  });
});

describe('expectedByTender', () => {
  it('gives cash from the float, sales and movements, the other tenders at their net, by method', () => {
    const totals = {
      byTender: [
        { method: 'card', count: 2, amount: { sales: 5_000, returns: 1_000, net: 4_000 } },
        { method: 'cash', count: 1, amount: { sales: 800, returns: 0, net: 800 } },
      ],
    };
    expect(expectedByTender(1_000, totals, [{ kind: 'pay-in', amount: 200 }])).toEqual({ card: 4_000, cash: 2_000 });
  });
});
