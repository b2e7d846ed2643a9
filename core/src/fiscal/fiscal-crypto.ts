import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The two primitives a fiscal record needs. `core` ships a pure implementation (noble) that runs
 * anywhere; the till host and the hub pass Node's native one, some fifty times faster on Ed25519,
 * to the same functions.
 */
export type FiscalCrypto = {
  sha256(data: Uint8Array): Uint8Array;
  /** False for any malformed input; never throws. */
  verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
};

export const nobleCrypto: FiscalCrypto = {
  sha256: (data) => sha256(data),
  verifyEd25519: (signature, message, publicKey) => {
    try {
      return ed25519.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  },
};
