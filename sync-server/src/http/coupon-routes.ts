import { COUPON_LIMITS } from '@pos/core';
import { Type } from 'typebox';
import { promotionSetCache } from '../catalog/promotion-set';
import {
  assignCouponBlock,
  couponCodesCsv,
  generateCouponCodes,
  tillCouponBlock,
  TILL_BLOCK_TARGET,
  topUpTillBlock,
} from '../coupons/coupon-codes';
import { recordOfflineRedemption } from '../coupons/coupon-offline';
import { consumeCoupon, releaseCoupon, reserveCoupon } from '../coupons/coupon-reserve';
import { requestActor } from '../office/request-actor';
import { adminGuard } from './admin-guard';
import { AdminSecurity, DeviceSecurity, errorResponses, List, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';
import { ledgerTillOf, type LedgerRouteOptions } from './ledger-device';
import { CustomerId, Instant, LedgerId, ledgerRefusals, RESERVATION_REFUSALS, ReservationId, SaleId } from './ledger-schemas';
import { deviceRateConfig } from './rate-limits';
import { bearerToken } from '../auth/secrets';
import type { FastifyRequest } from 'fastify';
import type { DeviceAuthenticator } from '../auth/device-authenticator';

const tags = ['coupons'];
const Code = Type.String({ minLength: 1, maxLength: 64, description: 'As typed or scanned (compared in capitals, trimmed)' });
const PromotionId = LedgerId('The promotion the coupon belongs to');
const Amount = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Minor units of discount' });
const PromotionParams = Type.Object({ promotionId: PromotionId });
const ReservationParams = Type.Object({ reservationId: ReservationId });
const Refusals = ledgerRefusals(401, 429);

const Reserved = Type.Object({
  reservationId: Type.String(),
  promotionId: Type.String(),
  version: Type.Integer(),
  code: Type.String({ description: 'The code as compared: sealed with the sale’s coupon discounts' }),
  kind: Type.String({ description: 'shared or single-use' }),
  until: Type.String(),
});

/** The calling till from its device token (401 without a valid one): its store, id, and the ledgers' name for it. */
async function couponTill(auth: DeviceAuthenticator, request: FastifyRequest) {
  const device = await auth.authenticate(bearerToken(request.headers.authorization), request.ip);
  return { storeId: device.storeId, tillId: device.tillId, tillRef: ledgerTillOf(device) };
}

/**
 * Coupons (issue 14). The till's online path: reserve a code for a sale under way (single-use
 * codes, usage limits, budgets and once per customer decided under the promotion's lock), consume
 * it once the sale is sealed, release it when the sale is abandoned, record a code of the till's
 * offline block used by a sealed sale, and read that block. Head office: generate single-use codes,
 * export them as CSV, give a till a block.
 */
export function registerCouponRoutes(app: HubApp, options: LedgerRouteOptions): void {
  const { db, auth } = options;
  const promotions = promotionSetCache(db);
  const config = { rateLimit: deviceRateConfig(options.rateLimit) };
  const preParsing = adminGuard(options.admin);

  app.post(
    '/api/v1/till/coupons/reservations',
    {
      schema: {
        summary: 'Reserve a coupon code for a sale under way',
        description:
          'A single-use code is held by one reservation at a time (409 coupon_used for the other till); a shared code within its usage limit (409 coupon_limit_reached), budget (409 coupon_budget_exhausted with values.left) and once per customer (409 coupon_once_per_customer; 422 coupon_needs_customer without one). An unknown code is 404 coupon_unknown, the family code of single-use codes 422 coupon_single_use_only. The same reservation id again answers the first answer.',
        tags,
        security: DeviceSecurity,
        body: Type.Object(
          {
            code: Code,
            reservationId: ReservationId,
            customerId: Type.Optional(CustomerId),
            amount: Type.Optional(Amount),
            until: Instant('When it runs out unless consumed (at most 24 hours ahead)'),
          },
          { additionalProperties: false },
        ),
        response: { 200: Reserved, ...Refusals },
      },
      config,
    },
    async (request) => {
      const till = await couponTill(auth, request);
      const { amount, ...body } = request.body;
      return reserveCoupon(db, (await promotions.current()).compiled, { ...body, ...till, amount: amount ?? 0 });
    },
  );

  app.post(
    '/api/v1/till/coupons/reservations/:reservationId/consume',
    {
      schema: {
        summary: 'The sealed sale consumes its coupon (once)',
        description:
          'The same sale again answers the first answer; another sale 409 coupon_not_open. A reservation that ran out before this arrived is consumed all the same (the sale is sealed) and `incident` says when the code was taken meanwhile.',
        tags,
        security: DeviceSecurity,
        params: ReservationParams,
        body: Type.Object({ promotionId: PromotionId, saleId: SaleId, amount: Amount }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            reservationId: Type.String(),
            saleId: Type.String(),
            amount: Type.Integer(),
            incident: Type.Optional(Type.String()),
          }),
          ...RESERVATION_REFUSALS,
        },
      },
      config,
    },
    async (request) => {
      const till = await couponTill(auth, request);
      const body = { ...request.body, ...till, reservationId: request.params.reservationId };
      return consumeCoupon(db, (await promotions.current()).compiled, body);
    },
  );

  app.post(
    '/api/v1/till/coupons/reservations/:reservationId/release',
    {
      schema: {
        summary: 'An abandoned sale gives its coupon back (idempotent)',
        tags,
        security: DeviceSecurity,
        params: ReservationParams,
        body: Type.Object({ promotionId: PromotionId }, { additionalProperties: false }),
        response: { 200: Type.Object({ reservationId: Type.String(), released: Type.Boolean() }), ...RESERVATION_REFUSALS },
      },
      config,
    },
    async (request) => {
      const till = await couponTill(auth, request);
      return releaseCoupon(db, { ...request.body, ...till, reservationId: request.params.reservationId });
    },
  );

  app.post(
    '/api/v1/till/coupons/redemptions',
    {
      schema: {
        summary: 'A sale sealed offline used a single-use code of the till’s block',
        description:
          'Recorded once per sale and promotion. A code used twice or outside the till’s block is recorded all the same and reported as an incident (`incident`).',
        tags,
        security: DeviceSecurity,
        body: Type.Object(
          { promotionId: PromotionId, saleId: SaleId, code: Code, amount: Amount, customerId: Type.Optional(CustomerId) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            saleId: Type.String(),
            code: Type.String(),
            recorded: Type.Boolean(),
            incident: Type.Optional(Type.String()),
          }),
          ...Refusals,
        },
      },
      config,
    },
    async (request) => recordOfflineRedemption(db, { ...request.body, ...(await couponTill(auth, request)) }),
  );

  app.get(
    '/api/v1/till/coupons/block',
    {
      schema: {
        summary: 'The single-use codes this till may accept offline (its block), not yet used',
        tags,
        security: DeviceSecurity,
        response: { 200: Type.Object({ codes: List(Type.Object({ code: Type.String(), promotionId: Type.String() })) }), ...Refusals },
      },
      config,
    },
    async (request, reply) => {
      const till = await couponTill(auth, request);
      reply.header('cache-control', 'no-store');
      return { codes: await tillCouponBlock(db, till.storeId, till.tillId) };
    },
  );

  app.post(
    '/api/v1/till/coupons/block',
    {
      schema: {
        summary: 'The hub on demand: top this till’s block of a single-use promotion up',
        description: `Up to ${TILL_BLOCK_TARGET} unused codes of the promotion in the calling till's block (none added when it holds that many); decided under the promotion's lock. 422 coupon_not_single_use for another promotion.`,
        tags,
        security: DeviceSecurity,
        body: Type.Object({ promotionId: PromotionId }, { additionalProperties: false }),
        response: { 200: Type.Object({ added: Type.Integer() }), ...Refusals },
      },
      config,
    },
    async (request) => {
      const till = await couponTill(auth, request);
      return topUpTillBlock(db, (await promotions.current()).compiled, { ...request.body, storeId: till.storeId, tillId: till.tillId });
    },
  );

  app.post(
    '/api/v1/admin/promotions/:promotionId/coupon-codes',
    {
      schema: {
        summary: 'Generate single-use codes for a promotion whose coupon is single-use',
        description: `1 to ${COUPON_LIMITS.maxBatch} codes of 12 characters (60 random bits). Idempotent by batchId: a retry answers the batch's codes. 422 coupon_not_single_use for another promotion.`,
        tags,
        security: AdminSecurity,
        params: PromotionParams,
        body: Type.Object(
          {
            batchId: LedgerId('Made by the caller: the same id again is the same batch'),
            count: Type.Integer({ minimum: 1, maximum: COUPON_LIMITS.maxBatch }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ promotionId: Type.String(), batchId: Type.String(), codes: List(Type.String()) }),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
      preParsing,
    },
    async (request) => {
      const actor = requestActor(request);
      const createdBy = actor && (actor.kind === 'user' || actor.kind === 'key') ? actor.userId : undefined;
      return generateCouponCodes(db, (await promotions.current()).compiled, {
        ...request.body,
        promotionId: request.params.promotionId,
        ...(createdBy ? { createdBy } : {}),
      });
    },
  );

  app.get(
    '/api/v1/admin/promotions/:promotionId/coupon-codes',
    {
      schema: {
        summary: 'The promotion’s single-use codes as CSV (code, batch, store, till, used)',
        tags,
        security: AdminSecurity,
        params: PromotionParams,
        querystring: Type.Object({ batchId: Type.Optional(LedgerId('Only this batch')) }),
        response: { 200: Type.String({ description: 'text/csv' }), ...errorResponses(400, 401, 403) },
      },
      preParsing,
    },
    async (request, reply) => {
      const csv = await couponCodesCsv(db, request.params.promotionId, request.query.batchId);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="coupons-${request.params.promotionId}.csv"`);
      return csv;
    },
  );

  app.post(
    '/api/v1/admin/promotions/:promotionId/coupon-blocks',
    {
      schema: {
        summary: 'Give a till a block of single-use codes it may accept offline',
        description: `1 to ${COUPON_LIMITS.maxBlock} codes no block holds and nobody used; idempotent by blockId. Only that till reads them (GET /api/v1/till/coupons/block).`,
        tags,
        security: AdminSecurity,
        params: PromotionParams,
        body: Type.Object(
          {
            blockId: LedgerId('Made by the caller: the same id again is the same block'),
            storeId: StoreId,
            tillId: Type.String({ minLength: 1, maxLength: 64 }),
            count: Type.Integer({ minimum: 1, maximum: COUPON_LIMITS.maxBlock }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ blockId: Type.String(), codes: List(Type.String()) }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
      preParsing,
    },
    async (request) =>
      assignCouponBlock(db, (await promotions.current()).compiled, { ...request.body, promotionId: request.params.promotionId }),
  );
}
