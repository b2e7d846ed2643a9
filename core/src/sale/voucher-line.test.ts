import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { demoSaleContext, saleAsVersion0 } from '../test-support/sample-sale';
import { TRAINING_SALE_SHAPE } from '../validation/sealed-shapes';
import { check } from '../validation/shape';
import { buildSale, SaleNotPaidError, type SaleContext, type SalePayloadV1 } from './sale';
import type { SaleProblem } from './sale-problems';
import { validateSale } from './validate-sale';
import { amountDue, voucherTotal, type SaleVoucher } from './voucher-line';

const store = demoStoreProfile();
const codes = (problems: readonly SaleProblem[]) => problems.map((p) => p.code);

const giftCard: SaleVoucher = { lineId: 'v1', cardKind: 'gift_card', operation: 'issue', amount: 5_000 };
const reload: SaleVoucher = { lineId: 'v2', cardKind: 'gift_card', operation: 'reload', amount: 2_000, cardId: 'card_abc' };

function cartWith(vouchers: readonly SaleVoucher[], goods = true): Cart {
  const cart = emptyCart('s1', 'EUR', '2026-11-22T09:00:00.000Z');
  return { ...(goods ? addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 }) : cart), vouchers };
}

function paid(cart: Cart, ctx: Partial<SaleContext> = {}, kind: 'sale' | 'return' = 'sale'): SalePayloadV1 {
  const due = amountDue({ kind, total: cartTotals(cart, store.vatRates).total, vouchers: cart.vouchers ?? [] });
  const tenders = due > 0 ? [cashTender('cash-1', due, [], due, store.cashRounding)] : [];
  return buildSale(cart, tenders, demoSaleContext(ctx, store));
}

describe('voucher lines (gift cards sold, store credit given)', () => {
  it('leave the goods total and the VAT breakdown alone, and add to what the tenders settle', () => {
    const goodsOnly = paid(cartWith([]));
    const sale = paid(cartWith([giftCard, reload]));
    expect(sale.total).toBe(goodsOnly.total);
    expect(sale.vat).toEqual(goodsOnly.vat);
    expect(sale.vouchers).toEqual([giftCard, reload]);
    expect(voucherTotal(sale)).toBe(7_000);
    expect(sale.tenders[0]!.amount).toBe(goodsOnly.total + 7_000);
    expect(validateSale(sale, store)).toEqual([]);
  });

  it('refuse to build a sale whose tenders pay only the goods', () => {
    const cart = cartWith([giftCard]);
    const goods = cartTotals(cart, store.vatRates).total;
    expect(() => buildSale(cart, [cashTender('c', goods, [], goods, store.cashRounding)], demoSaleContext({}, store))).toThrow(
      SaleNotPaidError,
    );
  });

  it('sell a gift card alone: no goods line, no VAT row, a total of nothing', () => {
    const sale = paid(cartWith([giftCard], false));
    expect(sale).toMatchObject({ lines: [], vat: [], total: 0 });
    expect(validateSale(sale, store)).toEqual([]);
    expect(codes(validateSale({ ...sale, vouchers: [] } as SalePayloadV1, store))).toContain('shape');
    const { vouchers: _v, ...bare } = sale;
    expect(codes(validateSale(bare, store))).toContain('shape');
  });

  it('are refused when forged: tenders short of them, a reload naming no card, a new card with an id, a line id twice', () => {
    const sale = paid(cartWith([giftCard]));
    expect(codes(validateSale({ ...sale, vouchers: [{ ...giftCard, amount: 6_000 }] }, store))).toContain('payment');
    const { cardId: _c, ...noCard } = reload;
    expect(codes(validateSale({ ...sale, vouchers: [noCard] }, store))).toContain('voucher');
    expect(codes(validateSale({ ...sale, vouchers: [{ ...giftCard, cardId: 'card_x' }] }, store))).toContain('voucher');
    expect(codes(validateSale({ ...sale, vouchers: [{ ...giftCard, lineId: 'l1' }] }, store))).toContain('shape');
    expect(codes(validateSale({ ...sale, vouchers: [{ ...giftCard, cardKind: 'store_credit' as const }] }, store))).toContain('voucher');
    expect(codes(validateSale({ ...sale, vouchers: [reload, { ...reload, lineId: 'v3', amount: 1 }] }, store))).toContain('voucher');
    expect(codes(validateSale({ ...sale, vouchers: [{ ...giftCard, code: '7KQ2-M9XD-4HTR-PZ3W-8NCA' } as SaleVoucher] }, store))).toContain(
      'shape',
    );
  });

  it('are never on the training chain', () => {
    const sale = paid(cartWith([giftCard]), { training: true });
    expect(check(TRAINING_SALE_SHAPE, sale, 'sale').length).toBeGreaterThan(0);
    expect(validateSale(sale, store).map((p) => p.code)).toContain('voucher');
  });

  it('give a return’s refund as store credit to its member, all of it or part, never more', () => {
    const credit: SaleVoucher = { lineId: 'sc', cardKind: 'store_credit', operation: 'issue', amount: 0 };
    const approval = { returnApproval: { approvalId: 'a1', approvedBy: 'staff-sophie' }, customerId: 'cust-1' };
    const goods = cartTotals(cartWith([]), store.vatRates).total;
    const whole = paid(cartWith([{ ...credit, amount: goods }]), approval, 'return');
    expect(whole).toMatchObject({ kind: 'return', tenders: [], total: goods });
    expect(validateSale(whole, store)).toEqual([]);
    const part = paid(cartWith([{ ...credit, amount: 100 }]), approval, 'return');
    expect(part.tenders[0]!.amount).toBe(goods - 100);
    expect(validateSale(part, store)).toEqual([]);
    expect(codes(validateSale({ ...whole, vouchers: [{ ...credit, amount: goods + 1 }] }, store))).toContain('voucher');
    const { customerId: _m, ...anonymous } = whole;
    expect(codes(validateSale(anonymous, store))).toContain('voucher');
    expect(codes(validateSale({ ...whole, vouchers: [giftCard] }, store))).toContain('voucher');
  });

  it('leave sales without them as they were, version 0 included', () => {
    const sale = paid(cartWith([]));
    expect(sale.vouchers).toBeUndefined();
    expect(amountDue(sale)).toBe(sale.total);
    expect(validateSale(saleAsVersion0(sale), store)).toEqual([]);
  });
});
