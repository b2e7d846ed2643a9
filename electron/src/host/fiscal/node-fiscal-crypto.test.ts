import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { nobleCrypto } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

function rawPublicKey(jwkX: string | undefined): Uint8Array {
  return new Uint8Array(Buffer.from(jwkX ?? '', 'base64url'));
}

describe('nodeFiscalCrypto', () => {
  it('verifies what Node signed for any key (every public-key byte pattern encoded right), and nothing altered', () => {
    for (let i = 0; i < 40; i++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const raw = rawPublicKey(publicKey.export({ format: 'jwk' }).x);
      const message = randomBytes(32);
      const signature = new Uint8Array(sign(null, message, privateKey));
      expect(nodeFiscalCrypto.verifyEd25519(signature, message, raw)).toBe(true);
      expect(nobleCrypto.verifyEd25519(signature, message, raw)).toBe(true);
      const altered = Uint8Array.from(message);
      altered[i % 32]! ^= 1;
      expect(nodeFiscalCrypto.verifyEd25519(signature, altered, raw)).toBe(false);
    }
    expect(nodeFiscalCrypto.verifyEd25519(new Uint8Array(63), new Uint8Array(1), new Uint8Array(32))).toBe(false);
    expect(Buffer.from(nodeFiscalCrypto.sha256(Buffer.from('abc'))).toString('hex')).toBe(
      Buffer.from(nobleCrypto.sha256(Buffer.from('abc'))).toString('hex'),
    );
  });
});
