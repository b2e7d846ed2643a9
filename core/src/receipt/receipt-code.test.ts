import { describe, expect, it } from 'vitest';
import { joinUrl } from '../signup/join-link';
import { digitalReceiptUrl } from './digital-receipt';
import { parseReceiptRef } from './receipt-code';
import { receiptNumber } from './receipt-model';

describe('codes that find a sale', () => {
  it('read a receipt code with its store, and the old form with the till only', () => {
    expect(parseReceiptRef('S001-T01-000042')).toEqual({ kind: 'receipt', storeId: 'S001', tillId: 'T01', seq: 42 });
    expect(parseReceiptRef(receiptNumber('T02', 1_234_567, 'S001'))).toEqual({
      kind: 'receipt',
      storeId: 'S001',
      tillId: 'T02',
      seq: 1_234_567,
    });
    expect(parseReceiptRef('T01-000042')).toEqual({ kind: 'receipt', tillId: 'T01', seq: 42 });
    // A store id may hold a hyphen; the till is the part before the sequence.
    expect(parseReceiptRef('PARIS-11-T03-000007')).toEqual({ kind: 'receipt', storeId: 'PARIS-11', tillId: 'T03', seq: 7 });
  });

  it('name a training ticket’s code as such', () => {
    expect(parseReceiptRef('S001-T01-ECOLE-000003')).toEqual({ kind: 'training', storeId: 'S001', tillId: 'T01', seq: 3 });
  });

  it('take a code typed in lower case or with spaces around it', () => {
    expect(parseReceiptRef('  s001-t01-000042 \n')).toEqual({ kind: 'receipt', storeId: 'S001', tillId: 'T01', seq: 42 });
  });

  it('read the printed receipt’s QR code (the sale id), even a sale id whose last group is all digits', () => {
    const id = '1b9d6bcd-bbfd-4b2d-9d5d-123456789012';
    expect(parseReceiptRef(id)).toEqual({ kind: 'sale', saleId: id });
    expect(parseReceiptRef('sold')).toEqual({ kind: 'sale', saleId: 'sold' });
  });

  it('read the digital receipt’s link: its store and its sale', () => {
    const url = digitalReceiptUrl('https://hub.example.com/pos', { storeId: 'S 1', id: 'sale-1.a:b', signature: 'ab'.repeat(64) });
    expect(parseReceiptRef(url)).toEqual({ kind: 'sale', storeId: 'S 1', saleId: 'sale-1.a:b' });
  });

  it('read the receipt’s loyalty sign-up link the same way', () => {
    const url = joinUrl('https://hub.example.com', { storeId: 'S001', id: 'sale-1', hash: 'ab'.repeat(32) });
    expect(parseReceiptRef(url)).toEqual({ kind: 'sale', storeId: 'S001', saleId: 'sale-1' });
    expect(parseReceiptRef('https://hub.example.com/join/S001/sale-1.abc')).toBeNull();
  });

  it('refuse anything else', () => {
    for (const text of [
      '',
      '   ',
      'S001 T01 000042',
      'https://hub.example.com/r/S001/sale-1',
      'https://hub.example.com/elsewhere',
      'ftp://hub.example.com/r/S001/sale-1.' + 'a'.repeat(32),
      'x'.repeat(65),
      'é-T01-000001',
    ]) {
      expect(parseReceiptRef(text), text).toBeNull();
    }
  });
});
