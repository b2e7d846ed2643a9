import { checkCouponFacts, CouponRefusal, useCounts, type CouponPolicy, type CompiledPromotions } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { hubNow } from '../ledgers/ledger-clock';
import { requireReservationEnd } from '../ledgers/ledger-inputs';
import { requestHash } from '../ledgers/request-hash';
import { anotherTill, answeringCouponRefusals, reservationConflict } from './coupon-errors';
import { findCoupon, livePromotion } from './coupon-find';
import { recordCouponIncident, type CouponIncidentKind } from './coupon-incidents';
import { couponFactsAt, findUse, insertUse, lockCoupon, settleUse, type CouponUseRow } from './coupon-rows';

/** The calling till, from its device token: its store, its id, and the ledgers' name for it. */
export type CouponTill = { readonly storeId: string; readonly tillId: string; readonly tillRef: string };

export type CouponReserveRequest = CouponTill & {
  readonly code: string;
  readonly reservationId: string;
  readonly customerId?: string;
  /** Minor units of discount the sale expects from the coupon (0: not yet priced). */
  readonly amount: number;
  readonly until: string;
  readonly now?: string;
};

export type CouponReserveAnswer = {
  readonly reservationId: string;
  readonly promotionId: string;
  readonly version: number;
  readonly code: string;
  readonly kind: CouponPolicy['kind'];
  readonly until: string;
};

/**
 * Holds a coupon for a sale under way, decided under the promotion's lock: of two tills asking for
 * the same single-use code (or the last use of a limited one) at once, one gets it and the other a
 * refusal. The same reservation id again answers the first answer; for another code, 409.
 */
export async function reserveCoupon(db: Database, set: CompiledPromotions, request: CouponReserveRequest): Promise<CouponReserveAnswer> {
  return answeringCouponRefusals(async () => {
    const found = await findCoupon(db, set, request.code);
    const { promotion, policy, code } = found;
    const hash = requestHash({ op: 'coupon.reserve', code, customerId: request.customerId, amount: request.amount, until: request.until });
    return db.transaction(async (tx) => {
      await lockCoupon(tx, promotion.id);
      const before = await findUse(tx, promotion.id, request.reservationId);
      if (before) {
        if (before.requestHash !== hash || before.tillRef !== request.tillRef) throw reservationConflict(request.reservationId);
        return before.answer as CouponReserveAnswer;
      }
      const at = hubNow(request.now);
      requireReservationEnd(request.until, at);
      const ask = { code, amount: request.amount, ...(request.customerId !== undefined ? { customerId: request.customerId } : {}) };
      checkCouponFacts(policy, await couponFactsAt(tx, promotion.id, ask, at), ask);
      const answer: CouponReserveAnswer = {
        reservationId: request.reservationId,
        promotionId: promotion.id,
        version: promotion.version,
        code,
        kind: policy.kind,
        until: request.until,
      };
      await insertUse(tx, {
        promotionId: promotion.id,
        useId: request.reservationId,
        code,
        ...(request.customerId !== undefined ? { customerId: request.customerId } : {}),
        storeId: request.storeId,
        tillRef: request.tillRef,
        state: 'reserved',
        amount: request.amount,
        at,
        until: request.until,
        requestHash: hash,
        answer,
      });
      return answer;
    });
  });
}

export type CouponConsumeRequest = CouponTill & {
  readonly promotionId: string;
  readonly reservationId: string;
  readonly saleId: string;
  /** What the sealed sale's discounts of this coupon took off in all. */
  readonly amount: number;
  readonly now?: string;
};

export type CouponConsumeAnswer = {
  readonly reservationId: string;
  readonly saleId: string;
  readonly amount: number;
  /** Set when the hub recorded it with a problem (never refused: the sale is sealed). */
  readonly incident?: CouponIncidentKind;
};

/** What a use consumed now would overrun, given the other uses that count (read in one aggregate). */
async function overrun(tx: Queryable, policy: CouponPolicy | undefined, use: CouponUseRow, amount: number, at: string) {
  const facts = await couponFactsAt(tx, use.promotionId, { code: use.code }, at, use.useId);
  if (policy?.kind !== 'shared') return facts.codeTaken ? ('coupon_used_twice' as const) : undefined;
  if (policy.usageLimit !== undefined && facts.live + 1 > policy.usageLimit) return 'coupon_over_limit' as const;
  if (policy.budget !== undefined && facts.given + amount > policy.budget) return 'coupon_over_budget' as const;
  return undefined;
}

/**
 * The sealed sale consumes its reservation, once: the same sale again answers the first answer,
 * another sale is coupon_not_open. A reservation that ran out (or was released) before the sale's
 * consumption arrived is consumed all the same and flagged when the code was taken meanwhile: the
 * discount is sealed, refusing it would lose the record, never the discount.
 */
export async function consumeCoupon(db: Database, set: CompiledPromotions, request: CouponConsumeRequest): Promise<CouponConsumeAnswer> {
  return answeringCouponRefusals(() =>
    db.transaction(async (tx) => {
      await lockCoupon(tx, request.promotionId);
      const use = await findUse(tx, request.promotionId, request.reservationId);
      if (!use) throw new CouponRefusal('coupon_not_open');
      if (use.tillRef !== request.tillRef) throw anotherTill(request.reservationId);
      if (use.state === 'consumed') {
        if (use.saleId === request.saleId) return use.answer as CouponConsumeAnswer;
        throw new CouponRefusal('coupon_not_open');
      }
      const at = hubNow(request.now);
      const policy = livePromotion(set, request.promotionId)?.coupon;
      const incident = use.state === 'reserved' && useCounts(use, at) ? undefined : await overrun(tx, policy, use, request.amount, at);
      const answer: CouponConsumeAnswer = {
        reservationId: request.reservationId,
        saleId: request.saleId,
        amount: request.amount,
        ...(incident ? { incident } : {}),
      };
      await settleUse(tx, use, {
        state: 'consumed',
        amount: request.amount,
        saleId: request.saleId,
        ...(incident ? { incident } : {}),
        answer,
      });
      if (incident) await flag(tx, request, incident, use.code);
      return answer;
    }),
  );
}

async function flag(
  tx: Queryable,
  till: CouponTill & { readonly saleId: string; readonly promotionId: string },
  kind: CouponIncidentKind,
  code: string,
) {
  await recordCouponIncident(tx, till, kind, till.saleId, { promotionId: till.promotionId, code });
}

export type CouponReleaseRequest = CouponTill & { readonly promotionId: string; readonly reservationId: string };

export type CouponReleaseAnswer = { readonly reservationId: string; readonly released: boolean };

/** An abandoned sale gives its coupon back; idempotent (`released: false` when nothing was held). */
export async function releaseCoupon(db: Database, request: CouponReleaseRequest): Promise<CouponReleaseAnswer> {
  return db.transaction(async (tx) => {
    await lockCoupon(tx, request.promotionId);
    const use = await findUse(tx, request.promotionId, request.reservationId);
    if (use && use.tillRef !== request.tillRef) throw anotherTill(request.reservationId);
    if (!use || use.state !== 'reserved') return { reservationId: request.reservationId, released: false };
    const answer = { reservationId: request.reservationId, released: true };
    await settleUse(tx, use, { state: 'released', answer });
    return answer;
  });
}
