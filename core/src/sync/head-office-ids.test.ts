import { describe, expect, it } from 'vitest';
import { isStoreId, isTillId } from './head-office-ids';

describe('store and till ids, as the hub and the back office both check them', () => {
  it('takes short codes of letters, digits, "_" and "-" that start with a letter or digit', () => {
    expect(['S001', 'T01', 'paris-1', 'a_b', 'x'.repeat(64)].every(isTillId)).toBe(true);
    expect(['', '-S1', '_S1', 'S.1', 'S 1', 'x'.repeat(65)].some(isTillId)).toBe(false);
  });

  it('keeps "catalog" for the shared catalog, whatever its case', () => {
    expect(isStoreId('S001')).toBe(true);
    expect(isStoreId('Catalog')).toBe(false);
    expect(isTillId('catalog')).toBe(true);
  });
});
