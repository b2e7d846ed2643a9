import type { Method } from './contract-method';

/**
 * The till's side of the chain's customers (issue 14): found at the hub on the online path (the
 * host relays with its device token and a short timeout), created at the till also offline (the
 * host keeps the new customer, fsynced, and sends it once the hub answers: the id made on the till
 * makes the second sending the same customer).
 */

/** Enough to recognise the person at the counter, never the whole e-mail or phone. */
export type CustomerMatchView = {
  readonly id: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly postalCode?: string;
  /** Last four digits of the phone. */
  readonly phoneEnd?: string;
  /** First letter and domain of the e-mail: m•••@exemple.fr. */
  readonly emailHint?: string;
  /** Last four characters of the card number. */
  readonly cardEnd?: string;
};

/** A consent as the customer gave or withdrew it at this till (the store is the channel, from the device). */
export type ConsentDraft = { readonly given: boolean; readonly at: string };

/** A customer as the cashier types it in. */
export type CustomerDraft = {
  readonly lastName: string;
  readonly firstName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalCode?: string;
  readonly cardNumber?: string;
  readonly consents?: { readonly email?: ConsentDraft; readonly sms?: ConsentDraft };
};

/** Saved at the hub now (with the live customers sharing its e-mail or phone, for the back office to merge), or kept to send. */
export type CustomerSaved =
  | { readonly state: 'saved'; readonly id: string; readonly likelyDuplicates: readonly string[] }
  | { readonly state: 'queued'; readonly id: string; readonly waiting: number };

/** `hub`: the chain's customers; `local`: offline, the customers of this store the till keeps. */
export type CustomerSearchAnswer = { readonly customers: readonly CustomerMatchView[]; readonly source: 'hub' | 'local' };

/**
 * One purchase of a customer, in any store or channel, as a till may show it (from the hub's
 * reports): when, where, the receipt's number, the total (negative for a return) and how many
 * items. Nothing else of the sale, and nothing of another customer.
 */
export type CustomerPurchaseView = {
  readonly at: string;
  readonly storeName: string;
  readonly receipt: string;
  readonly total: number;
  readonly items: number;
};

/** A page of a customer's purchases, newest first; `next` asks for the older ones (null: none). */
export type CustomerHistoryPage = { readonly purchases: readonly CustomerPurchaseView[]; readonly next: string | null };

export type CustomerContract = {
  /**
   * At the hub, chain-wide; when the hub cannot be reached, among the customers this till keeps
   * (those its store created, found or sold to: `source` 'local'). Fails HUB_UNREACHABLE only
   * when the till keeps none that match.
   */
  'customers.search': Method<{ readonly query: string }, CustomerSearchAnswer>;
  /** Creates a customer with an id made on the till; offline, kept by the host and sent later. */
  'customers.create': Method<{ readonly id: string; readonly customer: CustomerDraft }, CustomerSaved>;
  /** A customer's purchases in every store and channel, at the hub (online only: offline it fails HUB_UNREACHABLE). */
  'customers.history': Method<{ readonly customerId: string; readonly after?: string }, CustomerHistoryPage>;
  /**
   * The member's points free to spend now, at the hub, in the store's loyalty programme (null: the
   * store has none), for the customer display's greeting. Online only (HUB_UNREACHABLE offline).
   */
  'customers.points': Method<{ readonly customerId: string }, { readonly available: number } | null>;
  /**
   * The member's card page at the hub's public address, signed for that member (30 days): shown as a
   * QR code, the member's phone opens it to keep the card or add it to a wallet. Online only.
   */
  'customers.walletCard': Method<{ readonly customerId: string }, { readonly url: string }>;
};
