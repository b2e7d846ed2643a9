import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setCartDiscount, setLineDiscount } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import type { SealedRecord } from '../fiscal/chain';
import { cashTender } from '../payment/payment-state';
import type { CardTender } from '../payment/tender';
import { buildSale } from '../sale/sale';
import { buildReceipt, receiptText } from './receipt-model';

const store = demoStoreProfile();

function sealedSale(): SealedRecord<'sale'> {
  let cart = emptyCart('0193a1b2-0000-7000-8000-000000000001', 'EUR', '2026-11-22T10:00:00.000Z');
  cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
  cart = addProduct(cart, demoProduct(0), { lineId: 'l2', quantity: 532 });
  cart = addProduct(cart, demoProduct(107), { lineId: 'l3' });
  cart = setLineDiscount(cart, 'l3', { kind: 'percent', bp: 1000 });
  cart = setCartDiscount(cart, 500);
  const total = cartTotals(cart, store.vatRates).total;
  const card: CardTender = { id: 'c', method: 'card', amount: 500, status: 'approved', attemptKey: 'k', maskedPan: '**** 4242' };
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

describe('buildReceipt', () => {
  it('carries every mandatory mention', () => {
    const record = sealedSale();
    const receipt = buildReceipt(record, store, { width: 42, cashierName: 'Camille' });
    const text = receiptText(receipt);
    for (const expected of [store.name, '12 rue des Halles', 'FR83404833048', 'Caisse 1', 'T01-000042', '22/11/2026 11:05:00', 'Camille', 'TOTAL TTC', 'Espèces', 'Carte bancaire **** 4242', 'Rendu', 'Remise 10,0 %', 'Remise ticket 5,0 %', '0,532 kg']) {
      expect(text).toContain(expected);
    }
    for (const row of record.payload.vat) expect(text).toMatch(new RegExp(`^${row.code}\\s`, 'm'));
    expect(receipt.lines.some((l) => l.kind === 'qrcode' && l.value === record.id)).toBe(true);
    expect(text).not.toContain('DUPLICATA');
    for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(42);
  });

  it('marks a reprint DUPLICATA with its number', () => {
    const text = receiptText(buildReceipt(sealedSale(), store, { width: 32, cashierName: 'Camille', duplicate: 2 }));
    expect(text.match(/DUPLICATA n° 2/g)).toHaveLength(2);
    for (const line of text.split("\n").filter((l) => !l.startsWith("[QR"))) expect(line.length, line).toBeLessThanOrEqual(32);
  });
});
