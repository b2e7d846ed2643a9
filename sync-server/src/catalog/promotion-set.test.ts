import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database';
import { promotionBody } from '../test-support/promotions';
import { promotionSetCache } from './promotion-set';

/** The two statements the cache runs, answered from memory: the collection's sequence and its live rules. */
function fakeCatalog() {
  const state = { seq: 4, reads: 0, failNext: false, rules: [{ id: 'a', doc: { ...promotionBody(), version: 1 } }] };
  const db = {
    query: async (text: string) => {
      if (text.includes('max(seq)')) return [{ seq: String(state.seq) }];
      state.reads++;
      if (state.failNext) {
        state.failNext = false;
        throw new Error('connection lost');
      }
      return state.rules;
    },
  } as unknown as Queryable;
  return { db, state };
}

describe('promotionSetCache', () => {
  it('compiles the live rules once per sequence of the collection, shared by baskets priced at once, again after a change', async () => {
    const { db, state } = fakeCatalog();
    const cache = promotionSetCache(db);
    const [first, second] = await Promise.all([cache.current(), cache.current()]);
    expect(first).toBe(second);
    expect(state.reads).toBe(1);
    expect(first.compiled.promotions.map((p) => p.promotion.id)).toEqual(['a']);
    expect(await cache.current()).toBe(first);
    state.seq = 5;
    state.rules = [];
    expect((await cache.current()).compiled.promotions).toEqual([]);
    expect(state.reads).toBe(2);
  });

  it('does not keep a failed read: the next basket reads again', async () => {
    const { db, state } = fakeCatalog();
    const cache = promotionSetCache(db);
    state.failNext = true;
    await expect(cache.current()).rejects.toThrow('connection lost');
    expect((await cache.current()).seq).toBe(4);
    expect(state.reads).toBe(2);
  });
});
