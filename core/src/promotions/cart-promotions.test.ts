import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setLineDiscount, withCustomer, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale, type SaleDiscount, type SalePayloadV1 } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { buildReceipt, receiptText } from '../receipt/receipt-model';
import { demoSaleContext, unsignedSaleRecord } from '../test-support/sample-sale';
import { everydayPromotions, everydaySet, promoProduct } from '../test-support/promotion-cart';
import { MONDAY_11H_PARIS, samplePromotion } from '../test-support/promotion-samples';
import { applyPromotions } from './cart-promotions';
import { compilePromotions } from './compile-promotions';
import { salePricingContext, salePromotionProblems } from './sale-promotion-check';

const store = demoStoreProfile();
const context = { at: MONDAY_11H_PARIS, timeZone: 'Europe/Paris', storeId: 'S001', channel: 'store' as const };
const tee = promoProduct('tee', 1_000, 'tops');
const shoes = promoProduct('boots', 5_000, 'shoes');
const sock = promoProduct('sock', 300, 'socks');

function cart(): Cart {
  let c = emptyCart('sale-promo-1', 'EUR', MONDAY_11H_PARIS);
  c = addProduct(c, tee, { lineId: 'l1', quantity: 3 });
  c = addProduct(c, shoes, { lineId: 'l2' });
  c = addProduct(c, sock, { lineId: 'l3', quantity: 2 });
  return applyPromotions(c, everydaySet(), context);
}

function sold(c: Cart): SalePayloadV1 {
  const total = cartTotals(c, store.vatRates).total;
  return buildSale(
    c,
    [cashTender('cash-1', total, [], total, store.cashRounding)],
    demoSaleContext({ completedAt: '2026-12-07T10:05:00.000Z' }, store),
  );
}

function forge(sale: SalePayloadV1, change: (d: SaleDiscount) => SaleDiscount): SalePayloadV1 {
  return { ...sale, discounts: sale.discounts.map(change) };
}

