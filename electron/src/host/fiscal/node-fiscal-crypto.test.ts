import { generateKeyPairSync, sign } from 'node:crypto';
import { nobleCrypto } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

const rawPublicKey = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

describe('nodeFiscalCrypto', () => {
  it('hashes as core’s pure implementation does', () => {
    const data = Buffer.from('POS-FISCAL-RECORD-V1\u0000{"a":1}');
    expect(Buffer.from(nodeFiscalCrypto.sha256(data))).toEqual(Buffer.from(nobleCrypto.sha256(data)));
  });

  it('agrees with core’s pure implementation on good and bad signatures, and never throws', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
    const raw = rawPublicKey(publicKey);
    const message = Buffer.from('32 raw hash bytes, or any message');
    const signature = sign(null, message, privateKey);
    const tampered = Buffer.from(signature);
    tampered[5]! ^= 1;
    const cases: [Uint8Array, Uint8Array, Uint8Array][] = [
      [signature, message, raw],
      [signature, message, raw],
      [tampered, message, raw],
      [signature, Buffer.from('another message'), raw],
      [signature, message, other],
      [signature.subarray(1), message, raw],
      [signature, message, raw.subarray(1)],
      [signature, message, Buffer.alloc(32, 0xff)],
    ];
    for (const [s, m, k] of cases) expect(nodeFiscalCrypto.verifyEd25519(s, m, k)).toBe(nobleCrypto.verifyEd25519(s, m, k));
    expect(nodeFiscalCrypto.verifyEd25519(signature, message, raw)).toBe(true);
    expect(nodeFiscalCrypto.verifyEd25519(tampered, message, raw)).toBe(false);
  });
});
