import { describe, expect, it } from 'vitest';
import { movementsOfSales } from './sale-movements';

const line = (lineId: string, quantity: number) => ({ lineId, productId: 'prd-1', quantity, measure: 'unit' });

describe('movementsOfSales: the stock a sale document moves', () => {
  it('takes a sale’s lines from stock, puts a return’s back (positive quantities, the kind gives the sign), ignores training', () => {
    const { movements, unreadable } = movementsOfSales([
      { id: 'v0', lines: [line('l1', 3)] },
      { id: 'v1', lines: [line('l1', 2)], kind: 'sale' },
      { id: 'back', lines: [line('l1', 1)], kind: 'return' },
      { id: 'school', lines: [line('l1', 5)], kind: 'sale', training: true },
      { id: 'school-back', lines: [line('l1', 1)], kind: 'return', training: true },
    ]);
    expect(unreadable).toEqual([]);
    expect(movements.map((m) => [m.sourceId, m.quantityDelta, m.kind])).toEqual([
      ['v0', -3, 'sale'],
      ['v1', -2, 'sale'],
      ['back', 1, 'return'],
    ]);
  });

  it('reads an unknown kind or a training mark that is not true as a plain sale', () => {
    const { movements } = movementsOfSales([{ id: 'odd', lines: [line('l1', 1)], kind: 'swap', training: 'yes' }]);
    expect(movements.map((m) => m.quantityDelta)).toEqual([-1]);
  });
});
