import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { sampleSaleRecord } from '../test-support/sample-sale';
import { buildReceipt, receiptText } from './receipt-model';

const store = demoStoreProfile();

describe('buildReceipt', () => {
  it('carries every mandatory mention', () => {
    const record = sampleSaleRecord();
    const receipt = buildReceipt(record, store, { width: 42, cashierName: 'Camille' });
    const text = receiptText(receipt);
    for (const expected of [
      store.name,
      '12 rue des Halles',
      'FR83404833048',
      'Caisse 1',
      'T01-000042',
      '22/11/2026 11:05:00',
      'Camille',
      'TOTAL TTC',
      'Espèces',
      'Carte bancaire **** 4242',
      'Rendu',
      'Remise 10,0 %',
      'Remise ticket 5,0 %',
      '0,532 kg',
    ]) {
      expect(text).toContain(expected);
    }
    for (const row of record.payload.vat) expect(text).toMatch(new RegExp(`^${row.code}\\s`, 'm'));
    expect(receipt.lines.some((l) => l.kind === 'qrcode' && l.value === record.id)).toBe(true);
    expect(text).not.toContain('DUPLICATA');
    for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(42);
  });

  it('marks a reprint DUPLICATA with its number', () => {
    const text = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 32, cashierName: 'Camille', duplicate: 2 }));
    expect(text.match(/DUPLICATA n° 2/g)).toHaveLength(2);
    for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(32);
  });
});
