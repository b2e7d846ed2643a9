import { randomUUID } from 'node:crypto';
import { PosError, presentedCouponCode, type CouponHeld } from '@pos/core';
import type { CouponBlock } from '../coupons/coupon-block';
import type { CouponBook, HeldCoupon } from '../coupons/coupon-book';
import type { CouponHub } from '../coupons/coupon-runner';
import type { HostContext } from '../host-context';
import { ONLINE_TIMEOUT_MS } from './customer-handlers';
import type { HandlerGroup } from './handler-registry';
import { invalid, record, text } from './request-guards';
import { RESERVATION_MS } from './ledger-handlers';

/** The hub's ids: no ':' (its own use ids are built with it). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type HubReserved = {
  reservationId: string;
  promotionId: string;
  version: number;
  code: string;
  kind: 'shared' | 'single-use';
  until: string;
};

/** A code the hub would refuse as no code at all is refused here, in the hub's words, before anything is asked. */
function couponCodeOf(req: Record<string, unknown>): string {
  const code = presentedCouponCode(text(req, 'code', { max: 64 }));
  if (code === null) throw new PosError('INVALID_REQUEST', 'This is not a coupon code', { hubCode: 'coupon_unknown' });
  return code;
}

const reservationPath = (reservationId: string, what: string) =>
  `/api/v1/till/coupons/reservations/${encodeURIComponent(reservationId)}/${what}`;

/** The hub's side of the host's coupons: consumed after the seal, block codes recorded, abandoned ones given back. */
export function couponHub(ctx: HostContext): CouponHub {
  return {
    consume: async (held, use) => {
      await ctx.hub.send('POST', reservationPath(held.reservationId!, 'consume'), {
        promotionId: held.promotionId,
        saleId: use.saleId,
        amount: use.amount,
      });
    },
    redeemOffline: async (held, use) => {
      await ctx.hub.send('POST', '/api/v1/till/coupons/redemptions', {
        promotionId: held.promotionId,
        saleId: use.saleId,
        code: held.code,
        amount: use.amount,
      });
    },
    release: async (held) => {
      await ctx.hub.send('POST', reservationPath(held.reservationId!, 'release'), { promotionId: held.promotionId });
    },
  };
}

function view(held: HeldCoupon): CouponHeld {
  const { saleId: _sale, until: _until, ...coupon } = held;
  return coupon;
}

/**
 * Coupon codes at the counter: reserved at the hub for the open sale (the reservation kept by the
 * host before the page learns it, so the seal can check each coupon discount against it); offline,
 * a code of this till's block only, any other refused (coupon_offline); a removed coupon given back
 * (later, when offline).
 */
export function couponHandlers(ctx: HostContext, book: CouponBook, block: CouponBlock, kick: () => void): HandlerGroup {
  const offline = async (saleId: string, code: string): Promise<CouponHeld> => {
    const promotionId = block.promotionOf(code);
    const version = promotionId === undefined ? undefined : ctx.promotions.latestVersion(promotionId);
    if (promotionId === undefined || version === undefined || book.blockCodeTaken(code)) {
      throw new PosError('HUB_REFUSED', 'Offline, only a code of this till’s block is accepted', { hubCode: 'coupon_offline' });
    }
    const held: HeldCoupon = { saleId, code, promotionId, version, kind: 'single-use', offline: true };
    await book.hold(held);
    return view(held);
  };
  return {
    'coupons.reserve': {
      parse: (raw) => {
        const req = record(raw, 'coupons.reserve request');
        const saleId = text(req, 'saleId', { max: 64, pattern: ID });
        const customerId = req.customerId === undefined ? undefined : text(req, 'customerId', { max: 64, pattern: ID });
        return { saleId, code: couponCodeOf(req), ...(customerId !== undefined ? { customerId } : {}) };
      },
      run: async ({ saleId, code, customerId }): Promise<CouponHeld> => {
        ctx.session.require();
        const already = book.find(saleId, code);
        if (already && !book.isClosed(saleId, already.promotionId)) return view(already);
        if (!ctx.hub.enrolled) return offline(saleId, code);
        const reservationId = `cpn-${randomUUID()}`;
        const until = new Date(Date.now() + RESERVATION_MS).toISOString();
        let answer: HubReserved;
        try {
          answer = await ctx.hub.send<HubReserved>(
            'POST',
            '/api/v1/till/coupons/reservations',
            { code, reservationId, until, ...(customerId !== undefined ? { customerId } : {}) },
            ONLINE_TIMEOUT_MS,
          );
        } catch (error) {
          if (error instanceof PosError && error.code === 'HUB_UNREACHABLE') return offline(saleId, code);
          throw error;
        }
        const held: HeldCoupon = {
          saleId,
          code: answer.code,
          promotionId: answer.promotionId,
          version: answer.version,
          kind: answer.kind,
          reservationId: answer.reservationId,
          until: answer.until,
        };
        // A second code for a promotion the cart already has: the first stays, this one is given back.
        const before = book.get(saleId, answer.promotionId);
        if (before && !book.isClosed(saleId, before.promotionId)) {
          await ctx.hub
            .send('POST', reservationPath(answer.reservationId, 'release'), { promotionId: answer.promotionId })
            .catch(() => undefined);
          throw new PosError('HUB_REFUSED', 'The cart already has a code of this promotion', { hubCode: 'coupon_cart_full' });
        }
        // On disk before the page learns it: the seal accepts only a coupon this host holds for the sale.
        await book.hold(held);
        return view(held);
      },
    },
    'coupons.release': {
      parse: (raw) => {
        const req = record(raw, 'coupons.release request');
        return { saleId: text(req, 'saleId', { max: 64, pattern: ID }), code: couponCodeOf(req) };
      },
      run: async ({ saleId, code }) => {
        ctx.session.require();
        const held = book.find(saleId, code);
        if (!held) throw new PosError('NOT_FOUND', `This till holds no coupon ${code} for this sale`);
        if (book.isUsed(saleId, held.promotionId)) throw invalid(`Coupon ${code} was used by sale ${saleId}: it cannot be given back`);
        await book.wantRelease(saleId, held.promotionId);
        kick();
        return { released: true };
      },
    },
  };
}
