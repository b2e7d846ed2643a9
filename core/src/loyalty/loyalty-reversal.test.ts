import { describe, expect, it } from 'vitest';
import { earn } from '../test-support/loyalty-entries';
import { loyaltyReversal } from './loyalty-reversal';

/** 100 points earned on a 120 € sale. */
const earned = earn('s1', 100, '2026-01-10', { saleTotal: 12_000, basis: 10_000 });
const ret = (returnId: string, refunded: number, refundedBefore = 0) => ({
  returnId,
  at: '2026-01-20T10:00:00.000Z',
  refunded,
  refundedBefore,
});

describe('loyaltyReversal', () => {
  it('takes back points pro rata to the amount refunded, rounded down, with an id from the return', () => {
    expect(loyaltyReversal(earned, ret('r1', 3_000))).toEqual({
      kind: 'reverse',
      id: 'reverse:r1',
      at: '2026-01-20T10:00:00.000Z',
      points: 25,
      saleId: 's1',
      returnId: 'r1',
    });
    expect(loyaltyReversal(earned, ret('r1', 100))).toBeUndefined();
  });

  it('takes back all of it, and no more, over several partial returns', () => {
    const first = loyaltyReversal(earned, ret('r1', 4_001))!.points;
    const second = loyaltyReversal(earned, ret('r2', 4_001, 4_001))!.points;
    const last = loyaltyReversal(earned, ret('r3', 3_998, 8_002))!.points;
    expect([first, second, last]).toEqual([33, 33, 34]);
    expect(loyaltyReversal(earned, ret('r4', 1_000, 12_000))).toBeUndefined();
  });

  it('per visit: nothing while what is kept still reaches the minimum, everything once it does not', () => {
    const visit = earn('s2', 10, '2026-01-10', { rule: 'visit', visitMinimum: 5_000, basis: 10_000, saleTotal: 12_000 });
    expect(loyaltyReversal(visit, ret('r1', 6_000))).toBeUndefined();
    expect(loyaltyReversal(visit, ret('r2', 1_000, 6_000))?.points).toBe(10);
    expect(loyaltyReversal(visit, ret('r3', 1_000, 7_000))).toBeUndefined();
  });
});