describe('promotions in the cart and the sale', () => {
  it('the cart carries each line’s discount with the promotion’s id and version, and the totals follow', () => {
    const c = cart();
    expect(c.promotions).toEqual([
      { lineId: 'l1', source: 'promotion', sourceId: 'tee-3-for-2', sourceVersion: 1, kind: 'percent', value: 10_000, amount: 1_000 },
      { lineId: 'l2', source: 'promotion', sourceId: 'shoes-20', sourceVersion: 1, kind: 'percent', value: 2_000, amount: 1_000 },
    ]);
    const totals = cartTotals(c, store.vatRates);
    expect(totals.promotionTotal).toBe(2_000);
    expect(totals.subtotal).toBe(3_000 + 5_000 + 600 - 2_000);
    expect(totals.total).toBe(6_600);
    expect(totals.lines.map((l) => l.net)).toEqual([2_000, 4_000, 600]);
  });

  it('a manual discount takes its line out of the promotions; the ticket discount comes after them', () => {
    const c = applyPromotions(setLineDiscount(cart(), 'l2', { kind: 'amount', amount: 500 }), everydaySet(), context);
    expect(c.promotions?.map((p) => p.lineId)).toEqual(['l1']);
    expect(cartTotals(c, store.vatRates).total).toBe(2_000 + 4_500 + 600);
    const withTicket = cartTotals({ ...cart(), cartDiscountBp: 1_000 }, store.vatRates);
    expect(withTicket.cartDiscount).toBe(660);
    expect(withTicket.total).toBe(6_600 - 660);
  });

  it('the sealed sale lists the promotions after the manual discounts, with categories, and verifies', () => {
    const sale = sold(cart());
    expect(sale.lines.map((l) => l.category)).toEqual(['tops', 'shoes', 'socks']);
    expect(sale.discounts.filter((d) => d.source === 'promotion').map((d) => [d.lineId, d.amount])).toEqual([
      ['l1', 1_000],
      ['l2', 1_000],
    ]);
    expect(sale.total).toBe(6_600);
    expect(validateSale(sale, store)).toEqual([]);
    expect(salePromotionProblems(sale, everydaySet(), salePricingContext(sale, store.timeZone))).toEqual([]);
    // The receipt says what each line's promotions took off, under the line.
    const text = receiptText(buildReceipt(unsignedSaleRecord(sale, 7), store, { width: 42, softwareVersion: '1.0' }));
    expect(text).toMatch(/Product tee[^\n]*\n[^\n]*3 x[^\n]*\n\s+Promotion\s+-10,00/);
    expect(text.match(/Promotion/g)).toHaveLength(2);
  });

  it('a forged amount is refused by the figures, and by the rules when the figures were forged too', () => {
    const sale = sold(cart());
    const more = forge(sale, (d) => (d.source === 'promotion' && d.lineId === 'l2' ? { ...d, amount: 2_000 } : d));
    expect(validateSale(more, store).map((p) => p.code)).toContain('line-figures');
    // The whole sale rebuilt around a larger discount: consistent figures, refused by the engine.
    const inflated = sold({ ...cart(), promotions: cart().promotions!.map((p) => (p.lineId === 'l2' ? { ...p, amount: 2_000 } : p)) });
    expect(validateSale(inflated, store)).toEqual([]);
    const problems = salePromotionProblems(inflated, everydaySet(), salePricingContext(inflated, store.timeZone));
    expect(problems.map((p) => p.code)).toEqual(['amount']);
  });

  it('an unknown promotion version, a discount not due and one left out are named', () => {
    const sale = sold(cart());
    const newer = compilePromotions(everydayPromotions().map((p) => (p.id === 'shoes-20' ? { ...p, version: 2 } : p)));
    expect(salePromotionProblems(sale, newer, salePricingContext(sale, store.timeZone)).map((p) => p.code)).toEqual([
      'unknown-promotion',
      'missing',
    ]);
    const socks = compilePromotions([
      ...everydayPromotions(),
      samplePromotion('socks-1', { type: 'amount-off', target: { categories: ['socks'] }, amount: 50 }),
    ]);
    expect(salePromotionProblems(sale, socks, salePricingContext(sale, store.timeZone)).map((p) => p.code)).toEqual(['missing']);
    const noShoes = compilePromotions(everydayPromotions().filter((p) => p.id !== 'shoes-20'));
    expect(salePromotionProblems(sale, noShoes, salePricingContext(sale, store.timeZone)).map((p) => p.code)).toEqual([
      'unknown-promotion',
    ]);
  });

  it('a promotion on a line with a manual discount, on no line, or twice is refused as a figure', () => {
    const sale = sold(setLineDiscount(cart(), 'l3', { kind: 'amount', amount: 10, approvalId: 'a1', approvedBy: 'staff-sophie' }));
    const promo = sale.discounts.find((d) => d.source === 'promotion')!;
    const onManual = { ...sale, discounts: [...sale.discounts, { ...promo, lineId: 'l3', amount: 0 }] };
    expect(validateSale(onManual, store).map((p) => p.code)).toContain('promotion');
    const nowhere = { ...sale, discounts: [...sale.discounts, { ...promo, lineId: 'l9', amount: 0 }] };
    expect(validateSale(nowhere, store).map((p) => p.code)).toContain('promotion');
    const twice = { ...sale, discounts: [...sale.discounts, { ...promo, amount: 0 }] };
    expect(validateSale(twice, store).map((p) => p.code)).toContain('promotion');
  });

  it('the order of scanning changes nothing', () => {
    let c = emptyCart('sale-promo-2', 'EUR', MONDAY_11H_PARIS);
    c = addProduct(c, sock, { lineId: 'l3', quantity: 2 });
    c = addProduct(c, shoes, { lineId: 'l2' });
    c = addProduct(c, tee, { lineId: 'l1', quantity: 3 });
    c = applyPromotions(c, everydaySet(), context);
    expect(cartTotals(c, store.vatRates).total).toBe(6_600);
    expect([...(c.promotions ?? [])].sort((a, b) => a.lineId.localeCompare(b.lineId))).toEqual(cart().promotions);
  });

  it('a members-only rule applies once a customer is attached, and the host’s context says so from the sale', () => {
    const members = compilePromotions([
      ...everydayPromotions(),
      samplePromotion(
        'members-socks',
        { type: 'amount-off', target: { categories: ['socks'] }, amount: 100 },
        { audience: { kind: 'members' } },
      ),
    ]);
    const anonymous = applyPromotions(cart(), members, context);
    expect(anonymous.promotions?.some((p) => p.sourceId === 'members-socks')).toBe(false);
    const member = applyPromotions(withCustomer(cart(), { id: 'cust-1', label: 'Ada' }), members, {
      ...context,
      customer: { member: true },
    });
    expect(member.promotions?.filter((p) => p.sourceId === 'members-socks').map((p) => p.amount)).toEqual([200]);
    const sale = sold(member);
    expect(sale.customerId).toBe('cust-1');
    expect(salePricingContext(sale, store.timeZone).customer).toEqual({ member: true });
    expect(salePromotionProblems(sale, members, salePricingContext(sale, store.timeZone))).toEqual([]);
    // The same lines sold without the customer: the members' discount is not due.
    const { customerId: _c, ...withoutCustomer } = sale;
    expect(salePromotionProblems(withoutCustomer, members, salePricingContext(withoutCustomer, store.timeZone)).map((p) => p.code)).toEqual(
      ['not-due'],
    );
  });
});
