import { cancelCard, storedValueBalance, storedValueEntryId } from '@pos/core';
import type { Database } from '../db/database';
import { hubNow } from './ledger-clock';
import { invalidLedgerRequest } from './ledger-errors';
import { checkRequest } from './ledger-inputs';
import { ledgerOperation } from './ledger-operation';
import { requestHash } from './request-hash';
import { cardAccount } from './stored-value-rows';

export type CardCancelAnswer = { readonly cardId: string; readonly entryId: string; readonly voided: number };

/**
 * Head office cancels a card (lost and replaced, fraud), with who and why: what it holds is void,
 * nothing more is loaded or spent (card_cancelled), and the card's row says so (`status`).
 */
export async function cancelCardAtHub(
  db: Database,
  request: { readonly cardId: string; readonly reason: string; readonly staffId: string; readonly now?: string },
): Promise<CardCancelAnswer> {
  checkRequest(request, { id: ['cardId', 'staffId'] });
  if (typeof request.reason !== 'string' || request.reason.length < 1 || request.reason.length > 200)
    throw invalidLedgerRequest(['reason must be 1 to 200 characters']);
  const { cardId, reason, staffId } = request;
  const entryId = storedValueEntryId.cancel(cardId);
  const hash = requestHash({ op: 'stored_value.cancel', reason, staffId });
  return ledgerOperation(db, cardAccount(cardId), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at, tx }) => {
    const entry = cancelCard(storedValueBalance(entries, at), { cardId, at, reason, staffId });
    const after = storedValueBalance([...entries, entry], at);
    await tx.query("UPDATE stored_value_cards SET status = 'cancelled' WHERE card_id = $1", [cardId]);
    return { entryId, kind: entry.kind, at, entry, answer: { cardId, entryId, voided: after.voided } };
  });
}
