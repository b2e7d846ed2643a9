import { addProduct, buildSale, cartTotals, cashTender, demoProduct, demoStoreProfile, emptyCart, type EventPayload, type SealedRecord } from '@pos/core';

const store = demoStoreProfile();

/** A sealed-looking sale record (not signed: for storage tests that never verify). */
export function fakeSaleRecord(seq: number): SealedRecord<'sale'> {
  const id = `sale-${String(seq).padStart(6, '0')}`;
  const cart = addProduct(emptyCart(id, 'EUR', '2026-11-22T09:00:00.000Z'), demoProduct(100 + seq), { lineId: 'l1' });
  const total = cartTotals(cart, store.vatRates).total;
  const payload = buildSale(cart, [cashTender('t', total, [], total, store.cashRounding)], {
    storeId: store.storeId,
    tillId: store.tillId,
    staffId: 'staff-camille',
    completedAt: '2026-11-22T09:01:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
  });
  return { chain: 'sale', id, seq, storeId: store.storeId, tillId: store.tillId, sealedAt: payload.completedAt, keyId: 'k', payload, prevHash: 'p', hash: `h${seq}`, signature: 's' };
}

export function fakeEventRecord(seq: number, payload: EventPayload): SealedRecord<'event'> {
  return { chain: 'event', id: `event-${seq}`, seq, storeId: store.storeId, tillId: store.tillId, sealedAt: '2026-11-22T09:00:00.000Z', keyId: 'k', payload, prevHash: 'p', hash: `e${seq}`, signature: 's' };
}
