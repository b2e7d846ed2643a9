import { addProduct, demoProduct } from '@pos/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newCart, useCartStore } from './cart-store';
import { CASHIER_QUIET_MS, cashierBusy, untilCashierIdle } from './cashier-activity';

afterEach(() => {
  vi.useRealTimers();
  useCartStore.setState({ cart: newCart(), status: 'selling', tenders: [] });
});

describe('cashier activity', () => {
  it('is busy while a cart with lines was touched within the quiet time, idle with an empty cart or after it', () => {
    useCartStore.setState({ cart: newCart(), status: 'selling' });
    expect(cashierBusy()).toBe(false);
    useCartStore.setState({ cart: addProduct(newCart(), demoProduct(100), { lineId: 'l1' }) });
    expect(cashierBusy()).toBe(true);
    expect(cashierBusy(Date.now() + CASHIER_QUIET_MS + 1)).toBe(false);
    useCartStore.setState({ cart: newCart(), status: 'paying' });
    expect(cashierBusy()).toBe(true);
  });

  it('lets background work through once the customer is served', async () => {
    vi.useFakeTimers();
    useCartStore.setState({ cart: addProduct(newCart(), demoProduct(100), { lineId: 'l1' }) });
    let through = false;
    void untilCashierIdle(100).then(() => (through = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(through).toBe(false);
    useCartStore.setState({ cart: newCart() });
    await vi.advanceTimersByTimeAsync(200);
    expect(through).toBe(true);
  });
});
