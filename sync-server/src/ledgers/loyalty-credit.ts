import { loyaltyBalance, loyaltyEntryProblems, LedgerRefusal, type LoyaltyAdjustEntry, type LoyaltyEarnEntry } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { hubNow } from './ledger-clock';
import { answeringRefusals, invalidLedgerRequest } from './ledger-errors';
import { checkRequest } from './ledger-inputs';
import { ledgerOperation, ledgerOperationIn } from './ledger-operation';
import { loyaltyAccount } from './loyalty-rows';
import { requestHash } from './request-hash';

export type LoyaltyEarnAnswer = {
  readonly entryId: string;
  readonly customerId: string;
  readonly programId: string;
  readonly points: number;
  /** Points free once it was applied (an earn dated after the hub's clock counts from its own instant). */
  readonly available: number;
};

/**
 * Applies the earn entry a sealed sale carries (made by core's loyaltyEarn at the till), once: the
 * same sale pushed again, even months later, finds its entry and gets the first answer. The entry
 * is bounded by core's shape before anything reads it; its instant is the sale's.
 */
export function earnPoints(db: Database, earn: unknown, now?: string): Promise<LoyaltyEarnAnswer> {
  return answeringRefusals(() => db.transaction((tx) => earnPointsIn(tx, earn, now)));
}

/** earnPoints inside a transaction the caller holds (the loyalty projector's step). */
export async function earnPointsIn(tx: Queryable, earn: unknown, now?: string): Promise<LoyaltyEarnAnswer> {
  const problems = loyaltyEntryProblems(earn, 'earn');
  if (problems.length === 0 && (earn as { kind: string }).kind !== 'earn') problems.push('earn.kind must be earn');
  if (problems.length > 0) throw invalidLedgerRequest(problems);
  const entry = earn as LoyaltyEarnEntry;
  checkRequest(entry, { id: ['customerId', 'programId'] }, 'earn');
  const key = { customerId: entry.customerId, programId: entry.programId };
  const hash = requestHash({ op: 'loyalty.earn', entry });
  return ledgerOperationIn(tx, loyaltyAccount(key), { entryId: entry.id, hash, now: hubNow(now) }, async ({ entries, at }) => {
    const after = loyaltyBalance([...entries, entry], at);
    const answer = { entryId: entry.id, ...key, points: entry.points, available: after.available };
    return { entryId: entry.id, kind: entry.kind, at: entry.at, entry, saleId: entry.saleId, answer };
  });
}

export type LoyaltyAdjustRequest = {
  readonly customerId: string;
  readonly programId: string;
  /** The back office's id for this correction: the same id again is the same correction. */
  readonly adjustmentId: string;
  /** Signed, never 0: positive adds a lot, negative takes points away (never more than are free). */
  readonly points: number;
  readonly reason: string;
  /** Who made it. */
  readonly staffId: string;
  readonly expiresAt?: string;
  readonly now?: string;
};

export type LoyaltyAdjustAnswer = { readonly entryId: string; readonly points: number; readonly available: number };

/** A correction by head office, with who made it and why. */
export async function adjustPoints(db: Database, request: LoyaltyAdjustRequest): Promise<LoyaltyAdjustAnswer> {
  checkRequest(request, { id: ['customerId', 'programId', 'adjustmentId', 'staffId'], optionalInstant: ['expiresAt'] });
  const { programId, points, reason, staffId, expiresAt } = request;
  const entryId = `adjust:${request.adjustmentId}`;
  const hash = requestHash({ op: 'loyalty.adjust', programId, points, reason, staffId, expiresAt });
  return ledgerOperation(db, loyaltyAccount(request), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at }) => {
    const entry: LoyaltyAdjustEntry = { kind: 'adjust', id: entryId, at, points, reason, staffId, ...(expiresAt ? { expiresAt } : {}) };
    const problems = loyaltyEntryProblems(entry, 'adjustment');
    if (problems.length > 0) throw invalidLedgerRequest(problems);
    const balance = loyaltyBalance(entries, at);
    if (points < 0 && -points > balance.available) throw new LedgerRefusal('insufficient_points', { available: balance.available });
    const after = loyaltyBalance([...entries, entry], at);
    return { entryId, kind: entry.kind, at, entry, answer: { entryId, points, available: after.available } };
  });
}
