import {
  LedgerRefusal,
  maskCardCode,
  redeemStoredValue,
  releaseStoredValue,
  reserveStoredValue,
  storedValueBalance,
  storedValueEntryId,
} from '@pos/core';
import type { Database } from '../db/database';
import { cardOfCode } from './card-by-code';
import { hubNow } from './ledger-clock';
import { checkRequest, requireReservationEnd } from './ledger-inputs';
import { ledgerOperation } from './ledger-operation';
import { requestHash } from './request-hash';
import { cardAccount } from './stored-value-rows';
import { requireReservingTill } from './reservation-owner';

export type CardReserveRequest = {
  /** The code the customer shows: spending needs it, the card id alone is not enough. */
  readonly code: string;
  readonly reservationId: string;
  readonly amount: number;
  readonly tillId: string;
  readonly until: string;
  readonly now?: string;
};

export type CardReserveAnswer = {
  readonly cardId: string;
  readonly maskedCode: string;
  readonly reservationId: string;
  readonly amount: number;
  readonly until: string;
  readonly available: number;
};

/**
 * Sets money of a card aside for a sale under way, under the card's lock: two tills spending the
 * same card at once are served one after the other, and the second finds only what is left
 * (insufficient_balance). A reservation past its `until` no longer counts (released lazily).
 */
export async function reserveCard(db: Database, request: CardReserveRequest): Promise<CardReserveAnswer> {
  checkRequest(request, { id: ['reservationId', 'tillId'], instant: ['until'] });
  const { code, cardId } = await cardOfCode(request.code);
  const { reservationId, amount, tillId, until } = request;
  const hash = requestHash({ op: 'stored_value.reserve', cardId, amount, tillId, until });
  return ledgerOperation(db, cardAccount(cardId), { entryId: reservationId, hash, now: hubNow(request.now) }, async ({ entries, at }) => {
    requireReservationEnd(until, at);
    const card = storedValueBalance(entries, at);
    const entry = reserveStoredValue(card, amount, { id: reservationId, cardId, at, until });
    const answer = { cardId, maskedCode: maskCardCode(code), reservationId, amount, until, available: card.available - amount };
    return { entryId: entry.id, kind: entry.kind, at, entry, tillId, answer };
  });
}

export type CardRedeemRequest = {
  readonly cardId: string;
  readonly reservationId: string;
  readonly saleId: string;
  readonly tenderId: string;
  /** What the tender takes (absent: what the reservation holds); partial redemption leaves the rest on the card. */
  readonly amount?: number;
  readonly now?: string;
  /** The calling till (the ledgers' name for it): only the till that reserved may spend. */
  readonly tillId?: string;
};

export type CardRedeemAnswer = { readonly cardId: string; readonly entryId: string; readonly amount: number; readonly available: number };

/** The sale's tender spends the reservation: once (reservation_not_open after), never more than the card holds. */
export async function redeemCard(db: Database, request: CardRedeemRequest): Promise<CardRedeemAnswer> {
  checkRequest(request, { id: ['cardId', 'reservationId', 'saleId', 'tenderId'] });
  const { cardId, reservationId, saleId, tenderId } = request;
  const entryId = storedValueEntryId.redeem(saleId, tenderId);
  const hash = requestHash({ op: 'stored_value.redeem', reservationId, amount: request.amount });
  return ledgerOperation(db, cardAccount(cardId), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at, tx }) => {
    await requireReservingTill(tx, 'card', cardId, reservationId, request.tillId);
    const card = storedValueBalance(entries, at);
    const held = card.reservations.find((r) => r.id === reservationId);
    if (!held) throw new LedgerRefusal(card.status === 'active' ? 'reservation_not_open' : 'card_cancelled');
    const amount = request.amount ?? held.amount;
    const entry = redeemStoredValue(card, amount, { cardId, saleId, tenderId, at, reservationId });
    const after = storedValueBalance([...entries, entry], at);
    return { entryId, kind: entry.kind, at, entry, saleId, answer: { cardId, entryId, amount, available: after.available } };
  });
}

export type CardReleaseAnswer = {
  readonly cardId: string;
  readonly reservationId: string;
  readonly released: boolean;
  readonly available: number;
};

/** An abandoned sale gives the money back on the card (nothing changes for a reservation no longer open). */
export async function releaseCard(
  db: Database,
  request: { readonly cardId: string; readonly reservationId: string; readonly now?: string; readonly tillId?: string },
): Promise<CardReleaseAnswer> {
  checkRequest(request, { id: ['cardId', 'reservationId'] });
  const { cardId, reservationId } = request;
  const entryId = storedValueEntryId.release(reservationId);
  const hash = requestHash({ op: 'stored_value.release', reservationId });
  return ledgerOperation(db, cardAccount(cardId), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at, tx }) => {
    await requireReservingTill(tx, 'card', cardId, reservationId, request.tillId);
    const released = storedValueBalance(entries, at).reservations.some((r) => r.id === reservationId);
    const entry = releaseStoredValue(cardId, reservationId, at);
    const after = storedValueBalance([...entries, entry], at);
    return { entryId, kind: entry.kind, at, entry, answer: { cardId, reservationId, released, available: after.available } };
  });
}
