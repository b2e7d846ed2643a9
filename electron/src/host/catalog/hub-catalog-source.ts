import { SYNC_LIMITS, type CatalogPage, type PriceListDoc, type Product, type Promotion, type SyncCollectionName } from '@pos/core';
import type { HubClient } from '../hub/hub-client';

/** Price lists travel whole (up to 20,000 entries each): a few to a page. */
const PRICE_LISTS_PER_PAGE = 20;
/** A promotion names up to a thousand products in a list: a few hundred to a page. */
const PROMOTIONS_PER_PAGE = 200;

type Checkpoint = { products: number; priceLists: number; promotions: number };

/** "products-seq", "products-seq:price-lists-seq" (before promotions came) or "…:promotions-seq"; what a checkpoint lacks is 0. */
function parseCheckpoint(checkpoint: string | null): Checkpoint {
  const [products, priceLists, promotions] = (checkpoint ?? '').split(':');
  return { products: Number(products) || 0, priceLists: Number(priceLists) || 0, promotions: Number(promotions) || 0 };
}

type Pulled<T> = { readonly written: T[]; readonly deletedIds: string[]; readonly seq: number; readonly remaining: number };

/** One page of a catalog collection: documents written (without their tombstone flag) and ids deleted. */
async function pullDocuments<T>(hub: HubClient, collection: SyncCollectionName, seq: number, limit: number): Promise<Pulled<T>> {
  const page = await hub.pull(collection, { seq }, limit);
  const written: T[] = [];
  const deletedIds: string[] = [];
  for (const doc of page.documents) {
    if (doc._deleted) deletedIds.push(doc.id);
    else {
      const { _deleted, ...content } = doc;
      written.push(content as unknown as T);
    }
  }
  return { written, deletedIds, seq: page.checkpoint?.seq ?? seq, remaining: page.remaining };
}

const NOTHING = { written: [], deletedIds: [], remaining: 0 };

/**
 * The catalog from the hub's `products` pull route, in the same page shape as the demo source,
 * then, once the products are caught up, its `price_lists`, then its `promotions`: the checkpoint
 * holds the three sequences; withdrawn products, deleted lists and rules arrive as tombstones.
 */
export async function hubCatalogPage(hub: HubClient, checkpoint: string | null, limit: number): Promise<CatalogPage> {
  const source = `hub ${hub.status().hubUrl ?? ''}`;
  const from = parseCheckpoint(checkpoint);
  const products = await pullDocuments<Product>(hub, 'products', from.products, Math.min(limit, SYNC_LIMITS.maxPullLimit));
  const lists =
    products.remaining === 0
      ? await pullDocuments<PriceListDoc>(hub, 'price_lists', from.priceLists, PRICE_LISTS_PER_PAGE)
      : { ...NOTHING, seq: from.priceLists };
  const promotions =
    products.remaining === 0 && lists.remaining === 0
      ? await pullDocuments<Promotion>(hub, 'promotions', from.promotions, PROMOTIONS_PER_PAGE)
      : { ...NOTHING, seq: from.promotions };
  const remaining = products.remaining + lists.remaining + promotions.remaining;
  return {
    source,
    products: products.written,
    deletedIds: products.deletedIds,
    priceLists: lists.written,
    deletedPriceListIds: lists.deletedIds,
    promotions: promotions.written,
    deletedPromotionIds: promotions.deletedIds,
    checkpoint: `${products.seq}:${lists.seq}:${promotions.seq}`,
    remaining,
    done: remaining === 0,
  };
}

/** One page of the hub's loyalty programs after `seq` (the host's LoyaltyBook keeps its own place). */
export function hubLoyaltyPage(hub: HubClient, seq: number, limit: number): Promise<Pulled<unknown>> {
  return pullDocuments<unknown>(hub, 'loyalty_programs', seq, limit);
}

/** Pages at most in allHubPromotions: 100 × 200 rules, far above a chain's. */
const MAX_PROMOTION_PAGES = 100;

/**
 * Every live promotion of the hub, from its first sequence: what a host that never kept the rules
 * (a first start, an upgrade) fetches before it relays a pull, so it holds what the till sells with.
 */
export async function allHubPromotions(hub: HubClient): Promise<Promotion[]> {
  const rules = new Map<string, Promotion>();
  let seq = 0;
  for (let page = 0; page < MAX_PROMOTION_PAGES; page++) {
    const pulled = await pullDocuments<Promotion>(hub, 'promotions', seq, PROMOTIONS_PER_PAGE);
    for (const id of pulled.deletedIds) rules.delete(id);
    for (const rule of pulled.written) rules.set(rule.id, rule);
    seq = pulled.seq;
    if (pulled.remaining === 0) break;
  }
  return [...rules.values()];
}
