import { array, boolean, integer, literal, object, pattern, text, variant } from '../validation/shape';
import { COUPON_POLICY_SHAPE } from './coupon';
import { PROMOTION_CHANNELS, PROMOTION_LIMITS as L } from './promotion';

const id = text(L.maxIdLength, 1);
const ids = array(id, L.maxListLength, 1);
const amount = integer(1, L.maxAmount);
const bp = integer(1, L.maxBp);
const quantity = integer(1, L.maxQuantity);
const applications = integer(1, L.maxApplications);
const instant = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 40, 'an ISO instant with its offset');
const clock = pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 5, 'a time as HH:MM');

const target = object({}, { productIds: ids, categories: ids, brands: ids });

const benefit = variant('type', {
  'percent-off': object({ type: literal('percent-off'), target, bp }, { maxItems: applications }),
  'amount-off': object({ type: literal('amount-off'), target, amount }, { maxItems: applications }),
  'cart-percent-off': object({ type: literal('cart-percent-off'), bp }, { minSubtotal: amount }),
  'cart-amount-off': object({ type: literal('cart-amount-off'), amount }, { minSubtotal: amount }),
  'buy-get': object(
    { type: literal('buy-get'), target, buyQuantity: quantity, getQuantity: quantity, bp },
    { getTarget: target, maxApplications: applications },
  ),
  'mix-and-match': object(
    { type: literal('mix-and-match'), target, quantity, price: integer(0, L.maxAmount) },
    { maxApplications: applications },
  ),
  bundle: object(
    {
      type: literal('bundle'),
      items: array(object({ productId: id, quantity }), L.maxListLength, 1),
      price: integer(0, L.maxAmount),
    },
    { maxApplications: applications },
  ),
  'quantity-tiers': object({
    type: literal('quantity-tiers'),
    target,
    tiers: array(object({ minQuantity: quantity, bp }), L.maxTiers, 1),
  }),
});

const audience = variant('kind', {
  everyone: object({ kind: literal('everyone') }),
  members: object({ kind: literal('members') }),
  tiers: object({ kind: literal('tiers'), tiers: ids }),
});

const schedule = object(
  {},
  {
    from: instant,
    to: instant,
    days: array(integer(1, 7), 7, 1),
    hours: object({ from: clock, to: clock }),
  },
);

/** The structure of a promotion, every field typed and bounded (see promotion.ts for the meanings). */
export const PROMOTION_SHAPE = object(
  {
    id,
    version: integer(1, L.maxVersion),
    name: text(L.maxNameLength, 1),
    currency: pattern(/^[A-Z]{3}$/, 3, 'an ISO 4217 code'),
    priority: integer(0, L.maxPriority),
    stackable: boolean(),
    audience,
    benefit,
  },
  {
    schedule,
    stores: ids,
    channels: array(literal(...PROMOTION_CHANNELS), PROMOTION_CHANNELS.length, 1),
    couponCode: pattern(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 32, 'a code of 3 to 32 capitals, digits, - or _'),
    coupon: COUPON_POLICY_SHAPE,
  },
);
