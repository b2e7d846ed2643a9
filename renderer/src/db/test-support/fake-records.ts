import { demoStoreProfile, type DuplicatePayload, type EventPayload, type SealedRecord } from '@pos/core';
import { cashSale, unsignedSaleRecord } from '@pos/core/test-support/sample-sale';

const store = demoStoreProfile();

/** A sealed-looking sale record (not signed: for storage tests that never verify). */
export function fakeSaleRecord(seq: number): SealedRecord<'sale'> {
  return unsignedSaleRecord(cashSale({ saleId: `sale-${String(seq).padStart(6, '0')}`, products: [100 + seq] }), seq);
}

export function fakeEventRecord(seq: number, payload: EventPayload): SealedRecord<'event'> {
  return {
    chain: 'event',
    id: `event-${seq}`,
    seq,
    storeId: store.storeId,
    tillId: store.tillId,
    sealedAt: '2026-11-22T09:00:00.000Z',
    keyId: 'k',
    payload,
    prevHash: 'p',
    hash: `e${seq}`,
    signature: 's',
  };
}

/** A DUPLICATA's record on the duplicate chain, numbered apart from the events. */
export function fakeDuplicateRecord(seq: number, payload: Omit<DuplicatePayload, 'type'>): SealedRecord<'duplicate'> {
  return {
    ...fakeEventRecord(seq, { type: 'session.sign-in', staffId: payload.staffId }),
    chain: 'duplicate',
    id: `duplicate-${seq}`,
    hash: `d${seq}`,
    payload: { type: 'duplicate', ...payload },
  };
}
