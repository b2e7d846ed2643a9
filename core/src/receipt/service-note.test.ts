import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setCartDiscount, setLineDiscount, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import type { Product } from '../catalog/product';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { demoSaleContext } from '../test-support/sample-sale';
import { PAPER_RECEIPT_POLICIES, paperRuleFor } from './receipt-settings';
import { serviceAmount, serviceNoteRequired } from './service-note';

const store = demoStoreProfile();

const product = (id: string, price: number, service?: true): Product => ({
  id,
  sku: id.toUpperCase(),
  name: id,
  barcodes: [],
  words: [id],
  price,
  currency: 'EUR',
  vatRateId: 'FR-20',
  measure: 'unit',
  category: '',
  ...(service ? { service } : {}),
});

const haircut = (price: number) => product('haircut', price, true);
const shampoo = product('shampoo', 1_800);

function cartOf(...products: Product[]): Cart {
  return products.reduce((cart, p, i) => addProduct(cart, p, { lineId: `l${i}` }), emptyCart('sale-1', 'EUR', '2026-12-07T09:00:00Z'));
}

const servicesOf = (cart: Cart) => serviceAmount(cart.lines, cartTotals(cart, store.vatRates).lines);

describe('the paper note of services (arrêté 83-50/A)', () => {
  it('carries the product’s service flag on its cart line, and never a false one on goods', () => {
    const cart = cartOf(haircut(2_500), shampoo);
    expect(cart.lines[0]?.service).toBe(true);
    expect(cart.lines[1]).not.toHaveProperty('service');
  });

  it.each(PAPER_RECEIPT_POLICIES)('leaves 24.99 € of services to the store’s policy (%s)', (paper) => {
    const amount = servicesOf(cartOf(haircut(2_499)));
    expect(amount).toBe(2_499);
    expect(serviceNoteRequired(amount)).toBe(false);
    expect(paperRuleFor('sale', { paper }, amount)).toBe(paper);
  });

  it.each(PAPER_RECEIPT_POLICIES)('always prints from 25.00 € of services, whatever the policy (%s)', (paper) => {
    const amount = servicesOf(cartOf(haircut(2_500)));
    expect(paperRuleFor('sale', { paper }, amount)).toBe('always');
    expect(paperRuleFor('return', { paper }, 0)).toBe('always');
  });

  it('counts only the services of a ticket that also sells goods', () => {
    const cart = cartOf(haircut(1_500), shampoo, product('colour', 900, true));
    expect(servicesOf(cart)).toBe(2_400);
    expect(paperRuleFor('sale', { paper: 'ask' }, servicesOf(cart))).toBe('ask');
    expect(paperRuleFor('sale', { paper: 'never' }, servicesOf(addProduct(cart, haircut(1_500), { lineId: 'l9' })))).toBe('always');
  });

  it('counts services net of line and ticket discounts', () => {
    const cart = cartOf(haircut(3_000), shampoo);
    expect(servicesOf(cart)).toBe(3_000);
    // 5 € off the line: 25 € still reaches the threshold; 10 % off the ticket then takes it below.
    const lineOff = setLineDiscount(cart, 'l0', { kind: 'amount', amount: 500 });
    expect(servicesOf(lineOff)).toBe(2_500);
    expect(paperRuleFor('sale', { paper: 'never' }, servicesOf(lineOff))).toBe('always');
    const ticketOff = setCartDiscount(lineOff, 1_000);
    expect(servicesOf(ticketOff)).toBe(2_250);
    expect(paperRuleFor('sale', { paper: 'never' }, servicesOf(ticketOff))).toBe('never');
  });

  it('keeps the flag out of the sealed sale, which stays valid', () => {
    const cart = cartOf(haircut(2_500), shampoo);
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(cart, [cashTender('t1', total, [], total, store.cashRounding)], demoSaleContext({}, store));
    expect(sale.lines.some((l) => 'service' in l)).toBe(false);
    expect(validateSale(sale, store)).toEqual([]);
  });
});
