import { buildReceipt, demoStoreProfile, type Receipt } from '@pos/core';
import { sampleSaleRecord } from '@pos/core/test-support/sample-sale';

export { sampleSaleRecord };

const store = demoStoreProfile();

export function sampleReceipt(width: number, duplicate?: number): Receipt {
  return buildReceipt(sampleSaleRecord(), store, { width, cashierName: 'Camille', ...(duplicate ? { duplicate } : {}) });
}
