import { describe, expect, it } from 'vitest';
import { tombstoneOf } from './erasure';

const NOW = '2026-12-01T00:00:00.000Z';
const customer = {
  id: 'c1',
  storeId: 'S1',
  lastName: 'Martin',
  email: 'ana@example.fr',
  phone: '0600000000',
  updatedAt: '2026-11-20T10:00:00.000Z',
  fieldTimes: { email: '2026-11-20T10:00:00.000Z', _deleted: '2026-11-22T10:00:00Z' },
};

describe('the tombstone of an erased document', () => {
  it('keeps the id, the store and when it was deleted: nothing personal', () => {
    const when = '2026-11-22T10:00:00.000Z';
    expect(tombstoneOf(customer, NOW)).toEqual({
      id: 'c1',
      _deleted: true,
      storeId: 'S1',
      updatedAt: when,
      fieldTimes: { _deleted: when },
    });
  });

  it('dates the deletion by its field time, else the document’s update time (epoch milliseconds too), else now', () => {
    const { fieldTimes: _f, ...noTimes } = customer;
    expect(tombstoneOf(noTimes, NOW).updatedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(tombstoneOf({ id: 'c1', fieldTimes: { _deleted: Date.parse(NOW) - 1000 } }, NOW).updatedAt).toBe('2026-11-30T23:59:59.000Z');
    for (const unreadable of ['yesterday', 1e300, { at: 1 }, null]) {
      expect(tombstoneOf({ id: 'c1', updatedAt: unreadable, fieldTimes: { _deleted: unreadable } }, NOW)).toEqual({
        id: 'c1',
        _deleted: true,
        updatedAt: NOW,
        fieldTimes: { _deleted: NOW },
      });
    }
  });
});
