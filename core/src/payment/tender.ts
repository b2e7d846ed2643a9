export type CashTender = {
  readonly id: string;
  readonly method: 'cash';
  /** The part of the sale this cash settles. */
  readonly amount: number;
  /** What the customer handed over. */
  readonly tendered: number;
  readonly change: number;
  /** Cash-rounding adjustment applied when this tender settled the sale (0 without cash rounding). */
  readonly rounding: number;
};

export type CardOutcome = 'approved' | 'declined' | 'unknown';

export type CardTender = {
  readonly id: string;
  readonly method: 'card';
  readonly amount: number;
  readonly status: CardOutcome;
  /** Idempotency key of the terminal attempt: a retry or status enquiry uses the same key. */
  readonly attemptKey: string;
  readonly authorizationCode?: string;
  readonly maskedPan?: string;
  /** Approved by the terminal offline (store-and-forward): the bank sees it when the terminal is back online. */
  readonly offline?: boolean;
  readonly scheme?: string;
  readonly message?: string;
  /** Set when a person settled an unknown outcome by reading the terminal's own receipt. */
  readonly resolvedBy?: { readonly staffId: string; readonly outcome: 'approved' | 'declined' };
};

/** The two kinds of card the hub keeps a stored-value ledger for; both are spent as a tender. */
export const STORED_VALUE_TENDER_METHODS = ['gift_card', 'store_credit'] as const;

export type StoredValueTenderMethod = (typeof STORED_VALUE_TENDER_METHODS)[number];

/**
 * Money the customer already had on a gift card or store credit: VAT stays on the goods it pays
 * for (a multi-purpose voucher, see stored-value/voucher-vat.ts). The card is named by the hub's
 * id, never by its code (a bearer secret); the amount was reserved at the hub under
 * `reservationId` before the tender was added, and the host spends that reservation once the
 * sale is sealed. Never any change: like a card, it pays at most what is left.
 */
export type StoredValueTender = {
  readonly id: string;
  readonly method: StoredValueTenderMethod;
  readonly amount: number;
  readonly cardId: string;
  readonly reservationId: string;
  /** The code as the receipt prints it: every group masked but the last (maskCardCode). */
  readonly maskedCode: string;
  /** What the card held after this tender, as the hub said when it reserved: printed on the receipt. */
  readonly balanceAfter?: number;
  /** Taken offline under the store's cap, without a reservation at the hub: reported, maybe an overdraft. */
  readonly offline?: boolean;
};

export type Tender = CashTender | CardTender | StoredValueTender;

export function isStoredValueMethod(method: string): method is StoredValueTenderMethod {
  return (STORED_VALUE_TENDER_METHODS as readonly string[]).includes(method);
}

export function isStoredValueTender(t: Tender): t is StoredValueTender {
  return isStoredValueMethod(t.method);
}

export function tenderCounts(t: Tender): boolean {
  return t.method !== 'card' || t.status === 'approved';
}
