import 'fake-indexeddb/auto';
import { compilePromotions, type Promotion } from '@pos/core';
import { afterAll, describe, expect, it } from 'vitest';
import { activePromotions } from './active-promotions';
import { CatalogDb } from './catalog-db';
import { importCatalog } from './catalog-import';
import { stubPull } from './test-support/stub-pull';

const db = new CatalogDb('promotion-import-test');
afterAll(() => db.close());

function rule(id: string, version: number, schedule?: Promotion['schedule']): Promotion {
  return {
    id,
    version,
    name: id,
    currency: 'EUR',
    priority: 0,
    stackable: false,
    audience: { kind: 'everyone' },
    benefit: { type: 'cart-percent-off', bp: 500 },
    ...(schedule ? { schedule } : {}),
  };
}

const ids = (rules: readonly Promotion[]) => rules.map((p) => `${p.id}@${p.version}`);

describe('promotions pulled from the hub', () => {
  it('are kept in their newest version, leave when deleted, and are read active at an instant', async () => {
    const january = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    await importCatalog(
      db,
      stubPull({
        promotions: [rule('b-jan', 1, january), rule('a-always', 1), rule('c-from-march', 1, { from: '2026-03-01T00:00:00+01:00' })],
      }),
    );
    expect(ids(await activePromotions(db, '2026-01-15T12:00:00Z'))).toEqual(['a-always@1', 'b-jan@1']);
    // The window's end is out, its start is in.
    expect(ids(await activePromotions(db, '2026-02-01T00:00:00Z'))).toEqual(['a-always@1']);
    expect(ids(await activePromotions(db, '2026-02-28T23:00:00Z'))).toEqual(['a-always@1', 'c-from-march@1']);

    await importCatalog(db, stubPull({ promotions: [rule('a-always', 2)], deletedPromotionIds: ['b-jan'] }));
    const active = await activePromotions(db, '2026-01-15T12:00:00Z');
    expect(ids(active)).toEqual(['a-always@2']);
    // What the sale will do with them: the engine takes the rules as they are stored.
    expect(compilePromotions(active).refused).toEqual([]);
    await expect(activePromotions(db, 'yesterday')).rejects.toThrow(RangeError);
  });

  it('go with the catalog when its source changes', async () => {
    await importCatalog(db, stubPull({ promotions: [rule('x', 1)] }));
    await importCatalog(db, async () => ({
      source: 'another hub',
      products: [],
      deletedIds: [],
      checkpoint: '1',
      remaining: 0,
      done: true,
    }));
    expect(await db.promotions.count()).toBe(0);
  });
});
