import { LedgerRefusal } from './ledger-refusal';

/**
 * Offline, a till cannot ask the hub whether points or a card's balance are there. It refuses,
 * unless the store allows a small amount a day (points, or minor units), spent at the till's own
 * risk and reported when the hub finds it was more than the balance (an overdraft).
 */
export type OfflineRedeemDecision =
  | { readonly allowed: true; readonly left: number }
  | { readonly allowed: false; readonly code: 'offline_redeem_disabled' | 'offline_cap_exceeded'; readonly left: number };

/**
 * Whether `requested` may be spent offline under a cap of `cap` a day, `alreadyOfflineToday` having
 * been spent offline today (for that member or card, as the store counts it). A cap of 0 allows nothing.
 */
export function offlineRedeemAllowed(cap: number, requested: number, alreadyOfflineToday: number): OfflineRedeemDecision {
  const safeCap = Number.isSafeInteger(cap) && cap > 0 ? cap : 0;
  if (safeCap === 0) return { allowed: false, code: 'offline_redeem_disabled', left: 0 };
  const left = Math.max(0, safeCap - Math.max(0, alreadyOfflineToday));
  if (!Number.isSafeInteger(requested) || requested < 1 || requested > left) return { allowed: false, code: 'offline_cap_exceeded', left };
  return { allowed: true, left: left - requested };
}

/** offlineRedeemAllowed, throwing its refusal in the cap's words: for code about to write an offline spend. */
export function requireOfflineRedeem(cap: { readonly cap: number; readonly alreadyOfflineToday: number }, requested: number): void {
  const decision = offlineRedeemAllowed(cap.cap, requested, cap.alreadyOfflineToday);
  if (!decision.allowed) throw new LedgerRefusal(decision.code, { left: decision.left });
}
