import { loyaltyBalance, loyaltyEntryId, loyaltyReversal, positiveAmount, type LoyaltyEarnEntry } from '@pos/core';
import { MAX_AMOUNT } from '@pos/core/validation/sealed-shapes';
import type { Database, Queryable } from '../db/database';
import { hubNow } from './ledger-clock';
import { checkRequest } from './ledger-inputs';
import { ledgerOperationIn } from './ledger-operation';
import { answeringRefusals } from './ledger-errors';
import { loyaltyAccount, type LoyaltyAccountKey } from './loyalty-rows';
import { requestHash } from './request-hash';
import { resolveCustomerId } from '../customers/customer-resolve';

export type LoyaltyReverseRequest = LoyaltyAccountKey & {
  /** The original sale, whose earn the return reverses. */
  readonly saleId: string;
  readonly returnId: string;
  /** What this return refunds of the sale, VAT included (minor units). */
  readonly refunded: number;
  readonly now?: string;
};

export type LoyaltyReverseAnswer = {
  readonly entryId: string;
  /** Points taken back (0: the sale earned nothing, or this part of it takes nothing back yet). */
  readonly points: number;
  readonly refunded: number;
  readonly available: number;
  /** Points taken back that the member had spent already: owed, repaid by the next earns. */
  readonly debt: number;
};

/** What earlier returns of the sale refunded: their answers keep it, a return that took no points back included. */
async function refundedBefore(tx: Queryable, key: LoyaltyAccountKey, saleId: string): Promise<number> {
  const rows = await tx.query<{ answer: { refunded: number } }>(
    "SELECT answer FROM loyalty_entries WHERE customer_id = $1 AND program_id = $2 AND kind = 'reverse' AND sale_id = $3",
    // A merged member's earlier returns moved with their entries to the member kept.
    [await resolveCustomerId(tx, key.customerId), key.programId, saleId],
  );
  return rows.reduce((acc, r) => acc + Number(r.answer.refunded), 0);
}

/**
 * A return takes back the points its sale earned, pro rata to what it refunds (core's
 * loyaltyReversal: cumulative shares, so partial returns never take more than was earned). The
 * balance never goes below zero: points already spent become debt, recorded with this entry.
 * Points the sale spent on a reward are not given back. Once per return.
 */
export function reversePoints(db: Database, request: LoyaltyReverseRequest): Promise<LoyaltyReverseAnswer> {
  return answeringRefusals(() => db.transaction((tx) => reversePointsIn(tx, request)));
}

/** reversePoints inside a transaction the caller holds (the loyalty projector's step). */
export async function reversePointsIn(tx: Queryable, request: LoyaltyReverseRequest): Promise<LoyaltyReverseAnswer> {
  checkRequest(request, { id: ['customerId', 'programId', 'saleId', 'returnId'] });
  const { programId, saleId, returnId, refunded } = request;
  const entryId = loyaltyEntryId.reverse(returnId);
  const hash = requestHash({ op: 'loyalty.reverse', programId, saleId, refunded });
  return ledgerOperationIn(tx, loyaltyAccount(request), { entryId, hash, now: hubNow(request.now) }, async ({ entries, at }) => {
    positiveAmount(refunded, MAX_AMOUNT);
    const earnId = loyaltyEntryId.earn(saleId);
    const earn = entries.find((e): e is LoyaltyEarnEntry => e.kind === 'earn' && e.id === earnId);
    const before = await refundedBefore(tx, request, saleId);
    const entry = earn ? loyaltyReversal(earn, { returnId, at, refunded, refundedBefore: before }) : undefined;
    const after = loyaltyBalance(entry ? [...entries, entry] : entries, at);
    const answer = { entryId, points: entry?.points ?? 0, refunded, available: after.available, debt: after.debt };
    return { entryId, kind: 'reverse', at, entry: entry ?? null, saleId, answer };
  });
}
