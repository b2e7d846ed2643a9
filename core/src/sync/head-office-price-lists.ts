/**
 * Price lists (issue 13): a store whose settings name a `priceListId` sells a product at the
 * list's price when the list has one. Head office writes a list whole; the hub keeps it as one
 * document of the catalog's `price_lists` collection, which tills pull and stream.
 */

/** A list's price for one product: VAT-inclusive, in minor units (cents), per piece or per kg. */
export type PriceListPrice = { readonly productId: string; readonly price: number };

/** The `price_lists` document tills pull (its id is the list's id). */
export type PriceListDoc = { readonly id: string; readonly name: string; readonly entries: readonly PriceListPrice[] };

/** One row of a till's price lists: what the sale looks up by (listId, productId). */
export type PriceListEntry = { readonly listId: string } & PriceListPrice;

/** PUT /api/v1/admin/price-lists/:listId: the list replaces whatever was there. */
export type PriceListBody = { readonly name: string; readonly entries: readonly PriceListPrice[] };

/** GET /api/v1/admin/price-lists: every live list, in id order. */
export type PriceListSummary = { readonly id: string; readonly name: string; readonly entryCount: number };

/** Answer of a price list's read and writes: the list as tills will get it, and its catalog sequence. */
export type PriceListRead = { readonly priceList: PriceListDoc; readonly deleted: boolean; readonly seq: number };

export const PRICE_LIST_LIMITS = {
  /** Entries of one list: a document tills pull whole. */
  maxEntries: 20_000,
  maxNameLength: 100,
  /** Lists in the chain: GET answers them all. */
  maxLists: 1000,
} as const;

/** Stable codes of a refused price list's problems (422 invalid_price_list, params in parentheses). */
export type PriceListProblemCode =
  | 'invalid_list_id'
  | 'invalid_list_name' // (max)
  | 'too_many_entries' // (max)
  | 'duplicate_entry' // (productId)
  | 'invalid_product_id' // (productId)
  | 'entry_price_range' // (productId, max)
  | 'unknown_products' // (productIds, count)
  | 'too_many_lists'; // (max)

/** Turns a document of the `price_lists` collection into the rows a till looks prices up in. */
export function priceListEntries(doc: PriceListDoc): PriceListEntry[] {
  return doc.entries.map((e) => ({ listId: doc.id, productId: e.productId, price: e.price }));
}
