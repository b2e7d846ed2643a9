import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import type { FiscalChain, PayloadOf, RecordPayload } from './events';
import { nobleCrypto, type FiscalCrypto } from './fiscal-crypto';

/**
 * The sealed record format, byte for byte in docs/fiscal.md. Version 1 puts the format version
 * inside the hashed fields and a domain-separation prefix before them, so a hash of this format
 * can never be mistaken for the hash of anything else. Records without `v` are version 0 (sealed
 * before this format): still verified, with their own rule.
 */
export const RECORD_FORMAT = 1;
export const RECORD_HASH_DOMAIN = 'POS-FISCAL-RECORD-V1';

/** The previous hash of the first record of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the till host is asked to seal. `id` is the idempotency key: sealing it twice returns the first seal. */
export type SealRequest<C extends FiscalChain = FiscalChain> = {
  readonly chain: C;
  readonly id: string;
  readonly payload: PayloadOf<C>;
};

/** The fields covered by the hash, in the canonical form of RFC 8785 (JSON Canonicalization Scheme). */
export type SealedFields<C extends FiscalChain = FiscalChain> = {
  /** The record format (1); absent on version 0 records. */
  readonly v?: typeof RECORD_FORMAT;
  readonly chain: C;
  readonly id: string;
  readonly seq: number;
  readonly storeId: string;
  readonly tillId: string;
  /** The till host's clock, UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly sealedAt: string;
  readonly keyId: string;
  readonly payload: PayloadOf<C>;
};

export type SealedRecord<C extends FiscalChain = FiscalChain> = SealedFields<C> & {
  /** The hash of the record before on the same chain (GENESIS_HASH for the first). */
  readonly prevHash: string;
  /** SHA-256 (lowercase hex) of the hash input (recordHashInput). */
  readonly hash: string;
  /** Ed25519 signature (lowercase hex) of the 32 raw hash bytes by the key `keyId`. */
  readonly signature: string;
};

export function canonicalText(value: unknown): string {
  const text = canonicalJson(value);
  if (text === undefined) throw new Error('Value has no canonical JSON form');
  return text;
}

/** Only the sealed fields are hashed, whatever else the object carries (its own hash, signature…). */
export function fieldsOf<C extends FiscalChain>(record: SealedFields<C>): SealedFields<C> {
  const { v, chain, id, seq, storeId, tillId, sealedAt, keyId, payload } = record;
  return v === undefined
    ? { chain, id, seq, storeId, tillId, sealedAt, keyId, payload }
    : { v, chain, id, seq, storeId, tillId, sealedAt, keyId, payload };
}

const DOMAIN_BYTES = utf8ToBytes(`${RECORD_HASH_DOMAIN}\u0000`);

/**
 * The bytes hashed for a record. Version 1: the domain "POS-FISCAL-RECORD-V1", a zero byte, the
 * 32 raw bytes of the previous hash, then the UTF-8 canonical JSON of the sealed fields.
 * Version 0: the UTF-8 of the previous hash in hex followed by the canonical JSON.
 */
export function recordHashInput(prevHash: string, fields: SealedFields): Uint8Array {
  const text = canonicalText(fieldsOf(fields));
  if (fields.v === undefined) return utf8ToBytes(prevHash + text);
  return concatBytes(DOMAIN_BYTES, hexToBytes(prevHash), utf8ToBytes(text));
}

export function chainHash(prevHash: string, fields: SealedFields, crypto: FiscalCrypto = nobleCrypto): string {
  return bytesToHex(crypto.sha256(recordHashInput(prevHash, fields)));
}

/** A key's id: the first 16 hex digits of the SHA-256 of its 32 raw public-key bytes. */
export function keyIdOf(publicKeyHex: string, crypto: FiscalCrypto = nobleCrypto): string {
  return bytesToHex(crypto.sha256(hexToBytes(publicKeyHex))).slice(0, 16);
}

export function isSaleRecord(record: SealedRecord): record is SealedRecord<'sale'> {
  return record.chain === 'sale';
}

export type { RecordPayload };
