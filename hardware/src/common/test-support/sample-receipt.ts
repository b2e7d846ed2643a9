import { buildReceipt, demoStoreProfile, type Receipt, type SealedRecord } from '@pos/core';
import { sampleSaleRecord } from '@pos/core/test-support/sample-sale';

export { sampleSaleRecord };

const store = demoStoreProfile();

/** The sample sale with a name written as catalogues write French (œ, « », ’, –), which no printer code page holds whole. */
function withFrenchTypography(record: SealedRecord<'sale'>): SealedRecord<'sale'> {
  const lines = record.payload.lines.map((line, i) => (i === 0 ? { ...line, name: 'Œufs frais « plein air » – l’œuf de ferme' } : line));
  return { ...record, payload: { ...record.payload, lines } };
}

export function sampleReceipt(width: number, duplicate?: number): Receipt {
  return buildReceipt(withFrenchTypography(sampleSaleRecord()), store, {
    width,
    cashierName: 'Camille',
    softwareVersion: '0.1.0',
    ...(duplicate ? { duplicate } : {}),
  });
}
