import { findSyncCollection, promotionProblems, type Promotion, type SyncCollection } from '@pos/core';
import {
  PROMOTION_WRITE_LIMITS,
  type PromotionBody,
  type PromotionPage,
  type PromotionRead,
  type PromotionSummary,
  type PromotionWriteProblemCode,
} from '@pos/core/sync/head-office-api';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments, lockCounter } from '../sync/document-table';
import { putHubDocumentsIn } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';
import { PRODUCT_ID } from './product-checks';
import { recordDocVersion } from './catalog-doc-versions';

export const PROMOTIONS = findSyncCollection('promotions') as SyncCollection;

type Problem = { readonly field: string; readonly message: string; readonly code: PromotionWriteProblemCode };

function refuse(problems: readonly Problem[]): never {
  throw new HubError(422, 'invalid_promotion', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
}

/** The field a core problem names: its message starts with the path ('promotion.benefit.bp …' or 'benefit.target …'). */
function fieldOf(message: string): string {
  const path = /^[\w.[\]]+/.exec(message)?.[0] ?? '';
  return path.replace(/^promotion\.?/, '') || 'promotion';
}

/**
 * Checks a rule with core's validator as tills will (so the hub never stores one a till refuses),
 * given the version it would be saved under.
 */
export function checkPromotion(promotionId: string, body: PromotionBody, version: number): Promotion {
  if (!PRODUCT_ID.test(promotionId)) {
    const message = `a promotion id is 1 to 64 letters, digits, ".", "_" or "-" (got "${promotionId}")`;
    refuse([{ field: 'id', message, code: 'invalid_promotion_id' }]);
  }
  const { expectedVersion: _expected, ...rule } = body;
  const promotion = { ...rule, id: promotionId, version } as Promotion;
  const problems = promotionProblems(promotion);
  if (problems.length > 0) refuse(problems.map((p) => ({ field: fieldOf(p.message), message: p.message, code: p.code })));
  return promotion;
}

/** The rule as stored, a tombstone included; null when the catalog never had it. */
export async function storedPromotion(tx: Queryable, promotionId: string): Promise<PromotionRead | null> {
  const stored = (await findDocuments(tx, CATALOG_SCOPE, PROMOTIONS.name, [promotionId])).get(promotionId);
  if (!stored) return null;
  const promotion = { ...(stored.doc as Omit<Promotion, 'id'>), id: promotionId } as Promotion;
  return { promotion, deleted: stored.deleted, seq: stored.seq };
}

async function refuseBeyondBound(tx: Queryable): Promise<void> {
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM catalog_docs WHERE collection = $1 AND NOT deleted`, [
    PROMOTIONS.name,
  ]);
  if ((row?.n ?? 0) < PROMOTION_WRITE_LIMITS.maxPromotions) return;
  const max = PROMOTION_WRITE_LIMITS.maxPromotions;
  refuse([{ field: 'id', message: `at most ${max} live promotions: delete one first`, code: 'too_many_promotions' }]);
}

/**
 * PUT: the next version of the rule (1 for a new one; after a tombstone's, so a discount a sale
 * carries always names one content), under the catalog lock; a new catalog sequence and a NOTIFY
 * reach streaming tills. `expectedVersion`, when sent, must be the stored one (a deleted rule's too).
 */
export async function putPromotion(db: Database, promotionId: string, body: PromotionBody): Promise<PromotionRead & { created: boolean }> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const before = await storedPromotion(tx, promotionId);
    const current = before?.promotion.version ?? 0;
    if (body.expectedVersion !== undefined && body.expectedVersion !== current) {
      throw new HubError(409, 'version_conflict', `Promotion ${promotionId} is at version ${current}, not ${body.expectedVersion}`, {
        currentVersion: current,
      });
    }
    const promotion = checkPromotion(promotionId, body, current + 1);
    if (!before || before.deleted) await refuseBeyondBound(tx);
    const { id, ...doc } = promotion;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, PROMOTIONS, [{ id, ...doc, _deleted: false }]);
    await recordDocVersion(tx, PROMOTIONS.name, id, promotion.version, promotion);
    return { promotion, deleted: false, seq: written.lastSeq ?? before?.seq ?? 0, created: !before || before.deleted };
  });
}

/** DELETE: a tombstone (the last version's content) every till applies when it catches up; twice is a no-op. */
export async function deletePromotion(db: Database, promotionId: string): Promise<PromotionRead> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const stored = await storedPromotion(tx, promotionId);
    if (!stored) throw new HubError(404, 'not_found', `No promotion ${promotionId}`);
    if (stored.deleted) return stored;
    const { id, ...doc } = stored.promotion;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, PROMOTIONS, [{ id, ...doc, _deleted: true }]);
    return { ...stored, deleted: true, seq: written.lastSeq ?? stored.seq };
  });
}

type SummaryRow = { id: string; doc: Omit<Promotion, 'id'> };

function summary({ id, doc }: SummaryRow): PromotionSummary {
  return {
    id,
    version: doc.version,
    name: doc.name,
    benefitType: doc.benefit.type,
    ...(doc.couponCode !== undefined ? { couponCode: doc.couponCode } : {}),
    ...(doc.schedule?.from !== undefined ? { from: doc.schedule.from } : {}),
    ...(doc.schedule?.to !== undefined ? { to: doc.schedule.to } : {}),
  };
}

/** Live rules in id order, a page at a time (keyset on the primary key). */
export async function listPromotions(db: Queryable, query: { after?: string; limit?: number }): Promise<PromotionPage> {
  const limit = Math.min(query.limit ?? PROMOTION_WRITE_LIMITS.defaultPage, PROMOTION_WRITE_LIMITS.maxPage);
  const rows = await db.query<SummaryRow>(
    `SELECT id, doc FROM catalog_docs WHERE collection = $1 AND NOT deleted AND id > $2 ORDER BY id LIMIT $3`,
    [PROMOTIONS.name, query.after ?? '', limit + 1],
  );
  const page = rows.slice(0, limit).map(summary);
  return { promotions: page, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** Every live rule, as tills hold them (for pricing baskets at the hub). */
export async function livePromotions(db: Queryable): Promise<Promotion[]> {
  const rows = await db.query<SummaryRow>(`SELECT id, doc FROM catalog_docs WHERE collection = $1 AND NOT deleted ORDER BY id LIMIT $2`, [
    PROMOTIONS.name,
    PROMOTION_WRITE_LIMITS.maxPromotions,
  ]);
  return rows.map(({ id, doc }) => ({ ...doc, id }) as Promotion);
}

/** The promotions' latest catalog sequence (deletions included): the compiled set is good while it holds. */
export async function promotionsSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: string | number | null }>(`SELECT max(seq) AS seq FROM catalog_docs WHERE collection = $1`, [
    PROMOTIONS.name,
  ]);
  return Number(row?.seq ?? 0);
}
