import { LedgerRefusal, maskCardCode, storedValueBalance, type StoredValueBalance, type StoredValueKind } from '@pos/core';
import type { Queryable } from '../db/database';
import { cardOfCode } from './card-by-code';
import { hubNow } from './ledger-clock';
import { answeringRefusals } from './ledger-errors';
import { readCard, storedValueEntriesOf } from './stored-value-rows';

export type CardLookup = {
  readonly cardId: string;
  readonly maskedCode: string;
  readonly kind: StoredValueKind;
  readonly currency: string;
  readonly expiresAt?: string;
  readonly balance: StoredValueBalance;
};

/**
 * A card's balance from its code (the till's balance check, the receipt, the back office): one row
 * read by the id derived from the code's hash, then core's storedValueBalance over its entries.
 * A code that parses but names no card is card_not_issued.
 */
export async function balanceByCode(db: Queryable, input: unknown, now?: string): Promise<CardLookup> {
  const { code, codeHash, cardId } = await cardOfCode(input);
  return answeringRefusals(async () => {
    const card = await readCard(db, cardId);
    if (!card || card.codeHash !== codeHash) throw new LedgerRefusal('card_not_issued');
    const balance = storedValueBalance(await storedValueEntriesOf(db, cardId), hubNow(now));
    return {
      cardId,
      maskedCode: maskCardCode(code),
      kind: card.kind,
      currency: card.currency,
      ...(card.expiresAt ? { expiresAt: card.expiresAt } : {}),
      balance,
    };
  });
}
