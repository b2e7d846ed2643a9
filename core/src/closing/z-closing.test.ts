import { describe, expect, it } from 'vitest';
import { zFigures } from '../cash/session-report';
import { closePayload, movement, SESSION } from '../cash/test-support/cash-payloads';
import { check } from '../validation/shape';
import { CLOSING_SHAPE } from './closing-shapes';
import { dailyClosing, monthlyClosing } from './period-closing';
import { closingDoc } from './test-support/closing-docs';
import { zClosing } from './z-closing';

const sales = [
  closingDoc({ saleId: 's1', lines: [{ rateBp: 2000, net: 1200 }], extraCash: 800 }),
  closingDoc({ saleId: 's2', lines: [{ rateBp: 550, net: 3000 }], card: 3000 }),
  closingDoc({ saleId: 'r1', kind: 'return', lines: [{ rateBp: 2000, net: 500 }] }),
];
const close = closePayload([
  { method: 'card', counted: 3_000, expected: 3_000, variance: 0 },
  { method: 'cash', counted: 14_450, expected: 14_450, variance: 0, count: { '10000': 1, '2000': 2, '200': 2, '50': 1 } },
]);
const figures = zFigures(SESSION, close, sales, [], [movement('mv-1', 'pay-out', 1250)]);

describe('zClosing', () => {
  it('numbers the Z after the previous one and carries the perpetual grand totals', () => {
    const first = zClosing(figures, undefined);
    expect([first.zNumber, first.perpetualGrandTotal, first.perpetualGrandTotalAbsolute]).toEqual([1, 3_700, 4_700]);
    const second = zClosing(figures, first);
    expect([second.zNumber, second.perpetualGrandTotal, second.perpetualGrandTotalAbsolute]).toEqual([2, 7_400, 9_400]);
    expect(first.figures).not.toHaveProperty('movements');
    expect(first.figures.cash.payOuts).toBe(1250);
  });

  it('fits the closing chain shape, as do the period closings; nothing else does', () => {
    const z = zClosing(figures, undefined);
    expect(check(CLOSING_SHAPE, z, 'payload')).toEqual([]);
    const records = sales.map((payload, i) => ({ seq: i + 1, hash: String(i).repeat(64), payload }));
    const day = dailyClosing({ date: '2026-12-06', currency: 'EUR', sales: records });
    expect(check(CLOSING_SHAPE, day, 'payload')).toEqual([]);
    const month = monthlyClosing({ month: '2026-12', currency: 'EUR', dailies: [day] });
    expect(check(CLOSING_SHAPE, month, 'payload')).toEqual([]);
    expect(check(CLOSING_SHAPE, { ...z, note: 'x' }, 'payload')).not.toEqual([]);
    expect(check(CLOSING_SHAPE, { ...day, period: '2026-12' }, 'payload')).not.toEqual([]);
  });
});
