import { PRICE_LIST_LIMITS } from '@pos/core/sync/head-office-api';
import type { PriceListBody, PriceListRead } from './catalog-api';
import { centsOf, euroText } from './price';

/** A row as typed: a product id and a price in euros. */
export type EntryDraft = { readonly key: number; readonly productId: string; readonly price: string };
export type PriceListDraft = { readonly id: string; readonly name: string; readonly entries: readonly EntryDraft[] };

/** What the page says before sending: the list's id or name, or the row (1-based, as shown) whose product or price is wrong. */
export type DraftProblem =
  { readonly problem: 'id' | 'name' | 'tooMany' } | { readonly problem: 'productId' | 'price' | 'duplicate'; readonly row: number };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

let nextKey = 0;
export const newEntry = (productId = '', price = ''): EntryDraft => ({ key: nextKey++, productId, price });

export const EMPTY_LIST: PriceListDraft = { id: '', name: '', entries: [] };

export function draftOfList(read: PriceListRead, locale: string): PriceListDraft {
  const { id, name, entries } = read.priceList;
  return { id, name, entries: entries.map((e) => newEntry(e.productId, euroText(e.price, locale))) };
}

/**
 * The body to PUT with, for each of its entries, its row number in the draft (a refusal of
 * entries[i] names the row to show); or the first thing to fix. Rows left wholly empty are dropped
 * but still counted: a row is numbered as the editor shows it (1-based).
 */
export function bodyOfList(draft: PriceListDraft): { readonly body: PriceListBody; readonly rows: readonly number[] } | DraftProblem {
  if (!ID.test(draft.id.trim())) return { problem: 'id' };
  const name = draft.name.trim();
  if (name === '' || name.length > PRICE_LIST_LIMITS.maxNameLength) return { problem: 'name' };
  const filled = draft.entries.flatMap((entry, i) =>
    entry.productId.trim() !== '' || entry.price.trim() !== '' ? [{ entry, row: i + 1 }] : [],
  );
  if (filled.length > PRICE_LIST_LIMITS.maxEntries) return { problem: 'tooMany' };
  const seen = new Set<string>();
  const entries: { productId: string; price: number }[] = [];
  for (const { entry, row } of filled) {
    const productId = entry.productId.trim();
    if (!ID.test(productId)) return { problem: 'productId', row };
    if (seen.has(productId)) return { problem: 'duplicate', row };
    seen.add(productId);
    const price = centsOf(entry.price);
    if (price === null) return { problem: 'price', row };
    entries.push({ productId, price });
  }
  return { body: { name, entries }, rows: filled.map((f) => f.row) };
}
