import { randomBytes, randomUUID } from 'node:crypto';
import { COUPON_LIMITS, newSingleUseCouponCode, SINGLE_USE_CODE_RANDOM_BYTES, type CompiledPromotions } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { livePromotion } from './coupon-find';

function requireSingleUse(set: CompiledPromotions, promotionId: string): void {
  const promotion = livePromotion(set, promotionId);
  if (!promotion) throw new HubError(404, 'not_found', `No live promotion ${promotionId}`);
  if (promotion.coupon?.kind !== 'single-use') {
    throw new HubError(
      422,
      'coupon_not_single_use',
      `Promotion ${promotionId} has no single-use codes (its coupon.kind is not single-use)`,
    );
  }
}

async function codesOfBatch(db: Queryable, promotionId: string, batchId: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>('SELECT code FROM coupon_codes WHERE promotion_id = $1 AND batch_id = $2 ORDER BY code', [
    promotionId,
    batchId,
  ]);
  return rows.map((r) => r.code);
}

/**
 * Generates `count` single-use codes for a promotion whose coupon is single-use, from node's
 * cryptographic generator. Idempotent by batch id: a retry answers the batch's codes, never new ones.
 */
export async function generateCouponCodes(
  db: Database,
  set: CompiledPromotions,
  request: { readonly promotionId: string; readonly batchId: string; readonly count: number; readonly createdBy?: string },
): Promise<{ readonly promotionId: string; readonly batchId: string; readonly codes: string[] }> {
  requireSingleUse(set, request.promotionId);
  if (!Number.isSafeInteger(request.count) || request.count < 1 || request.count > COUPON_LIMITS.maxBatch) {
    throw new HubError(400, 'bad_request', `count must be 1 to ${COUPON_LIMITS.maxBatch}`);
  }
  const { promotionId, batchId } = request;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      'INSERT INTO coupon_batches (promotion_id, batch_id, count, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING batch_id',
      [promotionId, batchId, request.count, request.createdBy ?? null],
    );
    if (inserted.length > 0) {
      let missing = request.count;
      // 60 random bits a code: a collision with an existing code is all but impossible, and skipped if it happens.
      while (missing > 0) {
        const codes = Array.from({ length: missing }, () => newSingleUseCouponCode(randomBytes(SINGLE_USE_CODE_RANDOM_BYTES)));
        const rows = await tx.query(
          `INSERT INTO coupon_codes (code, promotion_id, batch_id)
           SELECT c, $2, $3 FROM unnest($1::text[]) AS c ON CONFLICT DO NOTHING RETURNING code`,
          [codes, promotionId, batchId],
        );
        missing -= rows.length;
      }
    }
    return { promotionId, batchId, codes: await codesOfBatch(tx, promotionId, batchId) };
  });
}

/** The codes of a promotion (a batch of it when named), for head office's CSV: code, batch, the till whose block holds it. */
export async function couponCodesCsv(db: Queryable, promotionId: string, batchId?: string): Promise<string> {
  const rows = await db.query<{
    code: string;
    batch_id: string;
    block_store_id: string | null;
    block_till_id: string | null;
    used: boolean;
  }>(
    `SELECT c.code, c.batch_id, c.block_store_id, c.block_till_id,
            EXISTS (SELECT 1 FROM coupon_uses u WHERE u.promotion_id = c.promotion_id AND u.code = c.code AND u.state = 'consumed') AS used
       FROM coupon_codes c WHERE c.promotion_id = $1 AND ($2::text IS NULL OR c.batch_id = $2) ORDER BY c.batch_id, c.code`,
    [promotionId, batchId ?? null],
  );
  const lines = rows.map((r) => [r.code, r.batch_id, r.block_store_id ?? '', r.block_till_id ?? '', r.used ? 'yes' : 'no'].join(','));
  return ['code,batch,store,till,used', ...lines].join('\r\n') + '\r\n';
}

/**
 * Gives a till a block of `count` single-use codes of a promotion that it may accept offline (codes
 * no block holds yet and nobody used), idempotent by block id. Only that till reads them.
 */
