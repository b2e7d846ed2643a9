import type { StoredValueReservation } from '../payment/stored-value-tender';
import type { Method } from './contract-method';
import type { VoucherCardView } from './voucher-contract';

/**
 * Paying with a gift card or store credit at the till (issue 14): the balance is the hub's, so a
 * card is looked up and its amount reserved online, through the host (its device token, a short
 * timeout). The host keeps every reservation it obtained in an fsynced journal, seals a tender
 * only against one of them, spends it at the hub once the sale is sealed (retried until the hub
 * answers) and gives it back when the tender is removed or the sale voided. Offline: refused
 * (HUB_UNREACHABLE, which the page words); a typo in a code is refused before the hub is asked.
 */

/** A card as the hub describes it to the till, never its code: the one the sale of a reload looks up too. */
export type StoredValueCardView = VoucherCardView;

export type LedgerContract = {
  /** A card's balance by its code (in the body; the host never keeps the code). */
  'ledger.lookupCard': Method<{ readonly code: string }, StoredValueCardView>;
  /**
   * Reserves `amount` of the card for the open sale `saleId`: the host makes the reservation's id,
   * asks the hub, and keeps what it answered before replying. The tender is built from the answer.
   */
  'ledger.reserveCard': Method<{ readonly saleId: string; readonly code: string; readonly amount: number }, StoredValueReservation>;
  /** Gives a reservation back (the tender was removed): refused once a sealed sale used it. Offline: given back later. */
  'ledger.release': Method<{ readonly reservationId: string }, { readonly released: boolean }>;
};
