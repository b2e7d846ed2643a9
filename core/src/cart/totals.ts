import { allocateByWeight } from '../money/allocate';
import { divideRoundHalfAwayFromZero, percentOf } from '../money/money';
import { vatBreakdown, type VatBreakdownRow } from '../tax/vat-breakdown';
import type { VatRate } from '../tax/vat-rate';
import { rewardShares } from '../loyalty/loyalty-reward-discount';
import type { Cart, CartLine } from './cart';

export type LineTotals = {
  readonly lineId: string;
  /** Before any discount. */
  readonly gross: number;
  /** The manual discount of the line. */
  readonly lineDiscount: number;
  /** This line's share of the (manual) cart discount. */
  readonly cartDiscountShare: number;
  /** What the customer pays for this line: gross − line discount − promotions − cart discount share. */
  readonly net: number;
};

/** What the promotions take off each line (the cart's `promotions`, summed by line id). */
export function promotionAmounts(cart: Pick<Cart, 'promotions'>): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const p of cart.promotions ?? []) amounts.set(p.lineId, (amounts.get(p.lineId) ?? 0) + p.amount);
  return amounts;
}

export type CartTotals = {
  readonly currency: string;
  readonly lines: readonly LineTotals[];
  /** Sum of line amounts after line discounts and promotions, before the cart discount. */
  readonly subtotal: number;
  /** What the promotions took off (in discountTotal too). */
  readonly promotionTotal: number;
  readonly cartDiscount: number;
  /** What the loyalty reward took off, the last discount (in discountTotal too; not in `subtotal`). */
  readonly rewardTotal: number;
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
 * 2. A line discount is rounded on the line and never exceeds it; the promotions' discounts of a line
 *    (computed by the engine, docs/promotions.md) come off next.
 * 3. The cart discount is rounded once on the subtotal and allocated across lines in proportion to
 *    their discounted amounts (largest remainder, ties by line id), so every line knows its net.
 * 4. A loyalty reward comes off last, on what the lines are worth then, allocated the same way
 *    (counted in each line's net, not in its cartDiscountShare: the sale records it as its own discount).
 * 5. VAT is computed per rate from the rate's inclusive total (see vat-breakdown.ts).
 * Hence: total = Σ line nets = Σ (base + VAT) per rate, whatever the order of the lines.
 */
export function cartTotals(cart: Cart, rates: readonly VatRate[]): CartTotals {
  const promotions = promotionAmounts(cart);
  const afterLine = cart.lines.map((line) => {
    const gross = lineGross(line);
    const lineDiscount = lineDiscountAmount(line, gross);
    const promotion = promotions.get(line.lineId) ?? 0;
    return { line, gross, lineDiscount, promotion, discounted: gross - lineDiscount - promotion };
  });
  const subtotal = afterLine.reduce((acc, l) => acc + l.discounted, 0);
  const cartDiscount = cart.cartDiscountBp ? percentOf(subtotal, cart.cartDiscountBp) : 0;
  const shares = allocateByWeight(
    cartDiscount,
    afterLine.map((l) => ({ key: l.line.lineId, weight: l.discounted })),
  );
  const reward = rewardShares(
    cart.reward,
    afterLine.map((l) => ({ lineId: l.line.lineId, worth: l.discounted - (shares.get(l.line.lineId) ?? 0) })),
  );
  const lines: LineTotals[] = afterLine.map((l) => {
    const cartDiscountShare = shares.get(l.line.lineId) ?? 0;
    return {
      lineId: l.line.lineId,
      gross: l.gross,
      lineDiscount: l.lineDiscount,
      cartDiscountShare,
      net: l.discounted - cartDiscountShare - (reward.shares.get(l.line.lineId) ?? 0),
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
    promotionTotal: afterLine.reduce((acc, l) => acc + l.promotion, 0),
    cartDiscount,
    rewardTotal: reward.amount,
    discountTotal:
      afterLine.reduce((acc, l, i) => acc + l.lineDiscount + l.promotion + (lines[i]?.cartDiscountShare ?? 0), 0) + reward.amount,
    total,
    vat,
    itemCount: cart.lines.reduce((acc, l) => acc + (l.measure === 'unit' && l.labelAmount === undefined ? l.quantity : 1), 0),
  };
}
