import { compilePromotions, type CompiledPromotions } from '@pos/core';
import type { Queryable } from '../db/database';
import { livePromotions, promotionsSeq } from './promotion-writes';

export type PromotionSet = { readonly seq: number; readonly compiled: CompiledPromotions };

/**
 * The live promotions compiled once per sequence of the `promotions` collection (a save or a
 * deletion moves it; a product's write does not), so pricing a basket costs one indexed max() and
 * the pricing, not a read of every rule. Callers at the same sequence share one compilation.
 */
export function promotionSetCache(db: Queryable): { current(): Promise<PromotionSet> } {
  let cached: Promise<PromotionSet> | null = null;
  let cachedSeq = -1;
  return {
    async current() {
      const seq = await promotionsSeq(db);
      if (cached && cachedSeq === seq) return cached;
      cachedSeq = seq;
      const compiling = livePromotions(db).then((rules) => ({ seq, compiled: compilePromotions(rules) }));
      cached = compiling;
      // A failed read is not kept: the next basket tries again.
      compiling.catch(() => {
        if (cached === compiling) {
          cached = null;
          cachedSeq = -1;
        }
      });
      return compiling;
    },
  };
}
