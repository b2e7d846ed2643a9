import { describe, expect, it } from 'vitest';
import { LedgerRefusal } from '../ledger/ledger-refusal';
import { offlineRedeemAllowed } from '../ledger/offline-cap';
import { at, earn } from '../test-support/loyalty-entries';
import { loyaltyBalance } from './loyalty-balance';
import { loyaltyOverdrafts, offlineRedeem, redeemReservation, releaseReservation, reservePoints } from './loyalty-reservation';

const until = '2026-03-01T12:15:00.000Z';
const refusal = (run: () => unknown): { code: string; values: object } => {
  try {
    run();
  } catch (error) {
    if (error instanceof LedgerRefusal) return { code: error.code, values: error.values };
    throw error;
  }
  throw new Error('not refused');
};

describe('reservations', () => {
  const entries = [earn('s1', 300, '2026-01-10')];
  const balance = loyaltyBalance(entries, at('2026-03-01'));

  it('reserves what is free and refuses more, in words', () => {
    expect(reservePoints(balance, 300, { id: 'res-1', at: at('2026-03-01'), until })).toEqual({
      kind: 'reserve',
      id: 'res-1',
      at: at('2026-03-01'),
      points: 300,
      until,
    });
    expect(refusal(() => reservePoints(balance, 301, { id: 'res-1', at: at('2026-03-01'), until }))).toEqual({
      code: 'insufficient_points',
      values: { available: 300 },
    });
    expect(refusal(() => reservePoints(balance, 0, { id: 'res-1', at: at('2026-03-01'), until })).code).toBe('invalid_amount');
    expect(refusal(() => reservePoints(balance, 1.5, { id: 'res-1', at: at('2026-03-01'), until })).code).toBe('invalid_amount');
  });

  it('two stores redeeming the same points at once: the hub applies one reservation, the other is refused', () => {
    const storeA = reservePoints(balance, 250, { id: 'res-A', at: at('2026-03-01'), until });
    // The hub checks B inside its transaction against the balance with A's reservation in it.
    const after = loyaltyBalance([...entries, storeA], at('2026-03-01'));
    expect(refusal(() => reservePoints(after, 250, { id: 'res-B', at: at('2026-03-01'), until })).code).toBe('insufficient_points');
  });

  it('a sale consumes its reservation once; a second sale cannot spend it again', () => {
    const reserved = [...entries, reservePoints(balance, 200, { id: 'res-1', at: '2026-03-01T12:00:00.000Z', until })];
    const open = loyaltyBalance(reserved, '2026-03-01T12:01:00.000Z');
    const spend = redeemReservation(open, 'res-1', 200, { saleId: 's2', at: '2026-03-01T12:02:00.000Z', rewardId: 'r5' });
    expect(spend).toMatchObject({ kind: 'redeem', id: 'redeem:s2', reservationId: 'res-1', points: 200, rewardId: 'r5' });
    const spent = loyaltyBalance([...reserved, spend], '2026-03-01T12:03:00.000Z');
    expect(spent).toMatchObject({ available: 100, reserved: 0, redeemed: 200 });
    expect(refusal(() => redeemReservation(spent, 'res-1', 200, { saleId: 's3', at: '2026-03-01T12:04:00.000Z' })).code).toBe(
      'reservation_not_open',
    );
    expect(refusal(() => redeemReservation(open, 'res-1', 301, { saleId: 's2', at: '2026-03-01T12:02:00.000Z' })).code).toBe(
      'insufficient_points',
    );
  });

  it('an abandoned sale releases its reservation', () => {
    const reserved = [...entries, reservePoints(balance, 200, { id: 'res-1', at: '2026-03-01T12:00:00.000Z', until })];
    const released = [...reserved, releaseReservation('res-1', '2026-03-01T12:05:00.000Z')];
    expect(loyaltyBalance(released, '2026-03-01T12:06:00.000Z')).toMatchObject({ available: 300, reserved: 0 });
  });
});

describe('offline', () => {
  it('refuses without a cap, allows within the day’s cap, refuses beyond it', () => {
    expect(offlineRedeemAllowed(0, 10, 0)).toEqual({ allowed: false, code: 'offline_redeem_disabled', left: 0 });
    expect(offlineRedeemAllowed(500, 200, 250)).toEqual({ allowed: true, left: 50 });
    expect(offlineRedeemAllowed(500, 300, 250)).toEqual({ allowed: false, code: 'offline_cap_exceeded', left: 250 });
    expect(refusal(() => offlineRedeem(300, { saleId: 's9', at: at('2026-03-01') }, { cap: 500, alreadyOfflineToday: 250 }))).toEqual({
      code: 'offline_cap_exceeded',
      values: { left: 250 },
    });
  });

  it('reports an offline spend larger than the balance as an overdraft, repaid by the next earn', () => {
    const spend = offlineRedeem(200, { saleId: 's9', at: at('2026-03-01') }, { cap: 500, alreadyOfflineToday: 0 });
    expect(spend).toMatchObject({ id: 'redeem:s9', offline: true, points: 200 });
    const entries = [earn('s1', 150, '2026-01-10'), spend];
    const balance = loyaltyBalance(entries, at('2026-03-02'));
    expect(balance).toMatchObject({ available: 0, debt: 50 });
    expect(loyaltyOverdrafts(balance, entries)).toEqual([{ entryId: 'redeem:s9', saleId: 's9', points: 200, short: 50, offline: true }]);
    expect(loyaltyBalance([...entries, earn('s10', 70, '2026-03-05')], at('2026-03-06'))).toMatchObject({ available: 20, debt: 0 });
  });
});
