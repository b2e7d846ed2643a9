import type { FiscalCrypto } from './fiscal-crypto';

/**
 * The parts of Node's `node:crypto` the fiscal primitives use, described here so that `core`
 * (which imports nothing of Node) holds the one implementation the till host and the hub share:
 * each passes its `node:crypto`.
 */
export type NativeCrypto = {
  createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(): Uint8Array } };
  createPublicKey(options: { key: { kty: 'OKP'; crv: 'Ed25519'; x: string }; format: 'jwk' }): object;
  verify(algorithm: null, data: Uint8Array, key: never, signature: Uint8Array): boolean;
};

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * Core's fiscal primitives on native crypto (OpenSSL), some fifty times faster than the pure
 * implementation on Ed25519. Key objects are built once per public key (building one costs more
 * than a verification); the cache is bounded so a hostile input cannot grow it.
 */
export function nativeFiscalCrypto(native: NativeCrypto, maxCachedKeys = 4096): FiscalCrypto {
  const keys = new Map<string, object>();
  const keyObject = (raw: Uint8Array) => {
    const x = base64url(raw);
    let key = keys.get(x);
    if (!key) {
      key = native.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      if (keys.size >= maxCachedKeys) keys.clear();
      keys.set(x, key);
    }
    return key;
  };
  return {
    sha256: (data) => native.createHash('sha256').update(data).digest(),
    verifyEd25519: (signature, message, publicKey) => {
      if (signature.length !== 64 || publicKey.length !== 32) return false;
      try {
        return native.verify(null, message, keyObject(publicKey) as never, signature);
      } catch {
        return false;
      }
    },
  };
}
