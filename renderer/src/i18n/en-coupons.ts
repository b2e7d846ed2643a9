import type { Dictionary } from './fr';

/** English words of coupons at the till (shared codes and single-use codes). */
export const enCoupons: Pick<Dictionary, 'coupons'> = {
  coupons: {
    action: 'Coupon',
    title: 'Coupon',
    code: 'Coupon code',
    apply: 'Apply',
    remove: 'Remove {{code}}',
    held: 'Coupons of the sale',
    added: 'Coupon {{code}} applied.',
    addedOffline: 'Coupon {{code}} accepted offline (a code of this till’s block).',
    noDiscount: 'Coupon {{code}} recorded: its promotion does not apply to this basket (yet).',
    removed: 'Coupon {{code}} removed.',
    notEnrolled: 'This till is not enrolled with a head office: it takes no coupon.',
    refused: {
      coupon_unknown: 'This code matches no coupon.',
      coupon_used: 'This code was already used.',
      coupon_single_use_only: 'This code names a family of coupons: type the customer’s own code.',
      coupon_limit_reached: 'This coupon has been used as many times as it may be.',
      coupon_budget_exhausted: 'This coupon’s budget is spent.',
      coupon_once_per_customer: 'This customer has already used this coupon.',
      coupon_needs_customer: 'This coupon is once per customer: attach the customer first (F11).',
      coupon_not_open: 'This coupon is no longer reserved: enter it again.',
      coupon_offline: 'Offline, only single-use codes of this till’s block are accepted. Try again once the network is back.',
      coupon_cart_full: 'This basket already has a code of this promotion (or five coupons).',
      other: 'Head office refused this coupon.',
    },
  },
};
