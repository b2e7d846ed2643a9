import { LedgerRefusal, refundToCard, reloadCard, storedValueBalance, storedValueEntryId, type StoredValueEntry } from '@pos/core';
import type { Database } from '../db/database';
import { hubNow } from './ledger-clock';
import { checkRequest } from './ledger-inputs';
import { ledgerOperation } from './ledger-operation';
import { requestHash } from './request-hash';
import { cardAccount } from './stored-value-rows';

export type CardCreditAnswer = { readonly cardId: string; readonly entryId: string; readonly amount: number; readonly available: number };

/** A gift card reloaded by a sale (load only once the sale is paid: the till asks after it). Gift cards only. */
export async function reloadGiftCard(
  db: Database,
  request: {
    readonly cardId: string;
    readonly saleId: string;
    readonly amount: number;
    readonly tillId: string;
    readonly expiresAt?: string;
    readonly now?: string;
  },
): Promise<CardCreditAnswer> {
  checkRequest(request, { id: ['cardId', 'saleId', 'tillId'], optionalInstant: ['expiresAt'] });
  const { cardId, saleId, amount, tillId, expiresAt } = request;
  const entryId = storedValueEntryId.reload(saleId, cardId);
  const hash = requestHash({ op: 'stored_value.reload', amount, tillId, expiresAt });
  const giftCardsOnly = (card: { kind: string }) => {
    if (card.kind !== 'gift_card') throw new LedgerRefusal('card_not_issued');
  };
  return ledgerOperation(db, cardAccount(cardId, giftCardsOnly), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at }) => {
    const entry = reloadCard(storedValueBalance(entries, at), { cardId, amount, at, saleId, ...(expiresAt ? { expiresAt } : {}) });
    const after = storedValueBalance([...entries, entry], at);
    return { entryId, kind: entry.kind, at, entry, saleId, tillId, answer: { cardId, entryId, amount, available: after.available } };
  });
}

/** What a sale took from the card, and what its earlier returns put back: the bound of a refund. */
function paidBySale(entries: readonly StoredValueEntry[], saleId: string): { paidWithCard: number; refundedBefore: number } {
  let paidWithCard = 0;
  let refundedBefore = 0;
  for (const e of entries) {
    if (e.kind === 'redeem' && e.saleId === saleId) paidWithCard += e.amount;
    if (e.kind === 'refund' && e.saleId === saleId) refundedBefore += e.amount;
  }
  return { paidWithCard, refundedBefore };
}

/**
 * A return of a sale paid with the card puts the money back on it: once per return, never more
 * than the sale took from the card less what its earlier returns put back (invalid_amount), so a
 * return cannot load a card it did not spend (the zero-balance refund of OMNICHANNEL B.3).
 */
export async function refundToCardAtHub(
  db: Database,
  request: {
    readonly cardId: string;
    readonly saleId: string;
    readonly returnId: string;
    readonly amount: number;
    readonly tillId: string;
    readonly now?: string;
  },
): Promise<CardCreditAnswer> {
  checkRequest(request, { id: ['cardId', 'saleId', 'returnId', 'tillId'] });
  const { cardId, saleId, returnId, amount, tillId } = request;
  const entryId = storedValueEntryId.refund(returnId, cardId);
  const hash = requestHash({ op: 'stored_value.refund', saleId, amount, tillId });
  return ledgerOperation(db, cardAccount(cardId), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at }) => {
    const card = storedValueBalance(entries, at);
    const entry = refundToCard(card, { cardId, amount, at, returnId, saleId }, paidBySale(entries, saleId));
    const after = storedValueBalance([...entries, entry], at);
    return { entryId, kind: entry.kind, at, entry, saleId, tillId, answer: { cardId, entryId, amount, available: after.available } };
  });
}
