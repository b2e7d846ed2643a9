import { ratioFloor } from '../ledger/ratio-floor';
import { loyaltyEntryId, type LoyaltyEarnEntry, type LoyaltyReverseEntry } from './loyalty-entries';

/** A return of (part of) a sale that earned: what it refunds, what earlier returns of that sale refunded. */
export type LoyaltyReturn = {
  /** The return sale's id: the reversal's id comes from it, so a return reverses once. */
  readonly returnId: string;
  readonly at: string;
  /** Refunded by this return, VAT included (the return's total). */
  readonly refunded: number;
  /** Refunded by the earlier returns of the same sale. */
  readonly refundedBefore: number;
};

/**
 * Points a sale has lost once `refunded` of its total came back. Spend: floor(points × refunded ÷
 * total), all of them once everything came back. Visit: none while what is kept still reaches the
 * visit minimum, all of them once it does not (Square's rule).
 */
function reversedAfter(earn: LoyaltyEarnEntry, refunded: number): number {
  if (refunded <= 0) return 0;
  if (refunded >= earn.saleTotal) return earn.points;
  if (earn.rule === 'spend') return ratioFloor([earn.points, refunded], [earn.saleTotal]);
  const basisKept = earn.basis - ratioFloor([earn.basis, refunded], [earn.saleTotal]);
  return basisKept < (earn.visitMinimum ?? 1) ? earn.points : 0;
}

/**
 * The reversal a return makes of the points its original sale earned, pro rata to the amount
 * refunded: a difference of cumulative shares, so several partial returns never take back more than
 * was earned, and all of it once the whole sale came back. Undefined when nothing is taken back.
 * Only earned points are reversed: points the sale spent on a reward are not given back, and the
 * return never spends points again. Taking more than the member has left is recorded as debt by
 * the balance (loyaltyBalance), never as a negative balance.
 */
export function loyaltyReversal(earn: LoyaltyEarnEntry, ret: LoyaltyReturn): LoyaltyReverseEntry | undefined {
  const before = Math.max(0, ret.refundedBefore);
  const points = reversedAfter(earn, before + Math.max(0, ret.refunded)) - reversedAfter(earn, before);
  if (points <= 0) return undefined;
  return { kind: 'reverse', id: loyaltyEntryId.reverse(ret.returnId), at: ret.at, points, saleId: earn.saleId, returnId: ret.returnId };
}
