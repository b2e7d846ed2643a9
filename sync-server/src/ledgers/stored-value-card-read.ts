import { LedgerRefusal, storedValueBalance, type StoredValueBalance } from '@pos/core';
import type { Queryable } from '../db/database';
import { hubNow } from './ledger-clock';
import { answeringRefusals } from './ledger-errors';
import { checkRequest } from './ledger-inputs';
import { readCard, storedValueEntriesOf, type CardRow } from './stored-value-rows';

/**
 * A card by the hub's id (the back office: the code is never asked for, nor known), with its
 * balance replayed at `now`. An id that names no card is card_not_issued.
 */
export async function cardById(
  db: Queryable,
  cardId: string,
  now?: string,
): Promise<{ readonly card: Omit<CardRow, 'codeHash'>; readonly balance: StoredValueBalance }> {
  checkRequest({ cardId }, { id: ['cardId'] });
  return answeringRefusals(async () => {
    const row = await readCard(db, cardId);
    if (!row) throw new LedgerRefusal('card_not_issued');
    const { codeHash: _secret, ...card } = row;
    return { card, balance: storedValueBalance(await storedValueEntriesOf(db, cardId), hubNow(now)) };
  });
}
