import type { EntryDraft } from './price-list-draft';

/** Rows of inputs on screen at once: a 20,000-row list stays quick to type in and to read out. */
export const ROWS_PER_PAGE = 100;

/** A row of the draft with its number in the whole list (1-based), whatever page or filter shows it. */
export type NumberedEntry = { readonly entry: EntryDraft; readonly row: number };

/**
 * A product id filter as typed, with the rows it picked then (null: every row). Picked once, not at
 * each keystroke in a row: a row whose id is being changed stays on screen while it is typed.
 */
export type RowFilter = { readonly text: string; readonly keys: ReadonlySet<number> | null };

export const NO_FILTER: RowFilter = { text: '', keys: null };

/** The rows whose product id contains `text`, in any case (every row when it is blank). */
export function rowFilter(entries: readonly EntryDraft[], text: string): RowFilter {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return { text, keys: null };
  return { text, keys: new Set(entries.filter((e) => e.productId.toLowerCase().includes(wanted)).map((e) => e.key)) };
}

/** The rows a filter shows, numbered in the whole list. */
export function filteredRows(entries: readonly EntryDraft[], filter: RowFilter): NumberedEntry[] {
  return entries.flatMap((entry, i) => (filter.keys === null || filter.keys.has(entry.key) ? [{ entry, row: i + 1 }] : []));
}

/** How many pages `count` rows take: at least one, so an empty list still reads "page 1 of 1". */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / ROWS_PER_PAGE));
}

/** The page (1-based) showing the row at `index` (0-based) of the rows shown. */
export function pageOfIndex(index: number): number {
  return Math.floor(index / ROWS_PER_PAGE) + 1;
}

/** The rows of one page (1-based). */
export function rowsOfPage<T>(rows: readonly T[], page: number): readonly T[] {
  return rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
}

/** A problem of the hub's 422 invalid_price_list, as far as finding its row goes. */
export type ListProblem = { readonly field?: string; readonly params?: Readonly<Record<string, string>> };

/**
 * The draft row (1-based) a refusal is about: `entries[i]` of the body sent (`sentRows` maps it
 * back, empty rows having been left out), else the row of the first product it names
 * (unknown_products lists them); null when it names no row.
 */
export function rowOfProblem(problem: ListProblem, sentRows: readonly number[], entries: readonly EntryDraft[]): number | null {
  const at = /^entries\[(\d+)\]$/.exec(problem.field ?? '');
  if (at) return sentRows[Number(at[1])] ?? null;
  const productId = (problem.params?.productId ?? problem.params?.productIds?.split(',')[0])?.trim();
  if (!productId) return null;
  const index = entries.findIndex((e) => e.productId.trim() === productId);
  return index < 0 ? null : index + 1;
}
