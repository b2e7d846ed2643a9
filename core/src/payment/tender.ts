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

export type Tender = CashTender | CardTender;

export function tenderCounts(t: Tender): boolean {
  return t.method === 'cash' || t.status === 'approved';
}
