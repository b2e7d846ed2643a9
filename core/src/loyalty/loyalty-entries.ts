/**
 * The loyalty ledger of one member in one program: the hub derives every balance from these
 * entries, never from a stored figure. Each entry has an id that makes it unique, so an entry
 * applied twice (a sale pushed again, a retried request) counts once, and a UTC instant `at`
 * ("2026-03-29T10:15:00.000Z"). Points are positive whole numbers and the kind gives the sign,
 * but for an adjustment, whose sign is its own.
 * No personal data: the member is a customer id.
 */
type Entry<K extends string> = { readonly kind: K; readonly id: string; readonly at: string };

/** Points a sale earned: made by the till (loyaltyEarn), sealed inside the sale, applied once at the hub. */
export type LoyaltyEarnEntry = Entry<'earn'> & {
  readonly customerId: string;
  readonly programId: string;
  readonly programVersion: number;
  readonly saleId: string;
  readonly points: number;
  /** The rule it was earned by, and the amount it was computed on: what a return reverses against. */
  readonly rule: 'spend' | 'visit';
  readonly basis: number;
  /** The sale's total (VAT included): refunds are measured against it. */
  readonly saleTotal: number;
  /** A visit rule's minimum base when earned. */
  readonly visitMinimum?: number;
  /** When these points expire (absent: never). */
  readonly expiresAt?: string;
};

/** Points spent by a sale; through `reservationId` the sale consumes what it reserved. `offline`: spent under the store's offline cap. */
export type LoyaltyRedeemEntry = Entry<'redeem'> & {
  readonly points: number;
  readonly saleId: string;
  readonly reservationId?: string;
  readonly rewardId?: string;
  readonly offline?: true;
};

/** Points set aside at the hub for a sale under way, until `until` unless consumed or released before. */
export type LoyaltyReserveEntry = Entry<'reserve'> & { readonly points: number; readonly until: string };

/** A reservation given back (an abandoned sale). */
export type LoyaltyReleaseEntry = Entry<'release'> & { readonly reservationId: string };

/** The hub's record that a lot (an earn or a positive adjustment, by id) expired at `at`. */
export type LoyaltyExpireEntry = Entry<'expire'> & { readonly lotId: string };

/** A correction by head office, never 0: positive adds a lot, negative spends; `reason` says why (no personal data). */
export type LoyaltyAdjustEntry = Entry<'adjust'> & {
  readonly points: number;
  readonly reason: string;
  readonly staffId: string;
  readonly expiresAt?: string;
};

/** Points a return takes back from what its original sale earned (loyaltyReversal). */
export type LoyaltyReverseEntry = Entry<'reverse'> & { readonly points: number; readonly saleId: string; readonly returnId: string };

export type LoyaltyEntry =
  | LoyaltyEarnEntry
  | LoyaltyRedeemEntry
  | LoyaltyReserveEntry
  | LoyaltyReleaseEntry
  | LoyaltyExpireEntry
  | LoyaltyAdjustEntry
  | LoyaltyReverseEntry;

/**
 * Ids derived from what the entry is about, so the same fact always gets the same id wherever and
 * however often it is produced: a sale earns once, spends once, a return reverses once.
 */
export const loyaltyEntryId = {
  earn: (saleId: string): string => `earn:${saleId}`,
  redeem: (saleId: string): string => `redeem:${saleId}`,
  reverse: (returnSaleId: string): string => `reverse:${returnSaleId}`,
  release: (reservationId: string): string => `release:${reservationId}`,
  expire: (lotId: string): string => `expire:${lotId}`,
};
