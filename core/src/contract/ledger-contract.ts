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

/** A member's points as the hub counts them for the program the till holds. */
export type MemberPointsView = {
  readonly customerId: string;
  readonly programId: string;
  /** What the member may spend now (open reservations are not in it). */
  readonly available: number;
  readonly reserved: number;
  readonly debt: number;
  /** Expiring within 30 days. */
  readonly pendingExpiry: number;
};

/** Points reserved at the hub for a reward of the open sale: the host took the cost from the program it holds. */
export type PointsReservation = {
  readonly reservationId: string;
  readonly programId: string;
  readonly programVersion: number;
  readonly rewardId: string;
  readonly points: number;
  /** What the member may still spend once these points are spent. */
  readonly balanceAfter: number;
};

export type LedgerContract = {
  /** The member's points in the live program this host holds (online only; NOT_FOUND without a program). */
  'ledger.memberPoints': Method<{ readonly customerId: string }, MemberPointsView>;
  /**
   * Reserves at the hub the cost of a reward of the live program for the member of the open sale
   * `saleId`, kept by the host before it replies (ledgers/reservation-book.ts); given back by
   * `ledger.release` or when the sale is voided. Spending them with the sale (a `loyalty` discount
   * checked at the seal) is not built yet.
   */
  'ledger.reservePoints': Method<{ readonly saleId: string; readonly customerId: string; readonly rewardId: string }, PointsReservation>;
  /** A card's balance by its code (in the body; the host never keeps the code). */
  'ledger.lookupCard': Method<{ readonly code: string }, StoredValueCardView>;
  /**
   * Reserves `amount` of the card for the open sale `saleId`: the host makes the reservation's id,
   * asks the hub, and keeps what it answered before replying. The tender is built from the answer.
   */
  'ledger.reserveCard': Method<{ readonly saleId: string; readonly code: string; readonly amount: number }, StoredValueReservation>;
  /** Gives a reservation of a card or of points back (the tender or reward was removed): refused once a sealed sale used it. Offline: given back later. */
  'ledger.release': Method<{ readonly reservationId: string }, { readonly released: boolean }>;
};
