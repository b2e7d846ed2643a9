import type { BasketLine, PricingContext } from '../promotions/basket';
import { compilePromotions } from '../promotions/compile-promotions';
import { priceBasket, type PricedBasket } from '../promotions/price-basket';
import type { Promotion, PromotionBenefit } from '../promotions/promotion';

/** A Monday, 11:00 in Paris. */
export const MONDAY_11H_PARIS = '2026-12-07T10:00:00.000Z';

export function pricingContext(overrides: Partial<PricingContext> = {}): PricingContext {
  return { at: MONDAY_11H_PARIS, timeZone: 'Europe/Paris', storeId: 'S001', channel: 'store', ...overrides };
}

/** An automatic, everyone, every-day, non-stackable promotion in euros unless told otherwise. */
export function samplePromotion(id: string, benefit: PromotionBenefit, overrides: Partial<Promotion> = {}): Promotion {
  return {
    id,
    version: 1,
    name: `Promotion ${id}`,
    currency: 'EUR',
    priority: 0,
    stackable: false,
    audience: { kind: 'everyone' },
    benefit,
    ...overrides,
  };
}

/** A line of pieces (gross = price × quantity) of a product in category `C-<product>` unless told otherwise. */
export function sampleLine(
  lineId: string,
  productId: string,
  unitPrice: number,
  quantity = 1,
  overrides: Partial<BasketLine> = {},
): BasketLine {
  return {
    lineId,
    productId,
    category: `C-${productId}`,
    measure: 'unit',
    unitPrice,
    quantity,
    gross: unitPrice * quantity,
    ...overrides,
  };
}

export function priceWith(
  lines: readonly BasketLine[],
  promotions: readonly Promotion[],
  context: Partial<PricingContext> = {},
): PricedBasket {
  return priceBasket({ currency: 'EUR', lines }, compilePromotions(promotions), pricingContext(context));
}

/** What each line gets, by line id: the test-side view of a priced basket. */
export function discountsByLine(priced: PricedBasket): Record<string, number> {
  return Object.fromEntries(priced.lines.map((l) => [l.lineId, l.discount]));
}
