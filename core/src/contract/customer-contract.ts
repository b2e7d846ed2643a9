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

export type CustomerContract = {
  /** Online only: offline it fails HUB_UNREACHABLE, and the page looks in what the till holds. */
  'customers.search': Method<{ readonly query: string }, { readonly customers: readonly CustomerMatchView[] }>;
  /** Creates a customer with an id made on the till; offline, kept by the host and sent later. */
  'customers.create': Method<{ readonly id: string; readonly customer: CustomerDraft }, CustomerSaved>;
};
