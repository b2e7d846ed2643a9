import fc from 'fast-check';
import { lineGross } from '../cart/totals';
import type { BasketLine } from '../promotions/basket';
import type { Promotion, PromotionBenefit, PromotionTarget } from '../promotions/promotion';
import { samplePromotion } from './promotion-samples';

/**
 * fast-check generators of baskets and promotion sets that compete for the same few products, so
 * the engine's choices are exercised (test code only; the till/hub comparison of issue 14 uses them too).
 */
const PRODUCTS = 6;
const productId = (i: number) => `P${i}`;
const categoryOf = (i: number) => `C${i % 3}`;
const brandOf = (i: number) => (i % 2 === 0 ? 'B0' : undefined);

const lineArb: fc.Arbitrary<Omit<BasketLine, 'lineId'>> = fc
  .record({
    product: fc.integer({ min: 0, max: PRODUCTS - 1 }),
    kind: fc.constantFrom('pieces', 'pieces', 'pieces', 'weighed', 'labelled', 'returned'),
    unitPrice: fc.integer({ min: 1, max: 5_000 }),
    quantity: fc.integer({ min: 1, max: 12 }),
    grams: fc.integer({ min: 1, max: 2_000 }),
    label: fc.integer({ min: 1, max: 5_000 }),
  })
  .map((r) => {
    const weighed = r.kind === 'weighed';
    const quantity = weighed ? r.grams : r.kind === 'returned' ? -r.quantity : r.quantity;
    const measure = weighed ? ('weight' as const) : ('unit' as const);
    const labelAmount = r.kind === 'labelled' ? r.label : undefined;
    const gross = lineGross({
      lineId: '',
      productId: '',
      sku: '',
      name: '',
      vatRateId: '',
      measure,
      unitPrice: r.unitPrice,
      quantity,
      labelAmount,
    });
    const brand = brandOf(r.product);
    return {
      productId: productId(r.product),
      category: categoryOf(r.product),
      ...(brand !== undefined ? { brand } : {}),
      measure,
      unitPrice: r.unitPrice,
      quantity,
      gross,
    };
  });

/** 1 to `max` lines with distinct ids that do not follow the lines' order. */
export const basketLinesArb = (max = 12): fc.Arbitrary<BasketLine[]> =>
  fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: max })
    .chain((ids) => fc.tuple(...ids.map((id) => lineArb.map((line) => ({ lineId: id, ...line })))));

const targetArb: fc.Arbitrary<PromotionTarget> = fc.oneof(
  fc
    .uniqueArray(fc.integer({ min: 0, max: PRODUCTS - 1 }), { minLength: 1, maxLength: 3 })
    .map((ps) => ({ productIds: ps.map(productId) })),
  fc.integer({ min: 0, max: 2 }).map((c) => ({ categories: [`C${c}`] })),
  fc.constant({ brands: ['B0'] }),
);

const bp = fc.integer({ min: 1, max: 10_000 });
const amount = fc.integer({ min: 1, max: 3_000 });
const applications = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
const withMax = <T extends object>(benefit: T, key: string, max: number | undefined) =>
  max === undefined ? benefit : { ...benefit, [key]: max };

const benefitArb: fc.Arbitrary<PromotionBenefit> = fc.oneof(
  fc.tuple(targetArb, bp, applications).map(([target, bp, max]) => withMax({ type: 'percent-off' as const, target, bp }, 'maxItems', max)),
  fc
    .tuple(targetArb, amount, applications)
    .map(([target, amount, max]) => withMax({ type: 'amount-off' as const, target, amount }, 'maxItems', max)),
  fc
    .tuple(bp, fc.option(amount, { nil: undefined }))
    .map(([bp, min]) => withMax({ type: 'cart-percent-off' as const, bp }, 'minSubtotal', min)),
  fc
    .tuple(amount, fc.option(amount, { nil: undefined }))
    .map(([amount, min]) => withMax({ type: 'cart-amount-off' as const, amount }, 'minSubtotal', min)),
  fc
    .record({
      target: targetArb,
      buy: fc.integer({ min: 1, max: 3 }),
      get: fc.integer({ min: 1, max: 2 }),
      bp,
      other: fc.option(targetArb, { nil: undefined }),
      max: applications,
    })
    .map((r) => {
      const base = { type: 'buy-get' as const, target: r.target, buyQuantity: r.buy, getQuantity: r.get, bp: r.bp };
      return withMax(r.other ? { ...base, getTarget: r.other } : base, 'maxApplications', r.max);
    }),
  fc
    .tuple(targetArb, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 8_000 }), applications)
    .map(([target, quantity, price, max]) => withMax({ type: 'mix-and-match' as const, target, quantity, price }, 'maxApplications', max)),
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 0, max: PRODUCTS - 1 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 0, max: 8_000 }))
    .map(([ps, price]) => ({ type: 'bundle' as const, items: ps.map((p) => ({ productId: productId(p), quantity: 1 })), price })),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 })
    .chain((qs) => fc.tuple(targetArb, fc.tuple(...qs.map(() => bp))).map(([target, bps]) => ({ qs, target, bps })))
    .map(({ qs, target, bps }) => ({
      type: 'quantity-tiers' as const,
      target,
      tiers: [...qs].sort((a, b) => a - b).map((minQuantity, i) => ({ minQuantity, bp: bps[i] ?? 1 })),
    })),
);

/** 0 to `max` promotions with distinct ids, some stackable, a few of equal priority, a few needing a code. */
export const promotionSetArb = (max = 8): fc.Arbitrary<Promotion[]> =>
  fc
    .array(
      fc.record({
        benefit: benefitArb,
        stackable: fc.boolean(),
        priority: fc.integer({ min: 0, max: 2 }),
        version: fc.integer({ min: 1, max: 3 }),
        coupon: fc.constantFrom(undefined, undefined, undefined, 'SAVE', 'OTHER'),
      }),
      { maxLength: max },
    )
    .map((specs) =>
      specs.map((s, i) =>
        samplePromotion(`R${i}`, s.benefit, {
          stackable: s.stackable,
          priority: s.priority,
          version: s.version,
          ...(s.coupon !== undefined ? { couponCode: s.coupon } : {}),
        }),
      ),
    );
