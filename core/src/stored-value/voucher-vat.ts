import { maskCardCode } from './card-code';

/**
 * VAT of gift cards: ours are multi-purpose vouchers (bons à usages multiples), spendable on goods
 * of any VAT rate, so the rate is not known when the card is sold. EU VAT Directive art. 30a–30b
 * (Directive 2016/1065): the transfer of a multi-purpose voucher is not subject to VAT; VAT is due
 * on the goods when the voucher pays for them. Hence:
 * - selling or reloading a card is a line outside the scope of VAT (no rate, no VAT, not revenue,
 *   not in the signed sales totals: a means of payment, not a sale);
 * - spending a card is a tender, like cash: the goods it pays for carry their own VAT.
 * Store credit is never sold: a return gives it as a refund tender, and spending it is a tender.
 */
export const VOUCHER_VAT = 'outside-scope' as const;

/** A line of a sale that sells or reloads a gift card: money taken for a means of payment. */
export type GiftCardSaleLine = {
  readonly kind: 'stored-value';
  readonly cardKind: 'gift_card';
  readonly operation: 'issue' | 'reload';
  readonly cardId: string;
  /** The code as the receipt prints it (the last group only). */
  readonly maskedCode: string;
  readonly amount: number;
  /** Outside the scope of VAT: no rate applies, the VAT breakdown leaves the line out. */
  readonly vat: typeof VOUCHER_VAT;
  /** Never revenue: dashboards show gift cards sold apart from sales. */
  readonly revenue: false;
};

export function giftCardSaleLine(sale: {
  readonly operation: 'issue' | 'reload';
  readonly cardId: string;
  readonly code: string;
  readonly amount: number;
}): GiftCardSaleLine {
  if (!Number.isSafeInteger(sale.amount) || sale.amount < 1) throw new RangeError('A gift card line loads a positive amount');
  return {
    kind: 'stored-value',
    cardKind: 'gift_card',
    operation: sale.operation,
    cardId: sale.cardId,
    maskedCode: maskCardCode(sale.code),
    amount: sale.amount,
    vat: VOUCHER_VAT,
    revenue: false,
  };
}

// Spending a card is a StoredValueTender (payment/tender.ts): money the customer already had, VAT stays on the goods.

/** How VAT treats each thing done with a card: selling or reloading is outside its scope, spending is a tender. */
export function storedValueVatTreatment(operation: 'issue' | 'reload' | 'redeem'): 'outside-scope' | 'tender' {
  return operation === 'redeem' ? 'tender' : VOUCHER_VAT;
}
