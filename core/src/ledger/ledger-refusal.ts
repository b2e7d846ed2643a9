/**
 * Why a loyalty or stored-value operation is refused before any entry is written: stable codes the
 * till and the back office word in French and English (docs/loyalty-and-gift-cards.md lists the
 * sentences), `values` for the sentence (what is left, the cap).
 */
export const LEDGER_REFUSAL_CODES = [
  /** Not a positive whole number within bounds. */
  'invalid_amount',
  /** The member has fewer points free than asked. values: { available } */
  'insufficient_points',
  /** The card holds less than asked. values: { available } */
  'insufficient_balance',
  /** The reservation was consumed, released or ran out: reserve again. */
  'reservation_not_open',
  /** Offline, this store redeems nothing: the hub must answer. */
  'offline_redeem_disabled',
  /** Offline, more than the store's cap for the day. values: { left } */
  'offline_cap_exceeded',
  /** No card was issued under this code. */
  'card_not_issued',
  /** The card was issued already: a code is sold once. */
  'card_already_issued',
  /** The card was cancelled: nothing can be loaded on it or spent from it. */
  'card_cancelled',
  /** Card code: not 20 characters once spaces and dashes are left out. */
  'card_code_length',
  /** Card code: a character outside the alphabet (0, O, 1 and I are never used). */
  'card_code_character',
  /** Card code: the check character does not match (a typo, or two characters swapped). */
  'card_code_check',
] as const;

export type LedgerRefusalCode = (typeof LEDGER_REFUSAL_CODES)[number];

export class LedgerRefusal extends Error {
  constructor(
    readonly code: LedgerRefusalCode,
    readonly values: Readonly<Record<string, number>> = {},
  ) {
    super(`Refused: ${code}${Object.keys(values).length > 0 ? ` ${JSON.stringify(values)}` : ''}`);
    this.name = 'LedgerRefusal';
  }
}

/** Throws invalid_amount unless `value` is a whole number from 1 to `max`. */
export function positiveAmount(value: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new LedgerRefusal('invalid_amount');
  return value;
}
