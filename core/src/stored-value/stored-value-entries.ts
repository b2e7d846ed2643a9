/**
 * The ledger of one gift card or store credit account (a "card"): the hub derives its balance from
 * these entries, never from a stored figure (Square's gift card activities are the model). Amounts
 * are positive minor units, the kind gives the sign. Each entry has an id that makes it unique and
 * a UTC instant `at`. `cardId` is the hub's id of the card, never its code: the code is a bearer
 * secret and stays out of sales, ledgers and logs.
 */
export const STORED_VALUE_KINDS = ['gift_card', 'store_credit'] as const;

export type StoredValueKind = (typeof STORED_VALUE_KINDS)[number];

type Entry<K extends string> = { readonly kind: K; readonly id: string; readonly at: string; readonly cardId: string };

/**
 * The card comes into being with its first amount: a gift card sold (`saleId`) or store credit
 * given by a return (`returnId`, to a customer by id). Each amount loaded keeps its own validity.
 */
export type StoredValueIssueEntry = Entry<'issue'> & {
  readonly cardKind: StoredValueKind;
  readonly currency: string;
  readonly amount: number;
  readonly saleId?: string;
  readonly returnId?: string;
  readonly customerId?: string;
  readonly expiresAt?: string;
};

/** More money on the card: a gift card reloaded by a sale, store credit added by another return. */
export type StoredValueReloadEntry = Entry<'reload'> & {
  readonly amount: number;
  readonly saleId?: string;
  readonly returnId?: string;
  readonly expiresAt?: string;
};

/** Money set aside at the hub for a sale under way, until `until` unless consumed or released before. */
export type StoredValueReserveEntry = Entry<'reserve'> & { readonly amount: number; readonly until: string };

export type StoredValueReleaseEntry = Entry<'release'> & { readonly reservationId: string };

/** Money spent by a sale (a tender of it); `offline`: spent under the store's offline cap. */
export type StoredValueRedeemEntry = Entry<'redeem'> & {
  readonly amount: number;
  readonly saleId: string;
  readonly tenderId: string;
  readonly reservationId?: string;
  readonly offline?: true;
};

/** Money a return of a sale paid with the card puts back on it. */
export type StoredValueRefundEntry = Entry<'refund'> & {
  readonly amount: number;
  readonly returnId: string;
  readonly saleId: string;
  readonly expiresAt?: string;
};

/** The hub's record that one amount loaded (`lotId`: an issue, reload or refund id) or the whole card expired at `at`. */
export type StoredValueExpireEntry = Entry<'expire'> & { readonly lotId?: string };

/** The card is cancelled (lost and replaced, fraud): what it holds is void and nothing more is loaded or spent. */
export type StoredValueCancelEntry = Entry<'cancel'> & { readonly reason: string; readonly staffId: string };

export type StoredValueEntry =
  | StoredValueIssueEntry
  | StoredValueReloadEntry
  | StoredValueReserveEntry
  | StoredValueReleaseEntry
  | StoredValueRedeemEntry
  | StoredValueRefundEntry
  | StoredValueExpireEntry
  | StoredValueCancelEntry;

/** Ids derived from what the entry is about: the same fact gets the same id however often it is produced. */
export const storedValueEntryId = {
  /** A card is issued once: selling the same card twice is one issue (and a conflict if the amounts differ). */
  issue: (cardId: string): string => `issue:${cardId}`,
  reload: (saleOrReturnId: string, cardId: string): string => `reload:${saleOrReturnId}:${cardId}`,
  redeem: (saleId: string, tenderId: string): string => `redeem:${saleId}:${tenderId}`,
  refund: (returnId: string, cardId: string): string => `refund:${returnId}:${cardId}`,
  release: (reservationId: string): string => `release:${reservationId}`,
  cancel: (cardId: string): string => `cancel:${cardId}`,
};
