import { describe, expect, it } from 'vitest';
import { at, earn } from '../test-support/loyalty-entries';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { loyaltyBalance } from './loyalty-balance';
import { loyaltyEarn, type LoyaltyEarnInput } from './loyalty-earn';
import type { LoyaltyEntry } from './loyalty-entries';
import { offlineRedeem } from './loyalty-reservation';
import { loyaltyReversal } from './loyalty-reversal';

/** The loyalty failure cases of OMNICHANNEL.md (B.1, table rows 3 and 4), each as it would happen. */
const program = testLoyaltyProgram();
const sale = (saleId: string, total: number, extra: Partial<LoyaltyEarnInput> = {}): LoyaltyEarnInput => ({
  saleId,
  customerId: 'cus-1',
  completedAt: at('2026-04-02'),
  kind: 'sale',
  currency: 'EUR',
  total,
  vat: Math.round(total / 6),
  tenders: [{ method: 'card', amount: total }],
  ...extra,
});
const now = at('2026-05-01');

describe('loyalty failure cases', () => {
  it('3. earned offline, pushed again and again (retries, another device, months later): credited once (OCA-185, ODOO-270532, ODOO-244412)', () => {
    const entry = loyaltyEarn(program, sale('s1', 12_000))!;
    const again = loyaltyEarn(program, sale('s1', 12_000))!;
    expect(again).toEqual(entry);
    expect(loyaltyBalance([entry, again, entry], now).available).toBe(100);
    // Pushed months later, after points earned since: still counted once, at its own time.
    const later = loyaltyEarn(program, sale('s2', 6_000, { completedAt: at('2026-04-20') }))!;
    expect(loyaltyBalance([later, entry, later, entry], now)).toMatchObject({ available: 150, earned: 150 });
  });

  it('4. buy, earn, refund: the points go back pro rata and cannot be kept (ODOO-257854, ODOO-238806, SQ-REFUND-FORUM)', () => {
    const earned = loyaltyEarn(program, sale('s1', 12_000))!;
    const half = loyaltyReversal(earned, { returnId: 'ret-1', at: at('2026-04-05'), refunded: 6_000, refundedBefore: 0 })!;
    const rest = loyaltyReversal(earned, { returnId: 'ret-2', at: at('2026-04-06'), refunded: 6_000, refundedBefore: 6_000 })!;
    expect(loyaltyBalance([earned, half], now).available).toBe(50);
    expect(loyaltyBalance([earned, half, rest, half], now)).toMatchObject({ available: 0, reversed: 100, debt: 0 });
  });

  it('4. refunding a sale that spent points on a reward does not charge the points again, nor give them back (ODOO-212922, ODOO-221928)', () => {
    const before: LoyaltyEntry[] = [earn('s0', 600, '2026-01-10')];
    const spend = offlineRedeem(500, { saleId: 's1', at: at('2026-04-02'), rewardId: 'r5' }, { cap: 1000, alreadyOfflineToday: 0 });
    // The reward sale: 120 € less the 5 € reward, paid by card; it earns on what was paid.
    const earned = loyaltyEarn(program, sale('s1', 11_500))!;
    const refund = loyaltyReversal(earned, { returnId: 'ret-1', at: at('2026-04-03'), refunded: 11_500, refundedBefore: 0 })!;
    const balance = loyaltyBalance([...before, spend, earned, refund], now);
    expect(refund.points).toBe(earned.points);
    expect(balance).toMatchObject({ available: 100, redeemed: 500, debt: 0 });
  });

  it('refund lines never earn new points (ODOO-177312)', () => {
    expect(loyaltyEarn(program, sale('ret-1', 12_000, { kind: 'return' }))).toBeUndefined();
  });

  it('points already spent and then returned: the balance stays at zero and the rest is debt, repaid by the next earn', () => {
    const earned = loyaltyEarn(program, sale('s1', 12_000))!;
    const spend = offlineRedeem(100, { saleId: 's2', at: at('2026-04-03') }, { cap: 1000, alreadyOfflineToday: 0 });
    const refund = loyaltyReversal(earned, { returnId: 'ret-1', at: at('2026-04-04'), refunded: 12_000, refundedBefore: 0 })!;
    expect(loyaltyBalance([earned, spend, refund], now)).toMatchObject({
      available: 0,
      debt: 100,
      debts: [{ entryId: 'reverse:ret-1', points: 100 }],
    });
    const next = loyaltyEarn(program, sale('s3', 24_000, { completedAt: at('2026-04-10') }))!;
    expect(loyaltyBalance([earned, spend, refund, next], now)).toMatchObject({ available: 100, debt: 0 });
  });

  it('a program that earns nothing on a sale writes no zero-point entry (ODOO-210507)', () => {
    expect(loyaltyEarn(program, sale('s1', 50))).toBeUndefined();
  });
});
