import { describe, expect, it } from 'vitest';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { demoSaleContext } from '../test-support/sample-sale';
import { addProduct, emptyCart, withCustomer } from './cart';
import { cartTotals } from './totals';

const store = demoStoreProfile();
const cashFor = (total: number) => [cashTender('cash-1', total, [], total, store.cashRounding)];

describe('a customer attached to a cart', () => {
  it('is attached after the first items, replaced or removed, and the sale seals the id only', () => {
    let cart = addProduct(emptyCart('sale-1', 'EUR', '2026-11-22T09:00:00.000Z'), demoProduct(100), { lineId: 'l1' });
    cart = withCustomer(cart, { id: 'cust-1', label: 'Durand Marie' });
    cart = withCustomer(cart, { id: 'cust-2', label: 'Martin Paul' });
    expect(cart.customer).toEqual({ id: 'cust-2', label: 'Martin Paul' });
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(cart, cashFor(total), demoSaleContext());
    expect(sale.customerId).toBe('cust-2');
    // Personal data never in the signed payload: the name stays on the till.
    expect(JSON.stringify(sale)).not.toContain('Martin');
    expect(validateSale(sale, store)).toEqual([]);

    const nobody = withCustomer(cart, null);
    expect('customer' in nobody).toBe(false);
    expect(buildSale(nobody, cashFor(total), demoSaleContext()).customerId).toBeUndefined();
  });
});
