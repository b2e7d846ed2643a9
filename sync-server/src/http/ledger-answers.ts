import type { LoyaltyBalance } from '@pos/core';
import type { CardLookup } from '../ledgers/stored-value-lookup';

/** The next expiries an answer lists (core lists them all). */
const MAX_EXPIRIES = 12;

/** A balance as a till shows it: what may be spent, what is held, what is owed, the next expiries. */
export function pointsBalanceAnswer(member: { customerId: string; programId: string }, balance: LoyaltyBalance) {
  const { available, reserved, debt, pendingExpiry } = balance;
  return { ...member, available, reserved, debt, pendingExpiry, expiring: balance.expiring.slice(0, MAX_EXPIRIES) };
}

/** A card as a till shows it: never its code, only the masked last group; expired once its end has passed. */
export function cardBalanceAnswer(card: CardLookup, now: string) {
  const { cardId, maskedCode, kind, currency, expiresAt, balance } = card;
  const status = balance.status === 'cancelled' ? 'cancelled' : expiresAt !== undefined && expiresAt <= now ? 'expired' : 'active';
  return {
    cardId,
    maskedCode,
    kind,
    currency,
    status,
    ...(expiresAt ? { expiresAt } : {}),
    available: balance.available,
    reserved: balance.reserved,
    expiring: balance.expiring.slice(0, MAX_EXPIRIES),
  } as const;
}
