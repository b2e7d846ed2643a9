import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setCartDiscount, setLineDiscount, setQuantity } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { cashSale, demoSaleContext } from '../test-support/sample-sale';
import { buildSale } from './sale';
import type { ReturnChoiceError } from './sale-return';
import { returnableLines, returnCart } from './sale-return';
import { validateSale } from './validate-sale';

const store = demoStoreProfile();
const original = cashSale({ saleId: 'sold', products: [100, 100, 100, 205] });
const at = { id: 'back', startedAt: '2026-11-22T11:00:00.000Z' };

describe('a return of some lines of a sale', () => {
  it('lists what is left of each line after earlier returns', () => {
    const lines = returnableLines(original, [{ lineId: 'l0', quantity: 2 }]);
    expect(lines.map((l) => [l.line.lineId, l.sold, l.returned, l.left])).toEqual([
      ['l0', 3, 2, 1],
      ['l3', 1, 0, 1],
    ]);
  });

  it('builds a return that core accepts: the chosen lines at their price, with returnOf', () => {
    const { cart, returnOf } = returnCart(original, 'S001-T01-000001', [], new Map([['l0', 2]]), at);
    expect(returnOf).toEqual({ saleId: 'sold', receipt: 'S001-T01-000001', lines: [{ lineId: 'l0', quantity: 2 }] });
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(
      cart,
      [cashTender('cash', total, [], total, store.cashRounding)],
      demoSaleContext({ returnOf, completedAt: '2026-11-22T11:01:00.000Z' }),
    );
    expect(sale).toMatchObject({
      kind: 'return',
      returnOf,
      lines: [{ lineId: 'l0', quantity: 2, unitPrice: original.lines[0]!.unitPrice }],
    });
    const rules = { ...store, storeId: 'S001', tillId: 'T01', currency: 'EUR' };
    expect(validateSale(sale, rules, { sale: original, returned: new Map() })).toEqual([]);
    expect(validateSale(sale, rules, { sale: original, returned: new Map([['l0', 2]]) }).map((p) => p.code)).toEqual(['return']);
  });

  it('refuses more than is left, nothing at all, and an unknown line', () => {
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as ReturnChoiceError).reason;
      }
      return null;
    };
    expect(reason(() => returnCart(original, 'r', [{ lineId: 'l0', quantity: 2 }], new Map([['l0', 2]]), at))).toBe('too-many');
    expect(reason(() => returnCart(original, 'r', [], new Map([['l0', 0]]), at))).toBe('nothing');
    expect(reason(() => returnCart(original, 'r', [], new Map([['zz', 1]]), at))).toBe('unknown-line');
  });

  it('refunds a discounted line what was paid for it, pro rata, the last return taking the remainder', () => {
    const rules = { ...store, storeId: 'S001', tillId: 'T01', currency: 'EUR' };
    let cart = addProduct(emptyCart('disc', 'EUR', at.startedAt), demoProduct(100), { lineId: 'l0' });
    cart = setQuantity(cart, 'l0', 3);
    cart = setLineDiscount(cart, 'l0', { kind: 'amount', amount: 100, approvalId: 'a-1', approvedBy: 'staff-sophie' });
    cart = setCartDiscount(cart, 1000, { approvalId: 'a-2', approvedBy: 'staff-sophie' });
    const total = cartTotals(cart, store.vatRates).total;
    const sold = buildSale(cart, [cashTender('c', total, [], total, store.cashRounding)], demoSaleContext());
    const line = sold.lines[0]!;
    expect(returnableLines(sold, [])[0]).toMatchObject({ discounted: true, left: 3 });
    const back = (returned: { lineId: string; quantity: number }[], quantity: number) => {
      const built = returnCart(sold, 'r', returned, new Map([['l0', quantity]]), at);
      const due = cartTotals(built.cart, store.vatRates).total;
      return buildSale(built.cart, [cashTender('c', due, [], due, store.cashRounding)], demoSaleContext({ returnOf: built.returnOf }));
    };
    const first = back([], 1);
    const second = back([{ lineId: 'l0', quantity: 1 }], 2);
    // What the customer paid for the line (its 1 € off and its share of the 10 % off the ticket), split by units.
    expect(first.total).toBe(Math.floor(line.net / 3));
    expect(first.total + second.total).toBe(line.net);
    expect(validateSale(first, rules, { sale: sold, returned: new Map() })).toEqual([]);
    expect(validateSale(second, rules, { sale: sold, returned: new Map([['l0', 1]]) })).toEqual([]);
    // A cent more than was paid, or the full price, and the host refuses it against the original.
    const codes = (sale: typeof first) => validateSale(sale, rules, { sale: sold, returned: new Map() }).map((p) => p.code);
    const firstLine = first.lines[0]!;
    expect(codes({ ...first, lines: [{ ...firstLine, net: firstLine.net + 1 }] })).toContain('return');
    const { discount: _off, ...fullPrice } = firstLine;
    expect(codes({ ...first, lines: [{ ...fullPrice, lineDiscount: 0, net: line.unitPrice }] })).toContain('return');
  });

  it('without the receipt: a return needs an approval, is paid back in cash, and a sale never carries one', () => {
    const rules = { ...store, storeId: 'S001', tillId: 'T01', currency: 'EUR' };
    const cart = addProduct(emptyCart('nr', 'EUR', at.startedAt), demoProduct(100), { lineId: 'l0' });
    const total = cartTotals(cart, store.vatRates).total;
    const cash = [cashTender('c', total, [], total, store.cashRounding)];
    const returnApproval = { approvalId: 'a-1', approvedBy: 'staff-sophie' };
    const back = buildSale(cart, cash, demoSaleContext({ returnApproval }));
    expect(back).toMatchObject({ kind: 'return', returnApproval });
    expect(validateSale(back, rules)).toEqual([]);
    expect(validateSale({ ...back, returnApproval: undefined }, rules).map((p) => p.code)).toContain('return');
    const card = { id: 'k', method: 'card' as const, amount: total, status: 'approved' as const, attemptKey: 'k' };
    expect(validateSale(buildSale(cart, [card], demoSaleContext({ returnApproval })), rules).map((p) => p.code)).toContain('return');
    expect(validateSale({ ...back, kind: 'sale' as const }, rules).map((p) => p.code)).toContain('return');
  });
});
