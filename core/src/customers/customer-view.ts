/**
 * A chain customer as the hub gives it to whoever may read it whole (head office, a till editing
 * them): the hub writes it (sync-server/src/customers/customer-rows.ts) and the back office reads
 * it, with this one type. Absent fields are left out.
 */

/** A marketing consent: given or withdrawn, when the customer said it, and where (a store id, or web). */
export type CustomerConsent = { readonly given: boolean; readonly at: string; readonly channel: string };
export type CustomerConsents = { readonly email?: CustomerConsent; readonly sms?: CustomerConsent };

export type CustomerView = {
  readonly id: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalCode?: string;
  readonly cardNumber?: string;
  readonly consents: CustomerConsents;
  /** The store whose till created the customer (absent: head office or the web). */
  readonly createdStore?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 at creation, + 1 on each change: a change names the version it read. */
  readonly version: number;
  /** Set on a merged customer's tombstone: the customer kept. */
  readonly mergedInto?: string;
};
