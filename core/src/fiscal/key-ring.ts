import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { keyIdOf, type SealedRecord } from './chain';
import { nobleCrypto, type FiscalCrypto } from './fiscal-crypto';

export const KEY_ROTATION_DOMAIN = 'POS-FISCAL-KEY-ROTATION-V1';

/**
 * What the old key signs to endorse the new one: the domain "POS-FISCAL-KEY-ROTATION-V1", a zero
 * byte, the old public key's 32 raw bytes, then the new one's.
 */
export function rotationMessage(previousPublicKeyHex: string, newPublicKeyHex: string): Uint8Array {
  return concatBytes(utf8ToBytes(`${KEY_ROTATION_DOMAIN}\u0000`), hexToBytes(previousPublicKeyHex), hexToBytes(newPublicKeyHex));
}

/**
 * The public keys a verifier trusts for one till: those registered for it (at enrollment) and
 * those a verified `key.rotate` record introduced. Records name their key by id.
 */
export class KeyRing {
  private readonly keys = new Map<string, string>();

  constructor(
    publicKeysHex: readonly string[] = [],
    private readonly crypto: FiscalCrypto = nobleCrypto,
  ) {
    for (const key of publicKeysHex) this.keys.set(keyIdOf(key, crypto), key);
  }

  readonly lookup = (keyId: string): string | undefined => this.keys.get(keyId);

  get size(): number {
    return this.keys.size;
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }

  /**
   * Call with a record whose hash and signature were verified: a `key.rotate` signed by a known
   * key, whose endorsement that key made, adds the new key. Returns the problem, or null.
   */
  admit(record: SealedRecord): string | null {
    if (record.chain !== 'event' || record.payload.type !== 'key.rotate') return null;
    const rotation = record.payload;
    const previous = this.keys.get(record.keyId);
    if (!previous || rotation.previousKeyId !== record.keyId) return 'the rotation is not signed by the key it replaces';
    if (keyIdOf(rotation.publicKey, this.crypto) !== rotation.keyId) return 'the new key id is not the id of the new key';
    let endorsed = false;
    try {
      endorsed = this.crypto.verifyEd25519(
        hexToBytes(rotation.endorsement),
        rotationMessage(previous, rotation.publicKey),
        hexToBytes(previous),
      );
    } catch {
      endorsed = false;
    }
    if (!endorsed) return 'the old key did not endorse the new key';
    this.keys.set(rotation.keyId, rotation.publicKey);
    return null;
  }
}
