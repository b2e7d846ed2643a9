import { describe, expect, it } from 'vitest';
import { jetCodeOf } from './jet-codes';

describe('jetCodeOf', () => {
  it('gives each event its NF525 code, the two that depend on the event included', () => {
    expect(jetCodeOf({ type: 'sale.void' })).toBe(190);
    expect(jetCodeOf({ type: 'hub.offline', since: 'x' })).toBe(70);
    expect(jetCodeOf({ type: 'archive.export', jetCode: 30 })).toBe(30);
    expect(jetCodeOf({ type: 'archive.export', jetCode: 99 })).toBeNull();
    expect(jetCodeOf({ type: 'cash.movement', staffId: 'a', approvedBy: 'b' })).toBe(130);
    expect(jetCodeOf({ type: 'cash.movement', staffId: 'a', approvedBy: 'a' })).toBeNull();
    expect(jetCodeOf({ type: 'cash.movement', staffId: 'a' })).toBeNull();
    expect(jetCodeOf({ type: 'cash.count' })).toBeNull();
    expect(jetCodeOf({ type: 'toString' })).toBeNull();
    expect(jetCodeOf(null)).toBeNull();
  });
});
