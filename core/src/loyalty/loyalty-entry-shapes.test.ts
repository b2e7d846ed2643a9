import { describe, expect, it } from 'vitest';
import { earn } from '../test-support/loyalty-entries';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { loyaltyEarn } from './loyalty-earn';
import { loyaltyEntryProblems } from './loyalty-entry-shapes';
import { offlineRedeem, releaseReservation, reservePoints } from './loyalty-reservation';
import { loyaltyReversal } from './loyalty-reversal';

const at = '2026-03-01T12:00:00.000Z';

describe('loyaltyEntryProblems', () => {
  it('accepts every entry the loyalty functions make', () => {
    const sale = {
      saleId: 's1',
      customerId: 'c1',
      completedAt: at,
      kind: 'sale' as const,
      currency: 'EUR',
      total: 1200,
      vat: 200,
      tenders: [],
    };
    const earned = loyaltyEarn(testLoyaltyProgram(), sale)!;
    const entries = [
      earned,
      loyaltyReversal(earned, { returnId: 'r1', at, refunded: 600, refundedBefore: 0 })!,
      reservePoints({ available: 10 }, 5, { id: 'res-1', at, until: at }),
      releaseReservation('res-1', at),
      offlineRedeem(5, { saleId: 's2', at, rewardId: 'r5' }, { cap: 10, alreadyOfflineToday: 0 }),
      { kind: 'expire', id: 'expire:earn:s1', at, lotId: 'earn:s1' },
      { kind: 'adjust', id: 'adj-1', at, points: -3, reason: 'typo at the till', staffId: 'st-1' },
    ];
    for (const entry of entries) expect(loyaltyEntryProblems(entry)).toEqual([]);
  });

  it('refuses unknown kinds and fields, out-of-bound points, loose instants and zero adjustments', () => {
    expect(loyaltyEntryProblems({ kind: 'gift' })).toEqual([
      'entry.kind must be one of earn, redeem, reserve, release, expire, adjust, reverse',
    ]);
    expect(loyaltyEntryProblems({ ...earn('s1', 10, '2026-01-10'), email: 'a@b.c' })).toEqual(['entry.email is not a known field']);
    expect(loyaltyEntryProblems(earn('s1', 0, '2026-01-10'))).toEqual(['entry.points must be a whole number from 1 to 100000000']);
    expect(loyaltyEntryProblems({ ...earn('s1', 10, '2026-01-10'), at: '2026-01-10' })).toEqual([
      'entry.at must be a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ',
    ]);
    expect(loyaltyEntryProblems({ kind: 'adjust', id: 'a', at, points: 0, reason: 'x', staffId: 's' })).toEqual([
      'entry.points must not be 0',
    ]);
  });
});
