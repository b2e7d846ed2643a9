import type { ApprovalRef } from '../approval/approval';
import type { Cart, CartLine } from '../cart/cart';
import { cartTotals, type LineTotals } from '../cart/totals';
import type { CashRounding } from '../money/cash-rounding';
import { paymentState } from '../payment/payment-state';
import type { Tender } from '../payment/tender';
import type { VatBreakdownRow } from '../tax/vat-breakdown';
import { findVatRate, vatRatesAt, type VatRate } from '../tax/vat-rate';

export type SaleLine = CartLine & LineTotals & { readonly rateBp: number };

/**
 * One sale = one document: everything needed to print, audit, sync and return it. Personal data
 * (a customer) is referenced by id only, so the sealed payload holds none.
 */
export type SalePayload = {
  readonly type: 'sale';
  readonly saleId: string;
  readonly storeId: string;
  readonly tillId: string;
  readonly staffId: string;
  readonly customerId?: string;
  readonly currency: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly lines: readonly SaleLine[];
  readonly cartDiscountBp?: number;
  readonly cartDiscountApproval?: ApprovalRef;
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly total: number;
  readonly cashRounding: number;
  readonly vat: readonly VatBreakdownRow[];
  readonly tenders: readonly Tender[];
  readonly change: number;
};

export type SaleContext = {
  readonly storeId: string;
  readonly tillId: string;
  readonly staffId: string;
  readonly customerId?: string;
  readonly completedAt: string;
  readonly vatRates: readonly VatRate[];
  readonly cashRounding: CashRounding;
};

export class SaleNotPaidError extends Error {
  constructor(readonly remaining: number) {
    super(`The sale is not fully paid (${remaining} left)`);
    this.name = 'SaleNotPaidError';
  }
}

export function buildSale(cart: Cart, tenders: readonly Tender[], ctx: SaleContext): SalePayload {
  if (cart.lines.length === 0) throw new Error('An empty cart cannot be sold');
  // The rates in force when the sale completes: the host and the hub check it with the same instant.
  const rates = vatRatesAt(ctx.vatRates, ctx.completedAt);
  const totals = cartTotals(cart, rates);
  const payment = paymentState(totals.total, tenders, ctx.cashRounding);
  if (!payment.complete) throw new SaleNotPaidError(payment.remaining);
  const lines: SaleLine[] = cart.lines.map((line, i) => {
    const lineTotals = totals.lines[i];
    if (!lineTotals) throw new Error('Totals out of step with the cart');
    return { ...line, ...lineTotals, rateBp: findVatRate(rates, line.vatRateId).rateBp };
  });
  return {
    type: 'sale',
    saleId: cart.id,
    storeId: ctx.storeId,
    tillId: ctx.tillId,
    staffId: ctx.staffId,
    ...(ctx.customerId ? { customerId: ctx.customerId } : {}),
    currency: cart.currency,
    startedAt: cart.startedAt,
    completedAt: ctx.completedAt,
    lines,
    ...(cart.cartDiscountBp ? { cartDiscountBp: cart.cartDiscountBp } : {}),
    ...(cart.cartDiscountBp && cart.cartDiscountApproval ? { cartDiscountApproval: cart.cartDiscountApproval } : {}),
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    total: totals.total,
    cashRounding: tenders.reduce((acc, t) => acc + (t.method === 'cash' ? t.rounding : 0), 0),
    vat: totals.vat,
    tenders,
    change: payment.change,
  };
}
