import type { Cart, CartLine } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { paymentState } from '../payment/payment-state';
import type { EventPayload } from '../fiscal/events';
import type { StoreProfile } from '../store/store-profile';
import { SALE_SHAPE, VOID_SHAPE } from '../validation/sealed-shapes';
import { check } from '../validation/shape';
import type { SalePayload } from './sale';

/**
 * The till host re-checks a sale before sealing it forever: the figures must be the ones `core`
 * computes from the lines, the payment complete, and the sale must belong to this store and till.
 * Returns the problems found (empty when the sale is sound).
 */
export function validateSale(sale: SalePayload, store: StoreProfile): string[] {
  const shapeProblems = check(SALE_SHAPE, sale, 'sale');
  if (shapeProblems.length > 0) return shapeProblems.slice(0, 20);
  const problems: string[] = [];
  if (sale.storeId !== store.storeId) problems.push(`store ${sale.storeId} is not this till's store`);
  if (sale.tillId !== store.tillId) problems.push(`till ${sale.tillId} is not this till`);
  if (sale.currency !== store.currency) problems.push(`currency ${sale.currency} is not the store's`);
  for (const [i, line] of sale.lines.entries()) {
    if (!store.vatRates.some((r) => r.id === line.vatRateId)) problems.push(`line ${i + 1}: unknown VAT rate ${line.vatRateId}`);
  }
  if (problems.length > 0) return problems;
  const cart: Cart = {
    id: sale.saleId,
    currency: sale.currency,
    startedAt: sale.startedAt,
    lines: sale.lines.map((l): CartLine => {
      const { gross: _g, lineDiscount: _d, cartDiscountShare: _c, net: _n, rateBp: _r, ...line } = l;
      return line;
    }),
    ...(sale.cartDiscountBp ? { cartDiscountBp: sale.cartDiscountBp } : {}),
  };
  let totals;
  try {
    totals = cartTotals(cart, store.vatRates);
  } catch (error) {
    return [`lines cannot be totalled: ${(error as Error).message}`];
  }
  if (totals.total !== sale.total) problems.push(`total ${sale.total} differs from the lines (${totals.total})`);
  if (totals.subtotal !== sale.subtotal) problems.push('subtotal differs from the lines');
  if (totals.discountTotal !== sale.discountTotal) problems.push('discount total differs from the lines');
  for (const [i, l] of totals.lines.entries()) {
    const line = sale.lines[i];
    if (line && line.net !== l.net) problems.push(`line ${i + 1}: net ${line.net} differs from ${l.net}`);
  }
  if (JSON.stringify(totals.vat) !== JSON.stringify(sale.vat)) problems.push('VAT breakdown differs from the lines');
  const payment = paymentState(sale.total, sale.tenders, store.cashRounding);
  if (!payment.complete) problems.push(`payment incomplete (${payment.remaining} left)`);
  if (payment.change !== sale.change) problems.push('change differs from the tenders');
  return problems;
}

/** A void the renderer asks to seal: well-formed, by the signed-in staff member, in the store's currency. */
export function validateVoid(event: EventPayload, staffId: string, store: StoreProfile): string[] {
  const problems = check(VOID_SHAPE, event, 'event');
  if (problems.length > 0) return problems.slice(0, 20);
  if (event.type !== 'sale.void') return ['not a void'];
  if (event.staffId !== staffId) problems.push('the void is not by the signed-in staff member');
  if (event.currency !== store.currency) problems.push(`currency ${event.currency} is not the store's`);
  if (event.lines.length !== event.lineCount) problems.push('lineCount differs from the lines');
  return problems;
}
