import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { withLoyaltyEarn } from '../loyalty/sale-loyalty';
import type { SalePayloadV1 } from '../sale/sale';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { cashSale, signedSaleRecord } from '../test-support/sample-sale';
import { buildReceipt, receiptText } from './receipt-model';

const store = demoStoreProfile();
const memberSale = () => ({ ...(cashSale({ saleId: 's-1', products: [100, 205, 300] }) as SalePayloadV1), customerId: 'cus-1' });

describe('the receipt of a member’s sale', () => {
  it('prints the points the sale earned, in French and English; nothing without a sealed earn', () => {
    const sale = withLoyaltyEarn(memberSale(), testLoyaltyProgram());
    const points = sale.loyalty!.earn.points;
    const text = (s: SalePayloadV1, receiptLocale: string) =>
      receiptText(buildReceipt(signedSaleRecord(s, 1), { ...store, receiptLocale }, { width: 42, softwareVersion: '1' }));
    expect(text(sale, 'fr')).toMatch(new RegExp(`Points fidélité gagnés +${points}\\n`));
    expect(text(sale, 'en')).toMatch(new RegExp(`Loyalty points earned +${points}\\n`));
    expect(text(memberSale(), 'fr')).not.toMatch(/fidélité/);
  });
});
