// The promotions engine (issue 14): rules, their validation, and pricing a basket with them.
export * from './promotion';
export { PROMOTION_SHAPE } from './promotion-shape';
export * from './validate-promotion';
export { PROMOTION_REJECTIONS, type PromotionRejection } from './promotion-eligibility';
export { BASKET_LIMITS, basketLine, type Basket, type BasketLine, type PricingContext, type PricingCustomer } from './basket';
export {
  compilePromotions,
  MAX_PROMOTIONS,
  type CompiledPromotion,
  type CompiledPromotions,
  type RefusedPromotion,
} from './compile-promotions';
export * from './price-basket';
export * from './check-promotion-discounts';
export * from './cart-promotions';
export * from './sale-promotion-check';
export * from './coupon';
export * from './coupon-code';
export * from './coupon-usage';
export * from './coupon-cart';
