import { PROMOTION_WRITE_LIMITS } from '@pos/core/sync/head-office-api';
import { Type } from 'typebox';
import { deletePromotion, listPromotions, putPromotion, storedPromotion } from '../catalog/promotion-writes';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, ProblemsBody } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['catalog'];
const Params = Type.Object({ promotionId: Type.String({ minLength: 1, maxLength: 64, description: 'Promotion id, e.g. promo-summer' }) });

const rule = (description: string) => Type.Optional(Type.Unknown({ description }));

/** The rule's fields are checked by core's validator (the one tills use), so only their names are declared here. */
const PromotionBody = Type.Object(
  {
    name: rule('1 to 120 characters'),
    currency: rule('ISO 4217 code: a basket in another currency never gets it'),
    priority: rule('0 to 1000: higher first when two choices give the same amount'),
    stackable: rule('May share items with other stackable rules'),
    schedule: rule('{from?, to?, days?, hours?}: ISO instants, ISO week days, HH:MM in the store’s zone'),
    stores: rule('Store ids; absent: every store'),
    channels: rule('store, web, self-order; absent: every channel'),
    audience: rule('{kind: everyone | members} or {kind: tiers, tiers}'),
    couponCode: rule('A code the customer presents; absent: automatic'),
    coupon: rule(
      '{kind: shared, usageLimit?, budget?, oncePerCustomer?} or {kind: single-use, oncePerCustomer?}: how the code may be used (needs couponCode)',
    ),
    benefit: rule(
      'One of the benefits of docs/promotions.md (percent-off, amount-off, cart-…, buy-get, mix-and-match, bundle, quantity-tiers)',
    ),
    expectedVersion: Type.Optional(
      Type.Integer({ minimum: 0, description: 'The version the editor started from (0: a new rule); another one stored is a 409' }),
    ),
  },
  { description: 'A promotion without its id and version (docs/promotions.md); unknown fields are refused' },
);

const PromotionRead = Type.Object({
  promotion: Type.Unknown({ description: 'The rule as tills get it, with its id and version' }),
  deleted: Type.Boolean(),
  seq: Type.Integer({ description: 'Its catalog sequence (the checkpoint tills pull by)' }),
});

const PromotionSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  benefitType: Type.String(),
  couponCode: Type.Optional(Type.String()),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
});

const ListQuery = Type.Object({
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PROMOTION_WRITE_LIMITS.maxPage, default: PROMOTION_WRITE_LIMITS.defaultPage })),
});

const VersionConflict = Type.Object(
  { error: Type.String(), message: Type.String(), currentVersion: Type.Integer() },
  { description: 'Saved since the editor read it: read it again (its version is currentVersion)' },
);

/**
 * Head office's promotions (issue 14): one `promotions` document of the catalog per rule, so a write
 * takes a catalog sequence and NOTIFYs like a product's and streaming tills get it within a second.
 * Each save is a new version; the hub checks it with the validator tills run.
 */
export function registerPromotionRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/promotions',
    {
      schema: {
        summary: 'List the live promotions, a page at a time',
        description: 'In id order. Pass `next` as `after` for the following page; null on the last.',
        tags,
        security: AdminSecurity,
        querystring: ListQuery,
        response: {
          200: Type.Object({ promotions: List(PromotionSummary), next: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403),
        },
      },
      preParsing,
    },
    async (request) => listPromotions(db, request.query),
  );

  app.get(
    '/api/v1/admin/promotions/:promotionId',
    {
      schema: {
        summary: 'Read a promotion (a deleted one too: deleted is true)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: PromotionRead, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => {
      const stored = await storedPromotion(db, request.params.promotionId);
      if (!stored) throw new HubError(404, 'not_found', `No promotion ${request.params.promotionId}`);
      return stored;
    },
  );

  app.put(
    '/api/v1/admin/promotions/:promotionId',
    {
      schema: {
        summary: 'Create a promotion or save its next version',
        description:
          'Saved as version 1, or the stored version + 1 (a deleted rule’s too). Refused with 422 invalid_promotion and coded `problems` (core’s: shape, window, hours, target, duplicate, tiers, bundle; invalid_promotion_id, too_many_promotions), with 409 version_conflict when `expectedVersion` is not the stored version.',
        tags,
        security: AdminSecurity,
        params: Params,
        body: PromotionBody,
        response: { 200: PromotionRead, 201: PromotionRead, 409: VersionConflict, 422: ProblemsBody, ...errorResponses(400, 401, 403) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { created, ...result } = await putPromotion(db, request.params.promotionId, request.body as never);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/api/v1/admin/promotions/:promotionId',
    {
      schema: {
        summary: 'Delete a promotion (a tombstone tills apply when they catch up)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: PromotionRead, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => deletePromotion(db, request.params.promotionId),
  );
}
