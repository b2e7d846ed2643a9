import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import type { StoredValueTender } from '../payment/tender';
import { cashSale, signedSaleRecord } from '../test-support/sample-sale';
import { buildReceipt, receiptText } from './receipt-model';

const store = demoStoreProfile();

/** A sale paid by a gift card and store credit (what cash paid becomes theirs), as the till seals it. */
function paidByCards(balanceAfter?: number) {
  const sale = cashSale({ saleId: 'sale-gift' });
  const gift: StoredValueTender = {
    id: 'g',
    method: 'gift_card',
    amount: sale.total - 100,
    cardId: 'card_0123456789abcdef0123456789abcdef',
    reservationId: 'rsv-1',
    maskedCode: '••••-••••-••••-••••-8NCA',
    ...(balanceAfter !== undefined ? { balanceAfter } : {}),
  };
  const credit: StoredValueTender = {
    ...gift,
    id: 's',
    method: 'store_credit',
    amount: 100,
    reservationId: 'rsv-2',
    maskedCode: '••••-••••-••••-••••-Q7RT',
  };
  return signedSaleRecord({ ...sale, tenders: [gift, credit], change: 0, cashRounding: 0 }, 1);
}

describe('the receipt of a sale paid with a gift card or store credit', () => {
  it('prints each card’s kind, amount, masked code and, when known, what is left on it', () => {
    for (const [locale, words] of [
      ['fr-FR', ['Carte cadeau', 'Avoir', 'Solde restant']],
      ['en-GB', ['Gift card', 'Store credit', 'Balance left']],
    ] as const) {
      const text = receiptText(
        buildReceipt(paidByCards(2_345), { ...store, receiptLocale: locale }, { width: 42, cashierName: 'Camille', softwareVersion: '1' }),
      );
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain('••••-••••-••••-••••-8NCA');
      expect(text).toContain('••••-••••-••••-••••-Q7RT');
      expect(text).toMatch(/23,45|23\.45/);
      for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(42);
    }
    const unknown = receiptText(buildReceipt(paidByCards(), store, { width: 42, cashierName: 'Camille', softwareVersion: '1' }));
    expect(unknown).not.toContain('Solde restant');
  });
});
