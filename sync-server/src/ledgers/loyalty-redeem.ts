import { LedgerRefusal, loyaltyBalance, loyaltyEntryId, redeemReservation, releaseReservation, reservePoints } from '@pos/core';
import type { Database } from '../db/database';
import { hubNow } from './ledger-clock';
import { checkRequest, requireReservationEnd } from './ledger-inputs';
import { ledgerOperation } from './ledger-operation';
import { loyaltyAccount } from './loyalty-rows';
import { requestHash } from './request-hash';
import { requireReservingTill } from './reservation-owner';

type Member = { readonly customerId: string; readonly programId: string; readonly now?: string };

export type LoyaltyReserveRequest = Member & {
  readonly reservationId: string;
  readonly points: number;
  readonly tillId: string;
  /** When the reservation runs out unless consumed or released (at most 24 hours ahead). */
  readonly until: string;
};

export type LoyaltyReserveAnswer = {
  readonly reservationId: string;
  readonly points: number;
  readonly until: string;
  /** Points still free after this reservation. */
  readonly available: number;
};

/**
 * Sets points aside for a sale under way, checked against the balance under the account's lock:
 * of two tills asking for the same points at once, one gets them, the other insufficient_points.
 * A reservation past its `until` no longer counts against the balance (released lazily: no job
 * writes anything, the replay gives the points back at that instant).
 */
export async function reservePointsAtHub(db: Database, request: LoyaltyReserveRequest): Promise<LoyaltyReserveAnswer> {
  checkRequest(request, { id: ['customerId', 'programId', 'reservationId', 'tillId'], instant: ['until'] });
  const { programId, reservationId, points, tillId, until } = request;
  const hash = requestHash({ op: 'loyalty.reserve', programId, points, tillId, until });
  return ledgerOperation(
    db,
    loyaltyAccount(request),
    { entryId: reservationId, hash, now: hubNow(request.now) },
    async ({ entries, at }) => {
      requireReservationEnd(until, at);
      const balance = loyaltyBalance(entries, at);
      const entry = reservePoints(balance, points, { id: reservationId, at, until });
      const answer = { reservationId, points, until, available: balance.available - points };
      return { entryId: entry.id, kind: entry.kind, at, entry, tillId, answer };
    },
  );
}

export type LoyaltyConsumeRequest = Member & {
  readonly reservationId: string;
  readonly saleId: string;
  /** Points the sale spends (absent: what the reservation holds). */
  readonly points?: number;
  readonly rewardId?: string;
  /** The calling till (the ledgers' name for it): only the till that reserved may spend. */
  readonly tillId?: string;
};

export type LoyaltyConsumeAnswer = {
  readonly entryId: string;
  readonly saleId: string;
  readonly points: number;
  readonly available: number;
};

/** The sale spends its reservation (once: a reservation consumed, released or run out is reservation_not_open). */
export async function consumeReservation(db: Database, request: LoyaltyConsumeRequest): Promise<LoyaltyConsumeAnswer> {
  checkRequest(request, { id: ['customerId', 'programId', 'reservationId', 'saleId'], optionalId: ['rewardId'] });
  const { programId, reservationId, saleId, rewardId } = request;
  const hash = requestHash({ op: 'loyalty.consume', programId, reservationId, saleId, points: request.points, rewardId });
  const entryId = loyaltyEntryId.redeem(saleId);
  return ledgerOperation(db, loyaltyAccount(request), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at, tx }) => {
    await requireReservingTill(tx, 'loyalty', request.customerId, reservationId, request.tillId);
    const balance = loyaltyBalance(entries, at);
    const held = balance.reservations.find((r) => r.id === reservationId);
    if (!held) throw new LedgerRefusal('reservation_not_open');
    const points = request.points ?? held.points;
    const entry = redeemReservation(balance, reservationId, points, { saleId, at, ...(rewardId ? { rewardId } : {}) });
    const after = loyaltyBalance([...entries, entry], at);
    return {
      entryId: entry.id,
      kind: entry.kind,
      at,
      entry,
      saleId,
      answer: { entryId: entry.id, saleId, points, available: after.available },
    };
  });
}

export type LoyaltyReleaseRequest = Member & { readonly reservationId: string; readonly tillId?: string };

export type LoyaltyReleaseAnswer = {
  readonly reservationId: string;
  /** False when the reservation was no longer open (consumed, released before, run out, unknown): nothing changed. */
  readonly released: boolean;
  readonly available: number;
};

/** An abandoned sale gives its points back. */
export async function releasePointsAtHub(db: Database, request: LoyaltyReleaseRequest): Promise<LoyaltyReleaseAnswer> {
  checkRequest(request, { id: ['customerId', 'programId', 'reservationId'] });
  const { programId, reservationId } = request;
  const hash = requestHash({ op: 'loyalty.release', programId, reservationId });
  const entryId = loyaltyEntryId.release(reservationId);
  return ledgerOperation(db, loyaltyAccount(request), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at, tx }) => {
    await requireReservingTill(tx, 'loyalty', request.customerId, reservationId, request.tillId);
    const balance = loyaltyBalance(entries, at);
    const released = balance.reservations.some((r) => r.id === reservationId);
    const entry = releaseReservation(reservationId, at);
    const after = loyaltyBalance([...entries, entry], at);
    return { entryId: entry.id, kind: entry.kind, at, entry, answer: { reservationId, released, available: after.available } };
  });
}
