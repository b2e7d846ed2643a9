import { amountDue, cartTotals, vatRatesAt, type Cart, type CartTotals, type StoreProfile, type VatRate } from '@pos/core';
import { services } from './services';

/**
 * The VAT rates the till sells with at an instant: the store profile's entries in force then
 * (a rate the law changes takes effect at its instant, on screen as in the sealed sale, which
 * buildSale prices at its completedAt).
 */
export function ratesAt(profile: StoreProfile = services().profile, at: Date = new Date()): VatRate[] {
  return vatRatesAt(profile.vatRates, at.toISOString());
}

/** Every total the renderer shows or pays goes through here, so no screen prices with a rate out of force. */
export function totalsNow(cart: Cart, profile: StoreProfile = services().profile, at: Date = new Date()): CartTotals {
  return cartTotals(cart, ratesAt(profile, at));
}

/** What the tenders of a sale settle now: its goods' total plus the gift cards it sells or reloads. */
export function dueNow(cart: Cart, profile: StoreProfile = services().profile): number {
  return amountDue({ kind: 'sale', total: totalsNow(cart, profile).total, ...(cart.vouchers ? { vouchers: cart.vouchers } : {}) });
}

/** The first instant after `now` (ms) at which a rate starts or stops being in force; null when none is ahead. */
export function nextRateChange(rates: readonly VatRate[], now: number): number | null {
  let next: number | null = null;
  for (const rate of rates) {
    for (const bound of [rate.validFrom, rate.validUntil]) {
      const time = bound === undefined ? NaN : Date.parse(bound);
      if (time > now && (next === null || time < next)) next = time;
    }
  }
  return next;
}
