import { describe, expect, it } from 'vitest';
import { bodyOfList, newEntry } from './price-list-draft';
import { filteredRows, NO_FILTER, pageCount, pageOfIndex, rowFilter, rowOfProblem, rowsOfPage, ROWS_PER_PAGE } from './price-list-rows';

const entries = ['p1', 'P10', 'x2', '', 'p11'].map((id) => newEntry(id, id ? '1' : ''));

describe('a price list’s rows on screen', () => {
  it('filters by product id in any case, numbering rows in the whole list, and keeps the rows it picked while they change', () => {
    const filter = rowFilter(entries, ' p1 ');
    expect(filteredRows(entries, filter).map((r) => r.row)).toEqual([1, 2, 5]);
    const changed = entries.map((e) => (e.productId === 'P10' ? { ...e, productId: 'z' } : e));
    expect(filteredRows(changed, filter).map((r) => r.entry.productId)).toEqual(['p1', 'z', 'p11']);
    expect(filteredRows(entries, rowFilter(entries, '  '))).toHaveLength(5);
    expect(filteredRows(entries, NO_FILTER).map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('pages them by a hundred, an empty list being one empty page', () => {
    expect([pageCount(0), pageCount(ROWS_PER_PAGE), pageCount(ROWS_PER_PAGE + 1), pageCount(20_000)]).toEqual([1, 1, 2, 200]);
    expect([pageOfIndex(0), pageOfIndex(99), pageOfIndex(100), pageOfIndex(249)]).toEqual([1, 1, 2, 3]);
    const all = Array.from({ length: 250 }, (_, i) => i);
    expect(rowsOfPage(all, 3)).toEqual(all.slice(200));
  });

  it('finds the row a hub’s refusal is about, empty rows (left out of the body) counted', () => {
    const sentFrom = entries.filter((e) => e.productId !== 'x2');
    const checked = bodyOfList({ id: 'pl-x', name: 'X', entries: sentFrom });
    expect(checked).toMatchObject({ rows: [1, 2, 4] });
    const rows = 'rows' in checked ? checked.rows : [];
    expect(rowOfProblem({ field: 'entries[2]' }, rows, sentFrom)).toBe(4);
    expect(rowOfProblem({ field: 'entries', params: { productIds: 'p11, p9', count: '2' } }, rows, sentFrom)).toBe(4);
    expect(rowOfProblem({ field: 'entries[1]', params: { productId: 'P10' } }, rows, sentFrom)).toBe(2);
    expect(rowOfProblem({ field: 'entries', params: { productIds: 'p9' } }, rows, sentFrom)).toBeNull();
    expect(rowOfProblem({ field: 'name' }, rows, sentFrom)).toBeNull();
  });

  it('says a bad row by its number on screen, empty rows counted', () => {
    const draft = { id: 'pl-x', name: 'X', entries: [newEntry('p1', '1'), newEntry(), newEntry('p2', '1,999')] };
    expect(bodyOfList(draft)).toEqual({ problem: 'price', row: 3 });
  });
});
