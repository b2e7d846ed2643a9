import { describe, expect, it } from 'vitest';
import { adjust, at, earn, redeem, release, reserve, reverse } from '../test-support/loyalty-entries';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { loyaltyBalance } from './loyalty-balance';

const program = testLoyaltyProgram();

describe('loyaltyBalance', () => {
  it('sums what was earned and spent, and is empty for no entries', () => {
    expect(loyaltyBalance([], at('2026-01-01'))).toMatchObject({ available: 0, reserved: 0, debt: 0, earned: 0 });
    const balance = loyaltyBalance(
      [earn('s1', 300, '2026-01-10'), earn('s2', 200, '2026-02-10'), redeem('s3', 100, '2026-03-01')],
      at('2026-03-02'),
    );
    expect(balance).toMatchObject({ available: 400, earned: 500, redeemed: 100, debt: 0, expired: 0 });
  });

  it('counts an entry applied twice once, in whatever order the entries came', () => {
    const entries = [earn('s1', 300, '2026-01-10'), redeem('s3', 100, '2026-03-01'), earn('s2', 200, '2026-02-10')];
    const once = loyaltyBalance(entries, at('2026-03-02'));
    expect(loyaltyBalance([...entries, ...entries].reverse(), at('2026-03-02'))).toEqual(once);
  });

  it('reports an id seen with two different contents and counts one of them, the same whatever the order', () => {
    const a = earn('s1', 300, '2026-01-10');
    const b = { ...a, points: 30 };
    const one = loyaltyBalance([a, b], at('2026-02-01'));
    expect(one.conflicts).toEqual(['earn:s1']);
    expect(loyaltyBalance([b, a], at('2026-02-01'))).toEqual(one);
    expect([30, 300]).toContain(one.earned);
  });

  it('expires points lot by lot, spending the oldest first', () => {
    // 300 from January and 200 from February: the 250 spent in March come out of January's lot.
    const entries = [earn('s1', 300, '2026-01-10'), earn('s2', 200, '2026-02-10'), redeem('s3', 250, '2026-03-01')];
    expect(loyaltyBalance(entries, at('2027-01-09'))).toMatchObject({ available: 250, expired: 0 });
    // January's lot (50 left) expired on 10 January 2027; February's 200 remain until 10 February.
    expect(loyaltyBalance(entries, at('2027-01-11'))).toMatchObject({ available: 200, expired: 50 });
    expect(loyaltyBalance(entries, at('2027-02-11'))).toMatchObject({ available: 0, expired: 250 });
  });

  it('lists coming expiries and what expires within the window', () => {
    const balance = loyaltyBalance([earn('s1', 300, '2026-01-10'), earn('s2', 200, '2026-02-10')], at('2026-12-20'));
    expect(balance.expiring).toEqual([
      { expiresAt: at('2027-01-10'), points: 300 },
      { expiresAt: at('2027-02-10'), points: 200 },
    ]);
    expect(balance.pendingExpiry).toBe(300);
  });

  it('takes an expire entry of the hub as the lot’s expiry, without expiring it twice', () => {
    const entries = [
      earn('s1', 300, '2026-01-10'),
      { kind: 'expire' as const, id: 'expire:earn:s1', at: at('2026-06-01'), lotId: 'earn:s1' },
    ];
    expect(loyaltyBalance(entries, at('2027-06-01'))).toMatchObject({ available: 0, expired: 300 });
  });

  it('holds reserved points apart; a release gives them back, consuming spends them', () => {
    const base = [earn('s1', 300, '2026-01-10'), reserve('res-1', 100, '2026-03-01')];
    expect(loyaltyBalance(base, at('2026-03-01'))).toMatchObject({
      available: 200,
      reserved: 100,
      reservations: [{ id: 'res-1', points: 100 }],
    });
    expect(loyaltyBalance([...base, release('res-1', '2026-03-02')], at('2026-03-02'))).toMatchObject({ available: 300, reserved: 0 });
    const consumed = [...base, redeem('s2', 100, '2026-03-02', { reservationId: 'res-1' })];
    expect(loyaltyBalance(consumed, at('2026-03-03'))).toMatchObject({ available: 200, reserved: 0, redeemed: 100 });
    // A release after the sale consumed it changes nothing.
    expect(loyaltyBalance([...consumed, release('res-1', '2026-03-04')], at('2026-03-04'))).toMatchObject({ available: 200, reserved: 0 });
  });

  it('releases a reservation nobody consumed once its time is up', () => {
    const entries = [earn('s1', 300, '2026-01-10'), reserve('res-1', 100, '2026-03-01', '2026-03-01T12:15:00.000Z')];
    expect(loyaltyBalance(entries, '2026-03-01T12:14:00.000Z')).toMatchObject({ available: 200, reserved: 100 });
    expect(loyaltyBalance(entries, '2026-03-01T12:15:00.000Z')).toMatchObject({ available: 300, reserved: 0 });
  });

  it('records a spend beyond the balance as debt, repaid by the next earn, never a negative balance', () => {
    const entries = [earn('s1', 100, '2026-01-10'), adjust('fix-1', -150, '2026-01-11')];
    expect(loyaltyBalance(entries, at('2026-01-12'))).toMatchObject({
      available: 0,
      debt: 50,
      adjusted: -150,
      debts: [{ entryId: 'fix-1', kind: 'adjust', points: 50 }],
    });
    expect(loyaltyBalance([...entries, earn('s2', 80, '2026-01-20')], at('2026-01-21'))).toMatchObject({ available: 30, debt: 0 });
  });

  it('gives the tier of the points earned in the last 12 months, less what returns reversed', () => {
    const entries = [earn('s1', 1500, '2025-01-10'), earn('s2', 600, '2025-06-10'), earn('s3', 1500, '2026-01-05')];
    expect(loyaltyBalance(entries, at('2026-01-06'), program).tier?.id).toBe('gold');
    // A year later January 2025's points no longer count: 600 + 1500.
    expect(loyaltyBalance(entries, at('2026-01-11'), program)).toMatchObject({ qualifyingPoints: 2100, tier: { id: 'gold' } });
    const returned = [...entries, reverse('ret-1', 's3', 1500, '2026-01-12')];
    expect(loyaltyBalance(returned, at('2026-01-12'), program)).toMatchObject({ qualifyingPoints: 600, tier: { id: 'silver' } });
    expect(loyaltyBalance(returned, at('2026-01-12'), { ...program, tierBasis: 'lifetime' }).tier?.id).toBe('gold');
  });

  it('does not count entries after now', () => {
    expect(loyaltyBalance([earn('s1', 100, '2026-02-01')], at('2026-01-31')).available).toBe(0);
  });
});
