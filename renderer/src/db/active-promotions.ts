import type { Promotion } from '@pos/core';
import type { CatalogDb } from './catalog-db';

/**
 * The till's promotions whose window holds the instant `at` (from inclusive, to exclusive; an open
 * end holds every instant), in id order, for the sale to compile with core's compilePromotions.
 * Days, hours, stores, channels and audiences are left to the engine, which says why a rule is out.
 */
export async function activePromotions(db: CatalogDb, at: string): Promise<Promotion[]> {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) throw new RangeError(`Not an ISO instant: ${at}`);
  const all = await db.promotions.toArray();
  return all.filter(({ schedule }) => {
    if (schedule?.from !== undefined && Date.parse(schedule.from) > instant) return false;
    return schedule?.to === undefined || Date.parse(schedule.to) > instant;
  });
}
