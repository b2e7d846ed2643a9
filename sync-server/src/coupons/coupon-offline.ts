import { presentedCouponCode } from '@pos/core';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { hubNow } from '../ledgers/ledger-clock';
import { requestHash } from '../ledgers/request-hash';
import { reservationConflict } from './coupon-errors';
import { recordCouponIncident, type CouponIncidentKind } from './coupon-incidents';
import { couponFactsAt, findUse, insertUse, lockCoupon } from './coupon-rows';
import type { CouponTill } from './coupon-reserve';

export type OfflineRedemptionRequest = CouponTill & {
  readonly promotionId: string;
  readonly saleId: string;
  readonly code: string;
  readonly amount: number;
  readonly customerId?: string;
  readonly now?: string;
};

export type OfflineRedemptionAnswer = {
  readonly saleId: string;
  readonly code: string;
  readonly recorded: true;
  readonly incident?: CouponIncidentKind;
};

/**
 * A sale a till sealed offline with a single-use code of its block: recorded as consumed, once per
 * sale and promotion (`offline:<saleId>`). A code used twice (two tills given it by mistake, or used
 * online meanwhile), or one outside the till's block, is recorded all the same and reported as an
 * incident: the sale is sealed, nothing blocks the chain or the till's other sales.
 */
export async function recordOfflineRedemption(db: Database, request: OfflineRedemptionRequest): Promise<OfflineRedemptionAnswer> {
  const code = presentedCouponCode(request.code);
  if (code === null) throw new HubError(400, 'bad_request', 'Not a coupon code');
  const useId = `offline:${request.saleId}`;
  const hash = requestHash({ op: 'coupon.offline', code, saleId: request.saleId, amount: request.amount, customerId: request.customerId });
  return db.transaction(async (tx) => {
    await lockCoupon(tx, request.promotionId);
    const before = await findUse(tx, request.promotionId, useId);
    if (before) {
      if (before.requestHash !== hash) throw reservationConflict(useId);
      return before.answer as OfflineRedemptionAnswer;
    }
    const at = hubNow(request.now);
    const [row] = await tx.query<{ promotion_id: string; block_store_id: string | null; block_till_id: string | null }>(
      'SELECT promotion_id, block_store_id, block_till_id FROM coupon_codes WHERE code = $1',
      [code],
    );
    const inBlock =
      row?.promotion_id === request.promotionId && row.block_store_id === request.storeId && row.block_till_id === request.tillId;
    const usedTwice = (await couponFactsAt(tx, request.promotionId, { code }, at)).codeTaken;
    const incident: CouponIncidentKind | undefined = usedTwice ? 'coupon_used_twice' : inBlock ? undefined : 'coupon_not_in_block';
    const answer: OfflineRedemptionAnswer = { saleId: request.saleId, code, recorded: true, ...(incident ? { incident } : {}) };
    await insertUse(tx, {
      promotionId: request.promotionId,
      useId,
      code,
      ...(request.customerId !== undefined ? { customerId: request.customerId } : {}),
      storeId: request.storeId,
      tillRef: request.tillRef,
      state: 'consumed',
      amount: request.amount,
      at,
      saleId: request.saleId,
      offline: true,
      ...(incident ? { incident } : {}),
      requestHash: hash,
      answer,
    });
    if (incident) await recordCouponIncident(tx, request, incident, request.saleId, { promotionId: request.promotionId, code });
    return answer;
  });
}
