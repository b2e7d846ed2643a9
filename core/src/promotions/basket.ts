import type { CartLine } from '../cart/cart';
import { lineGross } from '../cart/totals';
import { SALE_LIMITS } from '../validation/sealed-shapes';
import type { PromotionChannel } from './promotion';

/** A line as the promotions engine sees it: what it is (product, category, brand) and what it costs. */
export type BasketLine = {
  readonly lineId: string;
  readonly productId: string;
  readonly category: string;
  readonly brand?: string;
  readonly measure: 'unit' | 'weight';
  /** VAT-inclusive, minor units, per piece or per kg. */
  readonly unitPrice: number;
  /** Pieces for 'unit', grams for 'weight'; zero or less: a line given back in an exchange, never promoted. */
  readonly quantity: number;
  /** Before any discount, as core's lineGross computes it. */
  readonly gross: number;
};

export type Basket = { readonly currency: string; readonly lines: readonly BasketLine[] };

/** The customer as the engine needs them: a member of the loyalty program or not, and their tier. */
export type PricingCustomer = { readonly member: boolean; readonly tier?: string };

export type PricingContext = {
  /** The ISO instant the basket is priced at (the sale's start at the till, the request's time on the web). */
  readonly at: string;
  /** The store's IANA zone: days and hours of a promotion are the store's. */
  readonly timeZone: string;
  readonly storeId: string;
  readonly channel: PromotionChannel;
  readonly customer?: PricingCustomer;
  /** The codes presented, in any case. */
  readonly couponCodes?: readonly string[];
};

export const BASKET_LIMITS = { maxLines: SALE_LIMITS.maxLines, maxCoupons: 20 } as const;

/** The basket line of a cart line, its gross computed as the cart computes it. */
export function basketLine(line: CartLine, product: { readonly category: string; readonly brand?: string }): BasketLine {
  return {
    lineId: line.lineId,
    productId: line.productId,
    category: product.category,
    ...(product.brand !== undefined ? { brand: product.brand } : {}),
    measure: line.measure,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    gross: lineGross(line),
  };
}

function isAmount(n: number): boolean {
  return Number.isSafeInteger(n) && Math.abs(n) <= 1_000_000_000_000;
}

/**
 * Refuses (RangeError) a basket the engine cannot price honestly: too many lines or coupons, a line id
 * twice, amounts that are not whole minor units. Inputs from the web are shaped before they get here.
 */
export function assertBasket(basket: Basket, context: PricingContext): void {
  if (basket.lines.length > BASKET_LIMITS.maxLines) throw new RangeError(`A basket holds at most ${BASKET_LIMITS.maxLines} lines`);
  if ((context.couponCodes?.length ?? 0) > BASKET_LIMITS.maxCoupons) {
    throw new RangeError(`At most ${BASKET_LIMITS.maxCoupons} coupon codes a basket`);
  }
  if (Number.isNaN(Date.parse(context.at))) throw new RangeError(`Not an ISO instant: ${context.at}`);
  const ids = new Set<string>();
  for (const line of basket.lines) {
    if (ids.has(line.lineId)) throw new RangeError(`Line ${line.lineId} is in the basket twice`);
    ids.add(line.lineId);
    if (!isAmount(line.unitPrice) || !isAmount(line.gross) || !Number.isSafeInteger(line.quantity) || line.unitPrice < 0) {
      throw new RangeError(`Line ${line.lineId} has amounts that are not whole minor units`);
    }
  }
}
