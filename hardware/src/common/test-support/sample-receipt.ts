import {
  addProduct,
  buildReceipt,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  setCartDiscount,
  setLineDiscount,
  type CardTender,
  type Receipt,
  type SealedRecord,
} from '@pos/core';

const store = demoStoreProfile();

/**
 * A sealed sale built by hand with fixed ids and times, so receipts built from it (and the golden
 * byte files) are identical on every run: card and cash, a weighed line, line and cart discounts.
 */
export function sampleSaleRecord(): SealedRecord<'sale'> {
  let cart = emptyCart('0193a1b2-0000-7000-8000-000000000001', 'EUR', '2026-11-22T10:00:00.000Z');
  cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
  cart = addProduct(cart, demoProduct(0), { lineId: 'l2', quantity: 532 });
  cart = addProduct(cart, demoProduct(107), { lineId: 'l3' });
  cart = setLineDiscount(cart, 'l3', { kind: 'percent', bp: 1000 });
  cart = setCartDiscount(cart, 500);
  const total = cartTotals(cart, store.vatRates).total;
  const card: CardTender = { id: 'c', method: 'card', amount: 500, status: 'approved', attemptKey: 'k', maskedPan: '**** 4242', scheme: 'CB' };
  const cash = cashTender('t', total, [card], 5000, store.cashRounding);
  const payload = buildSale(cart, [card, cash], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: '2026-11-22T10:05:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
  });
  return { chain: 'sale', id: payload.saleId, seq: 42, storeId: 'S001', tillId: 'T01', sealedAt: payload.completedAt, keyId: 'k', payload, prevHash: '0', hash: 'h', signature: 's' };
}

export function sampleReceipt(width: number, duplicate?: number): Receipt {
  return buildReceipt(sampleSaleRecord(), store, { width, cashierName: 'Camille', ...(duplicate ? { duplicate } : {}) });
}
