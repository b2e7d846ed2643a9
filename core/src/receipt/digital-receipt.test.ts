import { describe, expect, it } from 'vitest';
import { digitalReceiptKey, digitalReceiptRef, digitalReceiptUrl, parseDigitalReceiptRef, sameReceiptKey } from './digital-receipt';

const signature = 'ab'.repeat(64);

describe('digital receipt links', () => {
  it('hash 128 bits from the signature: the same record always gives the same link, another record another', () => {
    const key = digitalReceiptKey(signature);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(digitalReceiptKey(signature)).toBe(key);
    expect(digitalReceiptKey('ac' + 'ab'.repeat(63))).not.toBe(key);
    // Not the signature itself: a link never gives away the seal.
    expect(signature).not.toContain(key);
  });

  it('put the sale id and the key under the hub address, and read them back', () => {
    const record = { storeId: 'S 1', id: 'sale-1.a:b', signature };
    const key = digitalReceiptKey(signature);
    expect(digitalReceiptUrl('https://hub.example.com', record)).toBe(`https://hub.example.com/r/S%201/sale-1.a:b.${key}`);
    expect(digitalReceiptUrl('https://hub.example.com/pos/', record)).toBe(`https://hub.example.com/pos/r/S%201/sale-1.a:b.${key}`);
    expect(parseDigitalReceiptRef(digitalReceiptRef(record))).toEqual({ saleId: 'sale-1.a:b', key: digitalReceiptKey(signature) });
  });

  it('refuse what is not a link: no key, a short key, an id the till never makes', () => {
    for (const ref of ['sale-1', 'sale-1.abc', `.${'a'.repeat(32)}`, `../x.${'a'.repeat(32)}`, `s.${'A'.repeat(32)}`]) {
      expect(parseDigitalReceiptRef(ref)).toBeNull();
    }
  });

  it('compare keys exactly', () => {
    expect(sameReceiptKey('a'.repeat(32), 'a'.repeat(32))).toBe(true);
    expect(sameReceiptKey('a'.repeat(32), `${'a'.repeat(31)}b`)).toBe(false);
    expect(sameReceiptKey('a', 'aa')).toBe(false);
  });
});
