import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { buildReceipt, receiptText } from '../receipt/receipt-model';
import { cashSale, signedSaleRecord } from '../test-support/sample-sale';
import { joinUrl } from './join-link';
import { withJoinCode } from './join-receipt';

const record = signedSaleRecord(cashSale({ saleId: 'j1' }), 1);
const receipt = buildReceipt(record, demoStoreProfile(), { width: 42, softwareVersion: '1.0.0' });

describe('the receipt’s sign-up code', () => {
  it('prints the link as a QR code with its words, above the sale’s own code, which stays last', () => {
    const url = joinUrl('https://hub.example.com', record);
    const printed = withJoinCode(receipt, url, 'fr-FR');
    const codes = printed.lines.filter((l) => l.kind === 'qrcode').map((l) => (l.kind === 'qrcode' ? l.value : ''));
    expect(codes).toEqual([url, 'j1']);
    const text = receiptText(printed);
    expect(text).toContain(`[QR ${url}]`);
    expect(text).toMatch(/Devenez membre[\s\S]*scannez ce code/);
    expect(printed.lines.every((l) => l.kind !== 'text' || l.text.length <= 42)).toBe(true);
    expect(receiptText(withJoinCode(receipt, url, 'en-GB'))).toMatch(/Join our loyalty club/);
  });

  it('leaves the receipt as it was without a link', () => {
    expect(withJoinCode(receipt, null, 'fr-FR')).toBe(receipt);
  });
});
