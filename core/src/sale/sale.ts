import type { ApprovalRef } from '../approval/approval';
import type { Cart, CartLine, CartPromotion } from '../cart/cart';
import { cartTotals, type LineTotals } from '../cart/totals';
import type { CashRounding } from '../money/cash-rounding';
import { paymentState } from '../payment/payment-state';
import type { Tender } from '../payment/tender';
import type { SaleLoyalty } from '../loyalty/sale-loyalty';
import { loyaltyDiscountOf } from '../loyalty/loyalty-reward-discount';
import type { VatBreakdownRow } from '../tax/vat-breakdown';
import { businessDate } from '../time/business-date';
import { findVatRate, vatRatesAt, type VatRate } from '../tax/vat-rate';
import { amountDue, type SaleVoucher } from './voucher-line';

/** A line as sealed in a version 0 sale: the cart line (without a salesperson) and its figures. */
export type SaleLineV0 = Omit<CartLine, 'salespersonId' | 'service' | 'category'> & LineTotals & { readonly rateBp: number };

/**
 * A line of a version 1 sale: also who gets the credit for it (absent: nobody but the cashier).
 * Never `service`: the till decides the paper note with it before sealing, the sale format has no place for it.
 */
export type SaleLine = Omit<CartLine, 'service'> & LineTotals & { readonly rateBp: number };

/** The sale document version a payload carries in `v` (absent: version 0). */
export const SALE_VERSION = 1;

/** Where a discount comes from: `manual`, `promotion` and `coupon` are produced; `loyalty` comes with loyalty rewards. */
export const DISCOUNT_SOURCES = ['manual', 'promotion', 'coupon', 'loyalty'] as const;

export type DiscountSource = (typeof DISCOUNT_SOURCES)[number];

type DiscountFigures = {
  /** The line it applies to; absent for a discount of the whole ticket. */
  readonly lineId?: string;
  readonly kind: 'percent' | 'amount';
  /** Basis points for `percent`, minor units for `amount`: what was asked. */
  readonly value: number;
  /** What it took off, in minor units (a line's `lineDiscount`, or the ticket discount's shares summed). */
  readonly amount: number;
};

/**
 * Every discount of a version 1 sale with its source: a manual one with the approval the host
 * issued for it (a cashier within their own limit still gets an approval from the host), the
 * others with the id and version of the promotion, coupon or loyalty rule that gave it.
 */
export type SaleDiscount =
  | (DiscountFigures & { readonly source: 'manual'; readonly approvalId?: string; readonly approvedBy?: string })
  | (DiscountFigures & {
      readonly source: 'promotion' | 'coupon';
      readonly sourceId: string;
      readonly sourceVersion: number;
      /** A coupon's: the code presented (never personal data). */
      readonly couponCode?: string;
    })
  | (DiscountFigures & {
      /** A loyalty reward (loyalty/loyalty-reward-discount.ts): the program's id and version, the reward and the points reserved for it. */
      readonly source: 'loyalty';
      readonly sourceId: string;
      readonly sourceVersion: number;
      readonly rewardId: string;
      readonly reservationId: string;
      readonly points: number;
      /** A percent-off reward's cap, in minor units. */
      readonly maxAmount?: number;
    });

/** What a return gives back: the original sale, its receipt code, and which of its lines in what quantities. */
export type ReturnOf = {
  readonly saleId: string;
  readonly receipt: string;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
};

/** The channel a sale was made through: the till is `store`; others come later. */
export type SaleChannel = 'store';

