import type { CartPromotion } from '../cart/cart';
import { salePromotions, type SalePayloadV1 } from '../sale/sale';
import type { PricingContext } from './basket';
import { cartBasket, cartPromotionsOf } from './cart-promotions';
import { couponPricingCodes } from './coupon-cart';
import type { PromotionCheckProblem } from './check-promotion-discounts';
import type { CompiledPromotions } from './compile-promotions';
import { priceBasket } from './price-basket';

/** The first 50 problems say enough; a forged sale with a thousand discounts does not need more. */
const MAX_PROBLEMS = 50;

/**
 * What a till's sale is priced with: its store, the channel `store`, the instant its cart started
 * (the till priced the cart at that instant too, so a rule ending while the customer pays still
 * holds), the store's zone, and a member when a chain customer is attached (members-only rules
 * apply; their tier is not known offline, so tier-only rules do not). Coupons: see salePromotionProblems.
 */
export function salePricingContext(sale: Pick<SalePayloadV1, 'storeId' | 'startedAt' | 'customerId'>, timeZone: string): PricingContext {
  return {
    at: sale.startedAt,
    timeZone,
    storeId: sale.storeId,
    channel: 'store',
    ...(sale.customerId !== undefined ? { customer: { member: true } } : {}),
  };
}

const keyOf = (p: CartPromotion) => `${p.lineId}\u0000${p.sourceId}\u0000${p.sourceVersion}`;
const what = (p: CartPromotion) => `${p.sourceId} v${p.sourceVersion} on line ${p.lineId}`;

/**
 * The promotions' discounts a sealed (or about to be sealed) sale carries against what the engine
 * gives its lines with the rules held here (the till host's, the hub's): every discount of a
 * promotion version the set holds, on the line and for the amount the engine gives, a cart rule's
 * share line by line, and none left out. A return carries none (it refunds what was paid). Empty
 * when they agree; the codes are checkPromotionDiscounts'.
 */
export function salePromotionProblems(
  sale: SalePayloadV1,
  promotions: CompiledPromotions,
  context: PricingContext,
): PromotionCheckProblem[] {
  const claimed = salePromotions(sale);
  if (sale.kind === 'return') {
    return claimed.slice(0, MAX_PROBLEMS).map((p) => ({ code: 'not-due', message: `${what(p)}: a return carries no promotion` }));
  }
  // A coupon discount is priced with its promotion's code presented: whether the code was really
  // presented (a reservation, an offline block) is the host's check and the hub's record, not the engine's.
  const couponed = couponPricingCodes(
    claimed.filter((p) => p.source === 'coupon').map((p) => ({ promotionId: p.sourceId })),
    promotions,
  );
  const presented = couponed.length > 0 ? { ...context, couponCodes: [...(context.couponCodes ?? []), ...couponed] } : context;
  let expected: CartPromotion[];
  try {
    expected = cartPromotionsOf(priceBasket(cartBasket({ currency: sale.currency, lines: sale.lines }), promotions, presented));
  } catch (error) {
    return [{ code: 'line', message: `the lines cannot be priced: ${(error as Error).message}` }];
  }
  const due = new Map(expected.map((p) => [keyOf(p), p]));
  const known = new Set(promotions.promotions.map((c) => `${c.promotion.id}\u0000${c.promotion.version}`));
  const seen = new Set<string>();
  const problems: PromotionCheckProblem[] = [];
  for (const claim of claimed) {
    const key = keyOf(claim);
    const want = due.get(key);
    if (!known.has(`${claim.sourceId}\u0000${claim.sourceVersion}`)) {
      problems.push({ code: 'unknown-promotion', message: `${what(claim)}: no such promotion version here` });
    } else if (seen.has(key)) {
      problems.push({ code: 'line', message: `${what(claim)}: claimed twice` });
    } else if (!want) {
      problems.push({ code: 'not-due', message: `${what(claim)}: the promotion gives nothing there` });
    } else if (want.amount !== claim.amount || want.source !== claim.source || want.kind !== claim.kind || want.value !== claim.value) {
      problems.push({
        code: 'amount',
        message: `${what(claim)}: ${claim.source} ${claim.amount} (${claim.kind} ${claim.value}) claimed, ${want.source} ${want.amount} (${want.kind} ${want.value}) due`,
      });
    }
    seen.add(key);
  }
  for (const [key, want] of due) {
    if (!seen.has(key)) problems.push({ code: 'missing', message: `${what(want)}: ${want.amount} due, not claimed` });
  }
  return problems.slice(0, MAX_PROBLEMS);
}
