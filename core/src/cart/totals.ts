import { allocateByWeight } from '../money/allocate';
import { divideRoundHalfAwayFromZero, percentOf } from '../money/money';
import { vatBreakdown, type VatBreakdownRow } from '../tax/vat-breakdown';
import type { VatRate } from '../tax/vat-rate';
import type { Cart, CartLine } from './cart';

export type LineTotals = {
  readonly lineId: string;
  /** Before any discount. */
  readonly gross: number;
  readonly lineDiscount: number;
  /** This line's share of the cart discount. */
  readonly cartDiscountShare: number;
  /** What the customer pays for this line: gross − line discount − cart discount share. */
  readonly net: number;
};

export type CartTotals = {
  readonly currency: string;
  readonly lines: readonly LineTotals[];
  /** Sum of line amounts after line discounts, before the cart discount. */
  readonly subtotal: number;
  readonly cartDiscount: number;
  readonly discountTotal: number;
  readonly total: number;
  readonly vat: readonly VatBreakdownRow[];
  readonly itemCount: number;
};

export function lineGross(line: CartLine): number {
  if (line.labelAmount !== undefined) return line.labelAmount;
  if (line.measure === 'weight') return divideRoundHalfAwayFromZero(line.unitPrice * line.quantity, 1000);
  return line.unitPrice * line.quantity;
}

export function lineDiscountAmount(line: CartLine, gross: number): number {
  if (!line.discount) return 0;
  const amount = line.discount.kind === 'percent' ? percentOf(gross, line.discount.bp) : line.discount.amount;
  return Math.min(amount, gross);
}

/**
 * Rules (documented in docs/money-and-vat.md):
 * 1. A line's gross is unit price × quantity (weighed: × grams / 1000, rounded half away from zero;
 *    a price-labelled item: the label amount).
 * 2. A line discount is rounded on the line and never exceeds it.
 * 3. The cart discount is rounded once on the subtotal and allocated across lines in proportion to
 *    their discounted amounts (largest remainder, ties by line id), so every line knows its net.
 * 4. VAT is computed per rate from the rate's inclusive total (see vat-breakdown.ts).
 * Hence: total = Σ line nets = Σ (base + VAT) per rate, whatever the order of the lines.
 */
export function cartTotals(cart: Cart, rates: readonly VatRate[]): CartTotals {
  const afterLine = cart.lines.map((line) => {
    const gross = lineGross(line);
    const lineDiscount = lineDiscountAmount(line, gross);
    return { line, gross, lineDiscount, discounted: gross - lineDiscount };
  });
  const subtotal = afterLine.reduce((acc, l) => acc + l.discounted, 0);
  const cartDiscount = cart.cartDiscountBp ? percentOf(subtotal, cart.cartDiscountBp) : 0;
  const shares = allocateByWeight(
    cartDiscount,
    afterLine.map((l) => ({ key: l.line.lineId, weight: l.discounted })),
  );
  const lines: LineTotals[] = afterLine.map((l) => {
    const cartDiscountShare = shares.get(l.line.lineId) ?? 0;
    return {
      lineId: l.line.lineId,
      gross: l.gross,
      lineDiscount: l.lineDiscount,
      cartDiscountShare,
      net: l.discounted - cartDiscountShare,
    };
  });
  const total = lines.reduce((acc, l) => acc + l.net, 0);
  const vat = vatBreakdown(
    rates,
    cart.lines.map((line, i) => ({ vatRateId: line.vatRateId, inclusive: lines[i]?.net ?? 0 })),
  );
  return {
    currency: cart.currency,
    lines,
    subtotal,
    cartDiscount,
    discountTotal: lines.reduce((acc, l) => acc + l.lineDiscount + l.cartDiscountShare, 0),
    total,
    vat,
    itemCount: cart.lines.reduce((acc, l) => acc + (l.measure === 'unit' && l.labelAmount === undefined ? l.quantity : 1), 0),
  };
}
