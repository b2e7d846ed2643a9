import { LedgerRefusal, type StoredValueEntry, type StoredValueKind } from '@pos/core';
import type { Queryable } from '../db/database';
import type { LedgerAccount } from './ledger-operation';

export type CardRow = {
  readonly cardId: string;
  readonly codeHash: string;
  readonly kind: StoredValueKind;
  readonly currency: string;
  readonly expiresAt: string | null;
  readonly status: 'active' | 'cancelled';
  readonly customerId: string | null;
};

type CardColumns = {
  card_id: string;
  code_hash: string;
  kind: StoredValueKind;
  currency: string;
  expires_at: string | null;
  status: 'active' | 'cancelled';
  customer_id: string | null;
};

const cardOf = (r: CardColumns): CardRow => ({
  cardId: r.card_id,
  codeHash: r.code_hash,
  kind: r.kind,
  currency: r.currency,
  expiresAt: r.expires_at,
  status: r.status,
  customerId: r.customer_id,
});

/** A card's row (stored_value_cards), or undefined. */
export async function readCard(db: Queryable, cardId: string): Promise<CardRow | undefined> {
  const [row] = await db.query<CardColumns>(
    'SELECT card_id, code_hash, kind, currency, expires_at, status, customer_id FROM stored_value_cards WHERE card_id = $1',
    [cardId],
  );
  return row ? cardOf(row) : undefined;
}

/** Every entry of a card, as core's storedValueBalance reads them. */
export async function storedValueEntriesOf(db: Queryable, cardId: string): Promise<StoredValueEntry[]> {
  const rows = await db.query<{ entry: StoredValueEntry }>('SELECT entry FROM stored_value_entries WHERE card_id = $1', [cardId]);
  return rows.map((r) => r.entry);
}

/**
 * The rows of one card's ledger. The card must exist (issue creates it): locking an unknown card
 * is card_not_issued. `onLock` sees the card's row (to check its kind).
 */
export function cardAccount(cardId: string, onLock?: (card: CardRow) => void): LedgerAccount<StoredValueEntry> {
  return {
    async lock(tx) {
      const [row] = await tx.query<CardColumns & { last_entry_at: string | null }>(
        `SELECT card_id, code_hash, kind, currency, expires_at, status, customer_id, last_entry_at
           FROM stored_value_cards WHERE card_id = $1 FOR UPDATE`,
        [cardId],
      );
      if (!row) throw new LedgerRefusal('card_not_issued');
      onLock?.(cardOf(row));
      return { lastEntryAt: row.last_entry_at };
    },
    async find(tx, entryId) {
      const [row] = await tx.query<{ request_hash: string; answer: unknown }>(
        'SELECT request_hash, answer FROM stored_value_entries WHERE card_id = $1 AND entry_id = $2',
        [cardId, entryId],
      );
      return row ? { requestHash: row.request_hash, answer: row.answer } : undefined;
    },
    entries: (tx) => storedValueEntriesOf(tx, cardId),
    async insert(tx, row, requestHash) {
      const amount = row.entry !== null && 'amount' in row.entry ? row.entry.amount : null;
      await tx.query(
        `INSERT INTO stored_value_entries (card_id, entry_id, kind, at, amount, sale_id, till_id, entry, request_hash, answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          cardId,
          row.entryId,
          row.kind,
          row.at,
          amount,
          row.saleId ?? null,
          row.tillId ?? null,
          JSON.stringify(row.entry),
          requestHash,
          JSON.stringify(row.answer),
        ],
      );
    },
    async touch(tx, at) {
      await tx.query('UPDATE stored_value_cards SET last_entry_at = $2 WHERE card_id = $1', [cardId, at]);
    },
  };
}
