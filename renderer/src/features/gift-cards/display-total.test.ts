import { emptyCart } from '@pos/core';
import { demoStoreProfile } from '@pos/core/demo/demo-store';
import { describe, expect, it } from 'vitest';
import { customerDisplayState } from '../customer-display/display-state';

describe('the customer display of a gift card sale', () => {
  it('shows what the customer will pay, the card included, even with no goods', () => {
    const cart = {
      ...emptyCart('gc', 'EUR', '2026-11-22T09:00:00.000Z'),
      vouchers: [{ lineId: 'v1', cardKind: 'gift_card' as const, operation: 'issue' as const, amount: 2_500 }],
    };
    const state = customerDisplayState({ cart, lastSale: null, donePanel: false }, demoStoreProfile().vatRates);
    expect(state).toMatchObject({ phase: 'sale', total: 2_500, lines: [] });
  });
});
