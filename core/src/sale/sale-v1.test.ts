import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setCartDiscount, setLineDiscount, setLineSalesperson, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { receiptNumber, saleReceiptNumber } from '../receipt/receipt-model';
import { demoSaleContext, saleAsVersion0, unsignedSaleRecord } from '../test-support/sample-sale';
import { SALE_SHAPE } from '../validation/sealed-shapes';
import { check } from '../validation/shape';
import { buildSale, saleKind, type SaleContext, type SaleDiscount, type SalePayloadV1 } from './sale';
import type { SaleProblem } from './sale-problems';
import { returnProblems, validateSale } from './validate-sale';

const store = demoStoreProfile();
const words = (problems: readonly SaleProblem[]) => problems.map((p) => p.message).join('; ');
const codes = (problems: readonly SaleProblem[]) => problems.map((p) => p.code);

function cartOf(id: string): Cart {
  let cart = emptyCart(id, 'EUR', '2026-11-22T09:00:00.000Z');
  cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 3 });
  cart = addProduct(cart, demoProduct(205), { lineId: 'l2' });
  return cart;
}

function paid(cart: Cart, ctx: Partial<SaleContext> = {}): SalePayloadV1 {
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(cart, [cashTender('cash-1', total, [], total, store.cashRounding)], demoSaleContext(ctx, store));
}

