import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { FiscalCrypto } from '@pos/core';

/** A till trusts a handful of keys; the bound only stops a hostile journal from growing the cache. */
const MAX_CACHED_KEYS = 64;

const publicKeys = new Map<string, KeyObject>();

/** Node's KeyObject for 32 raw Ed25519 public-key bytes, built once per key: building it costs more than a verification. */
function publicKeyObject(raw: Uint8Array): KeyObject {
  const x = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url');
  let key = publicKeys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
    publicKeys.set(x, key);
  }
  return key;
}

/** Core's fiscal primitives on Node's native crypto (OpenSSL): the host seals and verifies with these. */
export const nodeFiscalCrypto: FiscalCrypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  verifyEd25519: (signature, message, publicKey) => {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    try {
      return verify(null, message, publicKeyObject(publicKey), signature);
    } catch {
      return false;
    }
  },
};
