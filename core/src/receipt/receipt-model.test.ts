import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { sampleSaleRecord } from '../test-support/sample-sale';
import { twoColumns } from './receipt-format';
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

describe('receipt figures that add up', () => {
  it('prints the subtotal after line discounts, so lines, subtotal, ticket discount and total add up', () => {
    const text = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 42, cashierName: 'Camille' }));
    // 3,98 + 3,24 + 6,19 − 0,62 = 12,79; 12,79 − 0,64 = 12,15
    expect(text).toMatch(/^Sous-total +12,79 €$/m);
    expect(text).toMatch(/^Remise ticket 5,0 % +-0,64 €$/m);
    expect(text).toContain('TOTAL TTC     12,15 €');
  });

  it('prints the weight of a price-labelled weighed line, never grams times the price per kg', () => {
    const record = sampleSaleRecord();
    const lines = record.payload.lines.map((l) => (l.lineId === 'l2' ? { ...l, labelAmount: l.gross } : l));
    const text = receiptText(buildReceipt({ ...record, payload: { ...record.payload, lines } }, store, { width: 42, cashierName: 'C' }));
    expect(text).toMatch(/^0,532 kg$/m);
    expect(text).not.toContain('532 x');
  });

  it('keeps every VAT figure whole and apart, on two lines per rate when five columns do not fit', () => {
    const record = sampleSaleRecord();
    const vat = [{ vatRateId: 'FR-20', rateBp: 2000, code: 'D', inclusive: 148_148_80, base: 123_457_33, vat: 24_691_47 }];
    for (const width of [32, 42, 48]) {
      const text = receiptText(buildReceipt({ ...record, payload: { ...record.payload, vat } }, store, { width, cashierName: 'C' }));
      expect(text.replace(/\n/g, ' '), String(width)).toMatch(/D +20,0 % +123457,33 +24691,47 +148148,80/);
      for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('puts two spaces between a name ending in a digit and its amount, so "12 345,00" cannot be read', () => {
    expect(twoColumns('Lot 12', '345,00 €', 15)).toEqual(['Lot 12', '       345,00 €']);
    expect(twoColumns('Lot 12', '345,00 €', 16)).toEqual(['Lot 12  345,00 €']);
    expect(twoColumns('Lot A', '345,00 €', 14)).toEqual(['Lot A 345,00 €']);
  });
});
