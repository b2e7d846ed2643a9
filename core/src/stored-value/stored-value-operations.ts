import { LedgerRefusal, positiveAmount } from '../ledger/ledger-refusal';
import { requireOfflineRedeem } from '../ledger/offline-cap';
import { spendOverdrafts } from '../ledger/spend-overdrafts';
import { MAX_AMOUNT } from '../validation/sealed-shapes';
import type { StoredValueBalance } from './stored-value-balance';
import {
  storedValueEntryId,
  type StoredValueCancelEntry,
  type StoredValueEntry,
  type StoredValueIssueEntry,
  type StoredValueKind,
  type StoredValueRedeemEntry,
  type StoredValueRefundEntry,
  type StoredValueReleaseEntry,
  type StoredValueReloadEntry,
  type StoredValueReserveEntry,
} from './stored-value-entries';

/**
 * The checks the hub runs before it writes a stored-value entry (inside the transaction that reads
 * the card's balance): each returns the entry to write or throws a coded LedgerRefusal.
 */
type Card = Pick<StoredValueBalance, 'status' | 'available' | 'reservations'>;

function usable(card: Card): void {
  if (card.status === 'not_issued') throw new LedgerRefusal('card_not_issued');
  if (card.status === 'cancelled') throw new LedgerRefusal('card_cancelled');
}

/** A new card with its first amount: refused for a card issued already (the same card is never sold twice). */
export function issueCard(
  card: Pick<StoredValueBalance, 'status'>,
  issue: {
    readonly cardId: string;
    readonly cardKind: StoredValueKind;
    readonly currency: string;
    readonly amount: number;
    readonly at: string;
    readonly saleId?: string;
    readonly returnId?: string;
    readonly customerId?: string;
    readonly expiresAt?: string;
  },
): StoredValueIssueEntry {
  positiveAmount(issue.amount, MAX_AMOUNT);
  if (card.status !== 'not_issued') throw new LedgerRefusal('card_already_issued');
  return { kind: 'issue', id: storedValueEntryId.issue(issue.cardId), ...issue };
}

/** More money on an issued card that is not cancelled (by a sale, or for store credit by a return). */
export function reloadCard(
  card: Card,
  reload: {
    readonly cardId: string;
    readonly amount: number;
    readonly at: string;
    readonly saleId?: string;
    readonly returnId?: string;
    readonly expiresAt?: string;
  },
): StoredValueReloadEntry {
  positiveAmount(reload.amount, MAX_AMOUNT);
  usable(card);
  const source = reload.saleId ?? reload.returnId;
  if (source === undefined) throw new RangeError('A reload names the sale or return that loads it');
  return { kind: 'reload', id: storedValueEntryId.reload(source, reload.cardId), ...reload };
}

/** Sets money aside for a sale under way: refused beyond what the card has free. */
export function reserveStoredValue(
  card: Card,
  amount: number,
  reservation: { readonly id: string; readonly cardId: string; readonly at: string; readonly until: string },
): StoredValueReserveEntry {
  positiveAmount(amount, MAX_AMOUNT);
  usable(card);
  if (amount > card.available) throw new LedgerRefusal('insufficient_balance', { available: card.available });
  return { kind: 'reserve', ...reservation, amount };
}

/**
 * A tender paid with the card, all or part of what it holds (partial redemption leaves the rest on
 * it). Through a reservation it spends what the reservation holds first; a reservation no longer
 * open is refused (a second sale cannot spend it again). Never more than the card holds.
 */
export function redeemStoredValue(
  card: Card,
  amount: number,
  tender: {
    readonly cardId: string;
    readonly saleId: string;
    readonly tenderId: string;
    readonly at: string;
    readonly reservationId?: string;
  },
): StoredValueRedeemEntry {
  positiveAmount(amount, MAX_AMOUNT);
  usable(card);
  let free = card.available;
  if (tender.reservationId !== undefined) {
    const reservation = card.reservations.find((r) => r.id === tender.reservationId);
    if (!reservation) throw new LedgerRefusal('reservation_not_open');
    free += reservation.amount;
  }
  if (amount > free) throw new LedgerRefusal('insufficient_balance', { available: free });
  return { kind: 'redeem', id: storedValueEntryId.redeem(tender.saleId, tender.tenderId), ...tender, amount };
}

/** A spend made offline under the store's daily cap (minor units): the hub reports it if the card was short. */
export function offlineRedeemStoredValue(
  amount: number,
  tender: { readonly cardId: string; readonly saleId: string; readonly tenderId: string; readonly at: string },
  cap: { readonly cap: number; readonly alreadyOfflineToday: number },
): StoredValueRedeemEntry {
  positiveAmount(amount, MAX_AMOUNT);
  requireOfflineRedeem(cap, amount);
  return { kind: 'redeem', id: storedValueEntryId.redeem(tender.saleId, tender.tenderId), ...tender, amount, offline: true };
}

/**
 * A return of a sale paid with the card puts the money back on it (once: the id comes from the
 * return), never more than the sale took from it (`paidWithCard` less what earlier returns put back).
 */
export function refundToCard(
  card: Card,
  refund: {
    readonly cardId: string;
    readonly amount: number;
    readonly at: string;
    readonly returnId: string;
    readonly saleId: string;
    readonly expiresAt?: string;
  },
  paid: { readonly paidWithCard: number; readonly refundedBefore: number },
): StoredValueRefundEntry {
  positiveAmount(refund.amount, MAX_AMOUNT);
  usable(card);
  const left = paid.paidWithCard - paid.refundedBefore;
  if (refund.amount > left) throw new LedgerRefusal('invalid_amount', { left: Math.max(0, left) });
  return { kind: 'refund', id: storedValueEntryId.refund(refund.returnId, refund.cardId), ...refund };
}

export function releaseStoredValue(cardId: string, reservationId: string, at: string): StoredValueReleaseEntry {
  return { kind: 'release', id: storedValueEntryId.release(reservationId), at, cardId, reservationId };
}

export function cancelCard(
  card: Pick<StoredValueBalance, 'status'>,
  cancel: { readonly cardId: string; readonly at: string; readonly reason: string; readonly staffId: string },
): StoredValueCancelEntry {
  if (card.status === 'not_issued') throw new LedgerRefusal('card_not_issued');
  return { kind: 'cancel', id: storedValueEntryId.cancel(cancel.cardId), ...cancel };
}

/** A spend the card could not cover: what was asked, what was missing (an overdraft), whether it was made offline. */
export type StoredValueOverdraft = {
  readonly entryId: string;
  readonly saleId: string;
  readonly amount: number;
  readonly short: number;
  readonly offline: boolean;
};

/**
 * Every spend that turned out larger than the card's balance: reported to head office. An offline
 * spend that arrives late can leave an online spend made after it short: both show.
 */
export function storedValueOverdrafts(
  card: Pick<StoredValueBalance, 'overdrafts'>,
  entries: readonly StoredValueEntry[],
): StoredValueOverdraft[] {
  const debts = card.overdrafts.map((d) => ({ entryId: d.entryId, short: d.amount }));
  return spendOverdrafts(debts, entries).flatMap(({ entry, short }) =>
    entry.kind === 'redeem'
      ? [{ entryId: entry.id, saleId: entry.saleId, amount: entry.amount, short, offline: entry.offline === true }]
      : [],
  );
}
