import { randomBytes } from 'node:crypto';
import { CARD_CODE_RANDOM_BYTES, issueCard, maskCardCode, newCardCode, type StoredValueKind } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { cardCodeHash, cardIdOfHash } from './card-id';
import { hubNow } from './ledger-clock';
import { answeringRefusals, entryConflict } from './ledger-errors';
import { checkRequest } from './ledger-inputs';
import { cardAccount } from './stored-value-rows';
import { requestHash } from './request-hash';

export type IssueAnswer = {
  readonly cardId: string;
  readonly kind: StoredValueKind;
  readonly currency: string;
  readonly amount: number;
  /** The code as a receipt shows it (its last group). */
  readonly maskedCode: string;
  readonly expiresAt?: string;
  readonly available: number;
};

/**
 * The first answer also carries the code, the only time the hub ever has it in clear: it keeps its
 * hash. A retry gets the same answer without the code (a till that lost it cancels the card, which
 * nothing was spent from, and sells another).
 */
export type IssuedCard = IssueAnswer & { readonly code?: string };

type Issue = {
  readonly requestId: string;
  readonly kind: StoredValueKind;
  readonly currency: string;
  readonly amount: number;
  readonly tillId: string;
  readonly saleId?: string;
  readonly returnId?: string;
  readonly customerId?: string;
  readonly expiresAt?: string;
  readonly now?: string;
};

async function firstAnswer(tx: Queryable, requestId: string, hash: string): Promise<IssueAnswer> {
  const [row] = await tx.query<{ request_hash: string; answer: IssueAnswer }>(
    `SELECT e.request_hash, e.answer FROM stored_value_cards c
       JOIN stored_value_entries e ON e.card_id = c.card_id AND e.kind = 'issue'
      WHERE c.issue_request_id = $1`,
    [requestId],
  );
  if (!row || row.request_hash !== hash) throw entryConflict(requestId);
  return row.answer;
}

/**
 * A new card: a code from core's newCardCode over node's cryptographic generator, its hash and
 * the id derived from it in stored_value_cards, the issue entry in its ledger, in one transaction.
 * Idempotent by `requestId` (the unique index serialises two copies of one request).
 */
function issue(db: Database, request: Issue): Promise<IssuedCard> {
  const { requestId, kind, currency, amount, tillId, saleId, returnId, customerId, expiresAt } = request;
  const hash = requestHash({ op: 'stored_value.issue', kind, currency, amount, tillId, saleId, returnId, customerId, expiresAt });
  const code = newCardCode(randomBytes(CARD_CODE_RANDOM_BYTES));
  const codeHash = cardCodeHash(code);
  const cardId = cardIdOfHash(codeHash);
  return answeringRefusals(() =>
    db.transaction(async (tx) => {
      const at = hubNow(request.now);
      const created = await tx.query(
        `INSERT INTO stored_value_cards (card_id, code_hash, kind, currency, expires_at, customer_id, issue_request_id, last_entry_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (issue_request_id) DO NOTHING RETURNING card_id`,
        [cardId, codeHash, kind, currency, expiresAt ?? null, customerId ?? null, requestId, at],
      );
      if (created.length === 0) return firstAnswer(tx, requestId, hash);
      const entry = issueCard(
        { status: 'not_issued' },
        { cardId, cardKind: kind, currency, amount, at, saleId, returnId, customerId, expiresAt },
      );
      const answer: IssueAnswer = {
        cardId,
        kind,
        currency,
        amount,
        maskedCode: maskCardCode(code),
        ...(expiresAt ? { expiresAt } : {}),
        available: amount,
      };
      await cardAccount(cardId).insert(tx, { entryId: entry.id, kind: entry.kind, at, entry, saleId, tillId, answer }, hash);
      return { ...answer, code };
    }),
  );
}

/** What selling a card and giving store credit both say: the first amount, where, until when. */
type IssueCommon = {
  readonly amount: number;
  readonly currency: string;
  readonly tillId: string;
  readonly expiresAt?: string;
  readonly now?: string;
};

/** Sells a gift card (a line of a sale): the card and its first amount. */
export async function issueGiftCard(
  db: Database,
  request: IssueCommon & { readonly saleId: string; readonly lineId: string },
): Promise<IssuedCard> {
  checkRequest(request, { id: ['saleId', 'lineId', 'tillId'], currency: ['currency'], optionalInstant: ['expiresAt'] });
  const { saleId, lineId, ...rest } = request;
  return issue(db, { ...rest, requestId: `gift_card:${saleId}:${lineId}`, kind: 'gift_card', saleId });
}

/** Store credit given by a return to a member: a card of its own, its code printed on the return's receipt. */
export async function issueStoreCredit(
  db: Database,
  request: IssueCommon & { readonly customerId: string; readonly returnId: string },
): Promise<IssuedCard> {
  checkRequest(request, { id: ['customerId', 'returnId', 'tillId'], currency: ['currency'], optionalInstant: ['expiresAt'] });
  return issue(db, { ...request, requestId: `store_credit:${request.returnId}`, kind: 'store_credit' });
}
