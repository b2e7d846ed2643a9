import { describe, expect, it } from 'vitest';
import { cashSale, signedSaleRecord } from '../test-support/sample-sale';
import { joinLinkFor, joinProof, joinUrl, offersJoin, parseJoinRef } from './join-link';

const hash = 'ab'.repeat(32);

describe('the loyalty sign-up link', () => {
  it('proves the receipt with 80 bits hashed from the record’s hash, none of them the printed fingerprint', () => {
    const proof = joinProof(hash);
    expect(proof).toMatch(/^[0-9a-f]{20}$/);
    expect(joinProof(hash)).toBe(proof);
    expect(joinProof(`ac${'ab'.repeat(31)}`)).not.toBe(proof);
    expect(hash).not.toContain(proof.slice(0, 8));
    expect(() => joinProof('h1')).toThrow();
  });

  it('puts the store, the sale and the proof under the hub’s public address, and reads them back', () => {
    const record = { storeId: 'S 1', id: 'sale-1.a:b', hash };
    expect(joinUrl('https://hub.example.com', record)).toBe(`https://hub.example.com/join/S%201/sale-1.a:b.${joinProof(hash)}`);
    expect(joinUrl('https://hub.example.com/pos/', record)).toBe(`https://hub.example.com/pos/join/S%201/sale-1.a:b.${joinProof(hash)}`);
    expect(parseJoinRef(`sale-1.a:b.${joinProof(hash)}`)).toEqual({ saleId: 'sale-1.a:b', proof: joinProof(hash) });
    for (const ref of [
      'sale-1',
      'sale-1.abc',
      `.${'a'.repeat(20)}`,
      `../x.${'a'.repeat(20)}`,
      `s.${'A'.repeat(20)}`,
      `s.${'a'.repeat(32)}`,
    ]) {
      expect(parseJoinRef(ref), ref).toBeNull();
    }
  });

  it('is offered on a sale without a member only: never a member’s, a return or a training ticket', () => {
    const sale = signedSaleRecord(cashSale({ saleId: 'j1' }), 1);
    expect(offersJoin(sale)).toBe(true);
    expect(offersJoin({ ...sale, payload: { ...sale.payload, customerId: 'c1' } })).toBe(false);
    expect(offersJoin({ ...sale, payload: { ...sale.payload, training: true } } as typeof sale)).toBe(false);
    expect(offersJoin({ ...sale, payload: { ...sale.payload, kind: 'return' } } as typeof sale)).toBe(false);
    expect(offersJoin({ ...sale, chain: 'training' } as unknown as typeof sale)).toBe(false);
  });

  it('is printed and shown under the store’s public address, else the hub’s, and not at all without either', () => {
    const sale = signedSaleRecord(cashSale({ saleId: 'j2' }), 1);
    const proof = joinProof(sale.hash);
    expect(joinLinkFor(sale, { receipt: { paper: 'ask', digitalBaseUrl: 'https://fidelite.example.com/' } }, 'http://10.0.0.2:8787')).toBe(
      `https://fidelite.example.com/join/S001/j2.${proof}`,
    );
    expect(joinLinkFor(sale, {}, 'http://10.0.0.2:8787')).toBe(`http://10.0.0.2:8787/join/S001/j2.${proof}`);
    expect(joinLinkFor(sale, {}, null)).toBeNull();
    expect(joinLinkFor({ ...sale, payload: { ...sale.payload, customerId: 'c1' } }, {}, 'http://hub')).toBeNull();
    expect(joinLinkFor({ ...sale, hash: 'h1' }, {}, 'http://hub')).toBeNull();
  });
});
