import { LedgerRefusal, positiveAmount } from '../ledger/ledger-refusal';
import { requireOfflineRedeem } from '../ledger/offline-cap';
import { spendOverdrafts } from '../ledger/spend-overdrafts';
import type { LoyaltyBalance } from './loyalty-balance';
import {
  loyaltyEntryId,
  type LoyaltyEntry,
  type LoyaltyRedeemEntry,
  type LoyaltyReleaseEntry,
  type LoyaltyReserveEntry,
} from './loyalty-entries';
import { LOYALTY_LIMITS } from './loyalty-program';

/**
 * Redeeming needs the hub: it reserves the points (checked against the balance it holds, inside one
 * transaction, so two stores asking for the same points at once get one yes and one no), the sale
 * consumes the reservation, an abandoned sale releases it.
 */
export function reservePoints(
  balance: Pick<LoyaltyBalance, 'available'>,
  points: number,
  reservation: { readonly id: string; readonly at: string; readonly until: string },
): LoyaltyReserveEntry {
  positiveAmount(points, LOYALTY_LIMITS.maxPoints);
  if (points > balance.available) throw new LedgerRefusal('insufficient_points', { available: balance.available });
  return { kind: 'reserve', id: reservation.id, at: reservation.at, points, until: reservation.until };
}

type SpendingSale = { readonly saleId: string; readonly at: string; readonly rewardId?: string };

function redeemEntry(points: number, sale: SpendingSale): LoyaltyRedeemEntry {
  const reward = sale.rewardId ? { rewardId: sale.rewardId } : {};
  return { kind: 'redeem', id: loyaltyEntryId.redeem(sale.saleId), at: sale.at, points, saleId: sale.saleId, ...reward };
}

/**
 * The sale's spend of a reservation: refused when the reservation is no longer open (consumed,
 * released, run out: a second sale cannot spend it again) or when the sale spends more than it
 * holds plus what is free.
 */
export function redeemReservation(
  balance: Pick<LoyaltyBalance, 'available' | 'reservations'>,
  reservationId: string,
  points: number,
  sale: SpendingSale,
): LoyaltyRedeemEntry {
  positiveAmount(points, LOYALTY_LIMITS.maxPoints);
  const reservation = balance.reservations.find((r) => r.id === reservationId);
  if (!reservation) throw new LedgerRefusal('reservation_not_open');
  if (points > reservation.points + balance.available) {
    throw new LedgerRefusal('insufficient_points', { available: reservation.points + balance.available });
  }
  return { ...redeemEntry(points, sale), reservationId };
}

/** An abandoned sale gives its reservation back (releasing twice, or after it was consumed, changes nothing). */
export function releaseReservation(reservationId: string, at: string): LoyaltyReleaseEntry {
  return { kind: 'release', id: loyaltyEntryId.release(reservationId), at, reservationId };
}

/**
 * A spend made offline, under the store's daily cap (points): refused in the cap's words otherwise.
 * It travels in the sealed sale; the hub applies it and reports it if the balance was short.
 */
export function offlineRedeem(
  points: number,
  sale: SpendingSale,
  cap: { readonly cap: number; readonly alreadyOfflineToday: number },
): LoyaltyRedeemEntry {
  positiveAmount(points, LOYALTY_LIMITS.maxPoints);
  requireOfflineRedeem(cap, points);
  return { ...redeemEntry(points, sale), offline: true };
}

/** A spend the balance could not cover: what was asked, what was missing (now a debt), whether it was made offline. */
export type LoyaltyOverdraft = {
  readonly entryId: string;
  readonly saleId: string;
  readonly points: number;
  readonly short: number;
  readonly offline: boolean;
};

/**
 * Every spend that turned out larger than the balance: the report the hub raises for head office.
 * An offline spend that arrives late can leave an online spend made after it short: both show.
 */
export function loyaltyOverdrafts(balance: Pick<LoyaltyBalance, 'debts'>, entries: readonly LoyaltyEntry[]): LoyaltyOverdraft[] {
  const debts = balance.debts.map((d) => ({ entryId: d.entryId, short: d.points }));
  return spendOverdrafts(debts, entries).flatMap(({ entry, short }) =>
    entry.kind === 'redeem'
      ? [{ entryId: entry.id, saleId: entry.saleId, points: entry.points, short, offline: entry.offline === true }]
      : [],
  );
}
