import { describe, expect, it } from 'vitest';
import { poleDisplayLines } from './customer-display-lines';

describe('the pole display lines of the customer display state', () => {
  const sale = { phase: 'sale', currency: 'EUR', lines: [{ name: 'Café moulu 250 g', quantity: 1, amount: 349 }], total: 1249 } as const;

  it('shows the last item and the total, 20 columns each', () => {
    const [upper, lower] = poleDisplayLines(sale, 'fr', 'Boutique');
    expect(upper).toHaveLength(20);
    expect(lower).toHaveLength(20);
    expect(upper).toMatch(/^Cafe moulu/);
    expect(upper).toMatch(/3,49 EUR$/);
    expect(lower).toMatch(/12,49 EUR$/);
  });

  it('shows the change after a cash payment, and a welcome when idle', () => {
    expect(poleDisplayLines({ ...sale, phase: 'paid', change: 751 }, 'en', 'Shop')[1]).toMatch(/7\.51$/);
    expect(poleDisplayLines({ ...sale, phase: 'idle', lines: [], total: 0 }, 'en', 'Shop')[1].trim()).toBe('Shop');
  });
});
