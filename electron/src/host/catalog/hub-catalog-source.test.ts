import type { PullResponse, SyncCollectionName } from '@pos/core';
import { describe, expect, it } from 'vitest';
import type { HubClient } from '../hub/hub-client';
import { hubCatalogPage } from './hub-catalog-source';

/** A hub whose pull answers from fixed pages by collection, recording what was asked. */
function fakeHub(pages: Partial<Record<SyncCollectionName, PullResponse>>) {
  const asked: string[] = [];
  const hub = {
    status: () => ({ hubUrl: 'https://hub.test' }),
    pull: async (collection: SyncCollectionName, checkpoint: { seq: number }) => {
      asked.push(`${collection}@${checkpoint.seq}`);
      return pages[collection] ?? { documents: [], checkpoint: null, remaining: 0 };
    },
  } as unknown as HubClient;
  return { hub, asked };
}

describe('hubCatalogPage', () => {
  it('pulls price lists once the products are caught up, both sequences in the checkpoint', async () => {
    const { hub, asked } = fakeHub({
      products: { documents: [{ id: 'p1', name: 'P', _deleted: false }], checkpoint: { seq: 5 }, remaining: 0 },
      price_lists: {
        documents: [
          { id: 'pl', name: 'L', entries: [{ productId: 'p1', price: 3 }], _deleted: false },
          { id: 'old', name: 'O', entries: [], _deleted: true },
        ],
        checkpoint: { seq: 7 },
        remaining: 0,
      },
    });
    const page = await hubCatalogPage(hub, '4', 100);
    expect(asked).toEqual(['products@4', 'price_lists@0', 'promotions@0']);
    expect(page).toMatchObject({
      products: [{ id: 'p1' }],
      priceLists: [{ id: 'pl', name: 'L', entries: [{ productId: 'p1', price: 3 }] }],
      deletedPriceListIds: ['old'],
      checkpoint: '5:7:0',
      done: true,
    });
  });

  it('leaves the price lists until the products are caught up', async () => {
    const { hub, asked } = fakeHub({ products: { documents: [], checkpoint: { seq: 9 }, remaining: 3 } });
    expect(await hubCatalogPage(hub, '2:6', 100)).toMatchObject({ checkpoint: '9:6:0', remaining: 3, done: false, priceLists: [] });
    expect(asked).toEqual(['products@2']);
  });

  it('pulls promotions once the price lists are caught up, an older two-part checkpoint read as promotions from 0', async () => {
    const rule = { id: 'promo', version: 2, name: 'R', currency: 'EUR', priority: 0, stackable: false, audience: { kind: 'everyone' } };
    const { hub, asked } = fakeHub({
      products: { documents: [], checkpoint: { seq: 5 }, remaining: 0 },
      promotions: {
        documents: [
          { ...rule, benefit: { type: 'cart-percent-off', bp: 500 }, _deleted: false },
          { id: 'gone', version: 1, _deleted: true },
        ],
        checkpoint: { seq: 11 },
        remaining: 1,
      },
    });
    const page = await hubCatalogPage(hub, '5:7', 100);
    expect(asked).toEqual(['products@5', 'price_lists@7', 'promotions@0']);
    expect(page).toMatchObject({
      promotions: [{ ...rule, benefit: { type: 'cart-percent-off', bp: 500 } }],
      deletedPromotionIds: ['gone'],
      checkpoint: '5:7:11',
      remaining: 1,
      done: false,
    });
    expect(page.promotions![0]).not.toHaveProperty('_deleted');
  });

  it('leaves the promotions until the price lists are caught up', async () => {
    const { hub, asked } = fakeHub({ price_lists: { documents: [], checkpoint: { seq: 8 }, remaining: 2 } });
    expect(await hubCatalogPage(hub, '1:6:4', 100)).toMatchObject({ checkpoint: '1:8:4', remaining: 2, promotions: [] });
    expect(asked).toEqual(['products@1', 'price_lists@6']);
  });
});
