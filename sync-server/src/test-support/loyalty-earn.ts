import { loyaltyEarn, type LoyaltyEarnEntry, type LoyaltyEarnInput, type LoyaltyProgram } from '@pos/core';

/**
 * The earn entry a sale sealed for `customerId` carries, as core's loyaltyEarn makes it at the
 * till: paid by card, a sixth of the total VAT (with the test program, 12,000 earns 100 points).
 */
export function earnOfSale(
  program: LoyaltyProgram,
  customerId: string,
  saleId: string,
  total = 12_000,
  completedAt: string,
): LoyaltyEarnEntry {
  const sale: LoyaltyEarnInput = {
    saleId,
    customerId,
    completedAt,
    kind: 'sale',
    currency: 'EUR',
    total,
    vat: total / 6,
    tenders: [{ method: 'card', amount: total }],
  };
  return loyaltyEarn(program, sale)!;
}
