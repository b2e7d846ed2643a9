import { addProduct, emptyCart, setCartDiscount, setLineDiscount } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import type { SealedRecord } from '../fiscal/chain';
import { cashTender } from '../payment/payment-state';
import type { CardTender } from '../payment/tender';
import { buildSale, type SaleContext, type SalePayload } from '../sale/sale';

/** Test fixtures shared by every package: sales built with core exactly as the till builds them. */

/** What buildSale needs of a store and a cashier: the demo store's rules, Camille, a fixed time. */
export function demoSaleContext(overrides: Partial<SaleContext> = {}, store = demoStoreProfile()): SaleContext {
  return {
    storeId: store.storeId,
    tillId: store.tillId,
    staffId: 'staff-camille',
    completedAt: '2026-11-22T10:05:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    ...overrides,
  };
}
export type CashSaleOptions = {
  readonly saleId: string;
  readonly staffId?: string;
  readonly storeId?: string;
  readonly tillId?: string;
  /** Demo catalog indexes, one line each (a repeated index increments its line). */
  readonly products?: readonly number[];
  /** Cash handed over above the total (change). */
  readonly extraCash?: number;
  /** The till's clock at the end of the sale. */
  readonly completedAt?: string;
};

export function cashSale(options: CashSaleOptions): SalePayload {
  const profile = demoStoreProfile(options.storeId ?? 'S001', options.tillId ?? 'T01');
  let cart = emptyCart(options.saleId, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const [i, index] of (options.products ?? [100, 205]).entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  const total = cartTotals(cart, profile.vatRates).total;
  const tender = cashTender('cash-1', total, [], total + (options.extraCash ?? 0), profile.cashRounding);
  return buildSale(cart, [tender], {
    storeId: profile.storeId,
    tillId: profile.tillId,
    staffId: options.staffId ?? 'staff-camille',
    completedAt: options.completedAt ?? '2026-11-22T09:01:00.000Z',
    vatRates: profile.vatRates,
    cashRounding: profile.cashRounding,
  });
}

/** A sealed-looking record around a payload (not hashed nor signed: for code that never verifies). */
export function unsignedSaleRecord(payload: SalePayload, seq: number): SealedRecord<'sale'> {
  return {
    chain: 'sale',
    id: payload.saleId,
    seq,
    storeId: payload.storeId,
    tillId: payload.tillId,
    sealedAt: payload.completedAt,
    keyId: 'k',
    payload,
    prevHash: 'p',
    hash: `h${seq}`,
    signature: 's',
  };
}

/**
 * A sale with fixed ids and times, so receipts built from it (and golden byte files) are the same
 * on every run: card and cash, a weighed line, line and cart discounts.
 */
export function sampleSaleRecord(): SealedRecord<'sale'> {
  const store = demoStoreProfile();
  let cart = emptyCart('0193a1b2-0000-7000-8000-000000000001', 'EUR', '2026-11-22T10:00:00.000Z');
  cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
  cart = addProduct(cart, demoProduct(0), { lineId: 'l2', quantity: 532 });
  cart = addProduct(cart, demoProduct(107), { lineId: 'l3' });
  cart = setLineDiscount(cart, 'l3', { kind: 'percent', bp: 1000 });
  cart = setCartDiscount(cart, 500);
  const total = cartTotals(cart, store.vatRates).total;
  const card: CardTender = {
    id: 'c',
    method: 'card',
    amount: 500,
    status: 'approved',
    attemptKey: 'k',
    maskedPan: '**** 4242',
    scheme: 'CB',
  };
  const cash = cashTender('t', total, [card], 5000, store.cashRounding);
  const payload = buildSale(cart, [card, cash], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: '2026-11-22T10:05:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
  });
  return { ...unsignedSaleRecord(payload, 42), prevHash: '0', hash: 'h' };
}