/** The fields common to every version of the sale document. */
type SaleCommon = {
  readonly type: 'sale';
  readonly saleId: string;
  readonly storeId: string;
  readonly tillId: string;
  readonly staffId: string;
  readonly customerId?: string;
  readonly currency: string;
  readonly startedAt: string;
  readonly completedAt: string;
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

/** Version 0: every sale sealed before version 1 (no `v`). Still read, verified and projected. */
export type SalePayloadV0 = SaleCommon & { readonly v?: undefined; readonly lines: readonly SaleLineV0[] };

/**
 * Version 1 (`v: 1`). A return (`kind: 'return'`) carries positive figures like a sale: its kind
 * tells the sign (goods come back, money goes out). `businessDate` is the store's business day of
 * `completedAt`; `sessionId` the cash session, absent while there are none; `training` marks a
 * sale of training mode, never counted anywhere.
 */
export type SalePayloadV1 = SaleCommon & {
  readonly v: typeof SALE_VERSION;
  readonly kind: 'sale' | 'return';
  readonly returnOf?: ReturnOf;
  /** A return without the original's receipt: a manager's approval of it (`sale.refund`), refunded in cash. */
  readonly returnApproval?: ApprovalRef;
  readonly businessDate: string;
  readonly sessionId?: string;
  readonly channel: SaleChannel;
  readonly lines: readonly SaleLine[];
  readonly discounts: readonly SaleDiscount[];
  /**
   * Gift cards sold or reloaded (a sale), store credit given (a return): outside `lines`, `total`
   * and the VAT breakdown (multi-purpose vouchers, never revenue); the tenders settle amountDue.
   */
  readonly vouchers?: readonly SaleVoucher[];
  readonly training?: true;
  /** Points its member earns (loyalty/sale-loyalty.ts): the earn entry, sealed, applied once by the hub. */
  readonly loyalty?: SaleLoyalty;
};

/**
 * One sale = one document: everything needed to print, audit, sync and return it. Personal data
 * (a customer) is referenced by id only, so the sealed payload holds none. Sealed payloads are
 * never rewritten: a version 0 sale stays version 0 forever.
 */
export type SalePayload = SalePayloadV0 | SalePayloadV1;

export function isSaleV1(sale: SalePayload): sale is SalePayloadV1 {
  return sale.v === SALE_VERSION;
}

/** A sale's kind: version 0 sales are all sales. */
export function saleKind(sale: SalePayload): 'sale' | 'return' {
  return isSaleV1(sale) ? sale.kind : 'sale';
}

export type SaleContext = {
  readonly storeId: string;
  readonly tillId: string;
  readonly staffId: string;
  readonly customerId?: string;
  readonly completedAt: string;
  readonly vatRates: readonly VatRate[];
  readonly cashRounding: CashRounding;
  /** The store's zone and the hour its business day starts (0 when unset): they give `businessDate`. */
  readonly timeZone: string;
  readonly dayStartHour?: number;
  /** The open cash session, if any. */
  readonly sessionId?: string;
  readonly training?: boolean;
  /** Set for a return: the sale it gives back and which lines. */
  readonly returnOf?: ReturnOf;
  /** Set for a return without the receipt (no `returnOf`): the manager's approval of it. */
  readonly returnApproval?: ApprovalRef;
};

export class SaleNotPaidError extends Error {
  constructor(readonly remaining: number) {
    super(`The sale is not fully paid (${remaining} left)`);
    this.name = 'SaleNotPaidError';
  }
}

function approvalOf(ref: Partial<ApprovalRef> | undefined): { approvalId?: string; approvedBy?: string } {
  return { ...(ref?.approvalId ? { approvalId: ref.approvalId } : {}), ...(ref?.approvedBy ? { approvedBy: ref.approvedBy } : {}) };
}

/**
 * The manual discounts the lines and the ticket carry, in line order then the ticket's: what a
 * version 1 sale's `discounts` must hold (the host and the hub compare them).
 */
export function manualDiscounts(sale: Pick<SalePayloadV1, 'lines' | 'cartDiscountBp' | 'cartDiscountApproval'>): SaleDiscount[] {
  const discounts: SaleDiscount[] = [];
  for (const line of sale.lines) {
    if (!line.discount) continue;
    const value = line.discount.kind === 'percent' ? line.discount.bp : line.discount.amount;
    discounts.push({
      source: 'manual',
      ...approvalOf(line.discount),
      lineId: line.lineId,
      kind: line.discount.kind,
      value,
      amount: line.lineDiscount,
    });
  }
  if (sale.cartDiscountBp) {
    const amount = sale.lines.reduce((acc, l) => acc + l.cartDiscountShare, 0);
    discounts.push({ source: 'manual', ...approvalOf(sale.cartDiscountApproval), kind: 'percent', value: sale.cartDiscountBp, amount });
  }
  return discounts;
}

/**
 * The promotions' discounts as a sale records them, after the manual ones: one per line and
 * promotion (a cart rule's share on each line too, so every line's figures can be checked), in
 * line order, each naming the promotion's id and version.
 */
export function promotionDiscounts(promotions: readonly CartPromotion[]): SaleDiscount[] {
  return promotions.map((p) => ({
    source: p.source,
    sourceId: p.sourceId,
    sourceVersion: p.sourceVersion,
    lineId: p.lineId,
    kind: p.kind,
    value: p.value,
    amount: p.amount,
    ...(p.couponCode !== undefined ? { couponCode: p.couponCode } : {}),
  }));
}

/** A sale's promotion and coupon discounts back in the cart's form (those without a line are left out: none is made). */
export function salePromotions(sale: Pick<SalePayloadV1, 'discounts'>): CartPromotion[] {
  const found: CartPromotion[] = [];
  for (const d of sale.discounts) {
    if ((d.source === 'promotion' || d.source === 'coupon') && d.lineId !== undefined) {
      const { source, sourceId, sourceVersion, lineId, kind, value, amount, couponCode } = d;
      found.push({ lineId, source, sourceId, sourceVersion, kind, value, amount, ...(couponCode !== undefined ? { couponCode } : {}) });
    }
  }
  return found;
}

/** The store's business day ("2026-03-29") a sale completed at `completedAt` belongs to (day start 0 when unset). */
export function saleBusinessDate(completedAt: string, store: { readonly timeZone: string; readonly dayStartHour?: number }): string {
  return businessDate(completedAt, { timeZone: store.timeZone, dayStartHour: store.dayStartHour ?? 0 });
}

/** A sale (or, with `ctx.returnOf` or `ctx.returnApproval`, a return) of version 1 from a paid cart. */
export function buildSale(cart: Cart, tenders: readonly Tender[], ctx: SaleContext): SalePayloadV1 {
  if (cart.lines.length === 0 && !cart.vouchers?.length) throw new Error('An empty cart cannot be sold');
  // The rates in force when the sale completes: the host and the hub check it with the same instant.
  const rates = vatRatesAt(ctx.vatRates, ctx.completedAt);
  const totals = cartTotals(cart, rates);
  const kind = ctx.returnOf || ctx.returnApproval ? 'return' : 'sale';
  const vouchers = cart.vouchers?.length ? { vouchers: cart.vouchers } : {};
  const payment = paymentState(amountDue({ kind, total: totals.total, ...vouchers }), tenders, ctx.cashRounding);
  if (!payment.complete) throw new SaleNotPaidError(payment.remaining);
  const lines: SaleLine[] = cart.lines.map((line, i) => {
    const lineTotals = totals.lines[i];
    if (!lineTotals) throw new Error('Totals out of step with the cart');
    const { service: _service, ...sold } = line;
    return { ...sold, ...lineTotals, rateBp: findVatRate(rates, line.vatRateId).rateBp };
  });
  const cartDiscount = {
    ...(cart.cartDiscountBp ? { cartDiscountBp: cart.cartDiscountBp } : {}),
    ...(cart.cartDiscountBp && cart.cartDiscountApproval ? { cartDiscountApproval: cart.cartDiscountApproval } : {}),
  };
  return {
    v: SALE_VERSION,
    type: 'sale',
    kind,
    ...(ctx.returnOf ? { returnOf: ctx.returnOf } : {}),
    ...(!ctx.returnOf && ctx.returnApproval ? { returnApproval: ctx.returnApproval } : {}),
    saleId: cart.id,
    storeId: ctx.storeId,
    tillId: ctx.tillId,
    staffId: ctx.staffId,
    ...(ctx.customerId ? { customerId: ctx.customerId } : cart.customer ? { customerId: cart.customer.id } : {}),
    channel: 'store',
    businessDate: saleBusinessDate(ctx.completedAt, ctx),
    ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}),
    currency: cart.currency,
    startedAt: cart.startedAt,
    completedAt: ctx.completedAt,
    lines,
    ...cartDiscount,
    discounts: [
      ...manualDiscounts({ lines, ...cartDiscount }),
      ...promotionDiscounts(cart.promotions ?? []),
      ...(cart.reward ? [loyaltyDiscountOf(cart.reward, totals.rewardTotal)] : []),
    ],
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    total: totals.total,
    cashRounding: tenders.reduce((acc, t) => acc + (t.method === 'cash' ? t.rounding : 0), 0),
    vat: totals.vat,
    ...vouchers,
    tenders,
    change: payment.change,
    ...(ctx.training ? { training: true as const } : {}),
  };
}
