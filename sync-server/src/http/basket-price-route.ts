import { MAX_WEIGHT_G, PROMOTION_CHANNELS } from '@pos/core';
import { BASKET_PRICE_LIMITS } from '@pos/core/sync/head-office-api';
import { Type } from 'typebox';
import { priceWebBasket } from '../catalog/basket-pricing';
import { promotionSetCache } from '../catalog/promotion-set';
import { pricingCouponCodes } from '../coupons/coupon-pricing';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, ProblemsBody, ProductId, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const Line = Type.Object({
  lineId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'Unique in the basket; absent: line-1, line-2… by position' }),
  ),
  productId: ProductId,
  quantity: Type.Integer({
    minimum: 1,
    maximum: MAX_WEIGHT_G,
    description: 'Pieces (at most 9,999), or grams for a product sold by weight',
  }),
});

const BasketBody = Type.Object({
  storeId: StoreId,
  channel: Type.Optional(
    Type.Union(
      PROMOTION_CHANNELS.map((c) => Type.Literal(c)),
      { description: 'Absent: web' },
    ),
  ),
  lines: Type.Array(Line, { minItems: 1, maxItems: BASKET_PRICE_LIMITS.maxLines }),
  couponCodes: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: BASKET_PRICE_LIMITS.maxCouponLength }), {
      maxItems: BASKET_PRICE_LIMITS.maxCoupons,
    }),
  ),
  customer: Type.Optional(
    Type.Object(
      { member: Type.Boolean(), tier: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
      { description: 'A loyalty member, and their tier: member-only and tier-only offers' },
    ),
  ),
});

const discountFields = {
  promotionId: Type.String(),
  version: Type.Integer(),
  source: Type.String({ description: 'coupon when the rule needs a code, else promotion' }),
  kind: Type.String({ description: 'percent (value in basis points) or amount (value in minor units)' }),
  value: Type.Integer(),
  amount: Type.Integer({ description: 'Minor units taken off' }),
};
const Discount = Type.Object(discountFields);

const PricedLine = Type.Object({
  lineId: Type.String(),
  productId: Type.String(),
  unitPrice: Type.Integer(),
  quantity: Type.Integer(),
  gross: Type.Integer(),
  itemDiscounts: List(Discount),
  cartShares: List(Discount, { description: 'This line’s shares of cart rules' }),
  discount: Type.Integer(),
  net: Type.Integer(),
});

const PricedBasket = Type.Object({
  currency: Type.String(),
  at: Type.String({ description: 'The instant it was priced at (a rule’s window and hours read in the store’s zone)' }),
  lines: List(PricedLine),
  subtotal: Type.Integer(),
  discountTotal: Type.Integer(),
  total: Type.Integer(),
  applied: List(Type.Object({ ...discountFields, scope: Type.String({ description: 'item or cart' }) })),
  rejected: List(Type.Object({ promotionId: Type.String(), version: Type.Integer(), reason: Type.String() }), {
    description: 'Rules that concern the basket and gave nothing, with core’s reason (outside_window, coupon_missing, outdone…)',
  }),
  unknownCoupons: List(Type.String()),
});

/**
 * The web shop's basket priced by the hub with the till's engine (issue 14), so a promotion gives the
 * same price online and in store. For now an API key or an office session with catalog.read.
 */
export function registerBasketPriceRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const promotions = promotionSetCache(db);
  app.post(
    '/api/v1/baskets/price',
    {
      schema: {
        summary: 'Price a basket with the live promotions',
        description:
          'Prices from the catalog (the store’s price list winning), promotions of the store and channel (web by default) at this instant in the store’s zone, with core’s priceBasket: each line’s discounts name the promotion and its version. 400 invalid_basket with coded `problems` (duplicate_line, unknown_product, product_disabled, quantity_range, wrong_currency); 404 when the store or its settings are missing.',
        tags: ['catalog'],
        security: AdminSecurity,
        body: BasketBody,
        response: { 200: PricedBasket, 400: ProblemsBody, ...errorResponses(401, 403, 404) },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request) => {
      const set = await promotions.current();
      // Single-use codes stand for their promotion's code (pricing only: nothing is reserved or used).
      const couponCodes = request.body.couponCodes && (await pricingCouponCodes(db, set.compiled, request.body.couponCodes));
      return priceWebBasket(db, set, couponCodes ? { ...request.body, couponCodes } : request.body, new Date().toISOString());
    },
  );
}