describe('the sale document, version 1', () => {
  it('is built with its version, kind, channel, business date, discounts with their source and salespeople', () => {
    let cart = setLineDiscount(cartOf('s1'), 'l1', { kind: 'percent', bp: 1000, approvalId: 'a1', approvedBy: 'staff-sophie' });
    cart = setCartDiscount(cart, 500, { approvalId: 'a2', approvedBy: 'staff-sophie' });
    cart = setLineSalesperson(cart, 'l2', 'staff-hugo');
    const sale = paid(cart, { sessionId: 'session-1' });
    expect(sale).toMatchObject({ v: 1, kind: 'sale', channel: 'store', businessDate: '2026-11-22', sessionId: 'session-1' });
    expect(sale.returnOf).toBeUndefined();
    expect(sale.training).toBeUndefined();
    expect(sale.lines.map((l) => l.salespersonId)).toEqual([undefined, 'staff-hugo']);
    expect(sale.discounts).toEqual([
      {
        source: 'manual',
        approvalId: 'a1',
        approvedBy: 'staff-sophie',
        lineId: 'l1',
        kind: 'percent',
        value: 1000,
        amount: sale.lines[0]!.lineDiscount,
      },
      {
        source: 'manual',
        approvalId: 'a2',
        approvedBy: 'staff-sophie',
        kind: 'percent',
        value: 500,
        amount: sale.lines.reduce((acc, l) => acc + l.cartDiscountShare, 0),
      },
    ]);
    expect(sale.discounts.reduce((acc, d) => acc + d.amount, 0)).toBe(sale.discountTotal);
    expect(validateSale(sale, store)).toEqual([]);
    expect(validateSale(paid(cartOf('s2'), { training: true }), store)).toEqual([]);
    expect(paid(cartOf('s2'), { training: true }).training).toBe(true);
  });

  it('dates a sale by the store’s business day: its zone and the hour its day starts', () => {
    // 01:30 in Paris on 23 November: still the 22nd for a store whose day starts at 04:00.
    const late = { completedAt: '2026-11-23T00:30:00.000Z' };
    expect(paid(cartOf('s1'), late).businessDate).toBe('2026-11-23');
    const nightStore = { ...store, dayStartHour: 4 };
    const sale = paid(cartOf('s1'), { ...late, dayStartHour: 4 });
    expect(sale.businessDate).toBe('2026-11-22');
    expect(validateSale(sale, nightStore)).toEqual([]);
    // The host and the hub recompute it: a date of another day is refused.
    expect(codes(validateSale(sale, store))).toEqual(['time']);
    expect(words(validateSale({ ...sale, businessDate: '2026-11-21' }, nightStore))).toMatch(
      /business date 2026-11-21 where .* 2026-11-22/,
    );
    // Rules without a zone (none known) do not judge the date.
    const { timeZone: _z, ...zoneless } = store;
    expect(validateSale({ ...sale, businessDate: '2026-11-21' }, zoneless)).toEqual([]);
  });

  it('refuses discounts that are not those the lines and the ticket carry, and sources not produced yet', () => {
    const cart = setLineDiscount(cartOf('s1'), 'l1', { kind: 'amount', amount: 50, approvalId: 'a1', approvedBy: 'staff-sophie' });
    const sale = paid(cart);
    expect(validateSale(sale, store)).toEqual([]);
    expect(words(validateSale({ ...sale, discounts: [] }, store))).toMatch(/discounts differ/);
    const approvedByAnother = { ...sale.discounts[0]!, approvedBy: 'staff-hugo' } as SaleDiscount;
    expect(words(validateSale({ ...sale, discounts: [approvedByAnother] }, store))).toMatch(/discounts differ/);
    const promotion = { source: 'promotion', sourceId: 'promo-1', sourceVersion: 3, kind: 'amount', value: 50, amount: 50 } as const;
    expect(words(validateSale({ ...sale, discounts: [...sale.discounts, promotion] }, store))).toMatch(/discounts differ/);
    // The shape knows them (id and version), so only the rule refuses them today.
    expect(check(SALE_SHAPE, { ...sale, discounts: [promotion] }, 'sale')).toEqual([]);
    expect(check(SALE_SHAPE, { ...sale, discounts: [{ ...promotion, sourceId: undefined }] }, 'sale')).toEqual([
      'sale.discounts[0].sourceId is missing',
    ]);
  });

  it('keeps version 0 sales valid as they were sealed, and refuses version 1 fields on them', () => {
    const v1 = paid(setLineSalesperson(cartOf('s1'), 'l1', 'staff-hugo'));
    const v0 = saleAsVersion0(v1);
    expect(Object.keys(v0)).not.toContain('v');
    expect(saleKind(v0)).toBe('sale');
    expect(validateSale(v0, store)).toEqual([]);
    expect(check(SALE_SHAPE, { ...v0, channel: 'store' }, 'sale')).toEqual(['sale.channel is not a known field']);
    expect(check(SALE_SHAPE, { ...v0, lines: [{ ...v0.lines[0]!, salespersonId: 'staff-hugo' }, v0.lines[1]] }, 'sale')).toEqual([
      'sale.lines[0].salespersonId is not a known field',
    ]);
    expect(check(SALE_SHAPE, { ...v1, v: 2 }, 'sale')).toEqual(['sale.v must be one of 1, or absent']);
    // A version 1 sale stripped of its version is a version 0 sale with unknown fields: refused.
    const { v: _v, ...unversioned } = v1;
    expect(check(SALE_SHAPE, unversioned, 'sale')).toContain('sale.kind is not a known field');
  });

  it('bounds every version 1 field and refuses any other', () => {
    const sale = paid(cartOf('s1'));
    const shape = (value: unknown) => check(SALE_SHAPE, value, 'sale').join('; ');
    expect(shape({ ...sale, loyaltyEmail: 'jane@example.com' })).toMatch(/sale.loyaltyEmail is not a known field/);
    expect(shape({ ...sale, kind: 'exchange' })).toMatch(/sale.kind must be one of sale, return/);
    expect(shape({ ...sale, channel: 'web' })).toMatch(/sale.channel must be one of store/);
    expect(shape({ ...sale, businessDate: '22/11/2026' })).toMatch(/sale.businessDate must be a date as YYYY-MM-DD/);
    expect(shape({ ...sale, businessDate: `2026-11-22${'x'.repeat(1000)}` })).toMatch(/businessDate must be a date/);
    expect(shape({ ...sale, sessionId: 's'.repeat(65) })).toMatch(/sale.sessionId must be text of 1 to 64/);
    expect(shape({ ...sale, training: false })).toMatch(/sale.training must be true/);
    expect(shape({ ...sale, lines: [{ ...sale.lines[0]!, salespersonId: 'p'.repeat(65) }] })).toMatch(/salespersonId must be text/);
    const discount = { source: 'manual', kind: 'amount', value: 1, amount: 1 } as const;
    expect(shape({ ...sale, discounts: Array.from({ length: 1001 }, () => discount) })).toMatch(
      /sale.discounts must be a list of 0 to 1000/,
    );
    expect(shape({ ...sale, discounts: [{ ...discount, note: 'x' }] })).toMatch(/discounts\[0\].note is not a known field/);
    expect(shape({ ...sale, discounts: [{ ...discount, source: 'friend' }] })).toMatch(
      /source must be one of manual, promotion, coupon, loyalty/,
    );
    const returnOf = { saleId: 's0', receipt: 'S001-T01-000001', lines: [{ lineId: 'l1', quantity: 1 }] };
    expect(shape({ ...sale, returnOf: { ...returnOf, receipt: 'r'.repeat(65) } })).toMatch(/returnOf.receipt must be text/);
    expect(
      shape({ ...sale, returnOf: { ...returnOf, lines: Array.from({ length: 501 }, (_, i) => ({ lineId: `l${i}`, quantity: 1 })) } }),
    ).toMatch(/returnOf.lines must be a list of 1 to 500/);
    expect(shape({ ...sale, returnOf: { ...returnOf, lines: [{ lineId: 'l1', quantity: -1 }] } })).toMatch(
      /quantity must be a whole number from 1/,
    );
    expect(shape({ ...sale, returnOf: { ...returnOf, customer: 'Mme Martin' } })).toMatch(/returnOf.customer is not a known field/);
  });

  it('builds a return with positive figures, its kind telling the sign, of the lines it lists', () => {
    const original = paid(cartOf('s1'));
    const returnOf = { saleId: 's1', receipt: 'S001-T01-000001', lines: [{ lineId: 'l1', quantity: 2 }] };
    let cart = emptyCart('r1', 'EUR', '2026-11-23T09:00:00.000Z');
    cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
    const back = paid(cart, { returnOf, completedAt: '2026-11-23T09:01:00.000Z' });
    expect(back).toMatchObject({ kind: 'return', returnOf, businessDate: '2026-11-23' });
    expect(back.total).toBeGreaterThan(0);
    expect(back.lines[0]!.quantity).toBe(2);
    expect(validateSale(back, store)).toEqual([]);
    expect(validateSale(back, store, { sale: original, returned: new Map() })).toEqual([]);
    // Without its original, or with lines it does not list.
    const { returnOf: _r, ...orphan } = back;
    expect(words(validateSale(orphan, store))).toMatch(/a return names no original sale/);
    expect(words(validateSale({ ...original, returnOf }, store))).toMatch(/a sale names a sale it returns/);
    expect(words(validateSale({ ...back, returnOf: { ...returnOf, lines: [{ lineId: 'l1', quantity: 1 }] } }, store))).toMatch(
      /line 1: 2 of l1 where the original lines listed say 1/,
    );
  });

  it('never gives back more than the original sold, earlier returns counted', () => {
    const original = paid(cartOf('s1'));
    const returnOf = { saleId: 's1', receipt: 'S001-T01-000001', lines: [{ lineId: 'l1', quantity: 2 }] };
    let cart = emptyCart('r1', 'EUR', '2026-11-23T09:00:00.000Z');
    cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
    const back = paid(cart, { returnOf });
    expect(returnProblems(back, { sale: original, returned: new Map([['l1', 1]]) })).toEqual([]);
    expect(words(returnProblems(back, { sale: original, returned: new Map([['l1', 2]]) }))).toMatch(
      /line 1: 2 back where 3 were sold and 2 already returned/,
    );
    // Another product, another price, a line the original never had, a return of a return.
    const other = { ...back, lines: [{ ...back.lines[0]!, productId: 'p-other', unitPrice: 1 }] };
    expect(words(returnProblems(other, { sale: original, returned: new Map() }))).toMatch(/productId p-other .* unitPrice 1/);
    const ghost = {
      ...back,
      lines: [{ ...back.lines[0]!, lineId: 'l9' }],
      returnOf: { ...returnOf, lines: [{ lineId: 'l9', quantity: 2 }] },
    };
    expect(words(returnProblems(ghost, { sale: original, returned: new Map() }))).toMatch(/s1 has no line l9/);
    expect(codes(validateSale(back, store, { sale: { ...back, saleId: 's1' }, returned: new Map() }))).toContain('return');
    expect(words(returnProblems(back, { sale: { ...original, saleId: 's2' }, returned: new Map() }))).toMatch(/the original given is s2/);
  });

  it('codes a receipt with its store from version 1 on; a version 0 receipt keeps the code it was printed with', () => {
    const v1 = paid(cartOf('s1'));
    expect(saleReceiptNumber(unsignedSaleRecord(v1, 42))).toBe('S001-T01-000042');
    expect(saleReceiptNumber(unsignedSaleRecord(saleAsVersion0(v1), 42))).toBe('T01-000042');
    expect(receiptNumber('T01', 42, 'S001')).toBe('S001-T01-000042');
  });
});