export async function assignCouponBlock(
  db: Database,
  set: CompiledPromotions,
  request: {
    readonly promotionId: string;
    readonly blockId: string;
    readonly storeId: string;
    readonly tillId: string;
    readonly count: number;
  },
): Promise<{ readonly blockId: string; readonly codes: string[] }> {
  requireSingleUse(set, request.promotionId);
  if (!Number.isSafeInteger(request.count) || request.count < 1 || request.count > COUPON_LIMITS.maxBlock) {
    throw new HubError(400, 'bad_request', `count must be 1 to ${COUPON_LIMITS.maxBlock}`);
  }
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO coupon_accounts (promotion_id) VALUES ($1) ON CONFLICT DO NOTHING', [request.promotionId]);
    await tx.query('SELECT promotion_id FROM coupon_accounts WHERE promotion_id = $1 FOR UPDATE', [request.promotionId]);
    const held = await tx.query<{ code: string; block_store_id: string; block_till_id: string }>(
      'SELECT code, block_store_id, block_till_id FROM coupon_codes WHERE block_id = $1 AND promotion_id = $2 ORDER BY code',
      [request.blockId, request.promotionId],
    );
    if (held.length > 0) {
      if (held[0]!.block_store_id !== request.storeId || held[0]!.block_till_id !== request.tillId) {
        throw new HubError(409, 'coupon_reservation_conflict', `Block ${request.blockId} was given to another till`);
      }
      return { blockId: request.blockId, codes: held.map((r) => r.code) };
    }
    return { blockId: request.blockId, codes: await takeUnassigned(tx, request) };
  });
}

type BlockRequest = {
  readonly promotionId: string;
  readonly blockId: string;
  readonly storeId: string;
  readonly tillId: string;
  readonly count: number;
};

/** Gives the till `count` codes of the promotion no block holds and nobody used (fewer when fewer are left). */
async function takeUnassigned(tx: Queryable, request: BlockRequest): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `UPDATE coupon_codes SET block_store_id = $3, block_till_id = $4, block_id = $5
      WHERE code IN (
        SELECT c.code FROM coupon_codes c
         WHERE c.promotion_id = $1 AND c.block_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM coupon_uses u WHERE u.promotion_id = c.promotion_id AND u.code = c.code AND u.state <> 'released')
         ORDER BY c.code LIMIT $2)
      RETURNING code`,
    [request.promotionId, request.count, request.storeId, request.tillId, request.blockId],
  );
  return rows.map((r) => r.code).sort();
}

/** How many unused codes of a promotion a till's block holds at most when the till asks for more itself. */
export const TILL_BLOCK_TARGET = 20;

/**
 * The hub on demand: a till tops its block of a single-use promotion up to TILL_BLOCK_TARGET unused
 * codes (none when it holds that many), decided under the promotion's lock, so retries and two
 * requests at once never give it more. Head office's blocks (assignCouponBlock) may give more.
 */
export async function topUpTillBlock(
  db: Database,
  set: CompiledPromotions,
  request: { readonly promotionId: string; readonly storeId: string; readonly tillId: string },
): Promise<{ readonly added: number }> {
  requireSingleUse(set, request.promotionId);
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO coupon_accounts (promotion_id) VALUES ($1) ON CONFLICT DO NOTHING', [request.promotionId]);
    await tx.query('SELECT promotion_id FROM coupon_accounts WHERE promotion_id = $1 FOR UPDATE', [request.promotionId]);
    const [row] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM coupon_codes c
        WHERE c.promotion_id = $1 AND c.block_store_id = $2 AND c.block_till_id = $3
          AND NOT EXISTS (SELECT 1 FROM coupon_uses u WHERE u.promotion_id = c.promotion_id AND u.code = c.code AND u.state = 'consumed')`,
      [request.promotionId, request.storeId, request.tillId],
    );
    const missing = TILL_BLOCK_TARGET - (row?.n ?? 0);
    if (missing <= 0) return { added: 0 };
    const blockId = `auto-${randomUUID()}`;
    return { added: (await takeUnassigned(tx, { ...request, blockId, count: missing })).length };
  });
}

/** The single-use codes a till may accept offline, with their promotions: what its host keeps. */
export async function tillCouponBlock(db: Queryable, storeId: string, tillId: string): Promise<{ code: string; promotionId: string }[]> {
  const rows = await db.query<{ code: string; promotion_id: string }>(
    `SELECT c.code, c.promotion_id FROM coupon_codes c
      WHERE c.block_store_id = $1 AND c.block_till_id = $2
        AND NOT EXISTS (SELECT 1 FROM coupon_uses u WHERE u.promotion_id = c.promotion_id AND u.code = c.code AND u.state = 'consumed')
      ORDER BY c.code LIMIT 10000`,
    [storeId, tillId],
  );
  return rows.map((r) => ({ code: r.code, promotionId: r.promotion_id }));
}
