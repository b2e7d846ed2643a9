import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { FiscalChain, PayloadOf, RecordPayload } from './events';

export const GENESIS_HASH = '0'.repeat(64);

/** What the till host is asked to seal. `id` is the idempotency key: sealing it twice returns the first seal. */
export type SealRequest<C extends FiscalChain = FiscalChain> = {
  readonly chain: C;
  readonly id: string;
  readonly payload: PayloadOf<C>;
};

/** The fields covered by the hash, in the canonical form of RFC 8785 (JSON Canonicalization Scheme). */
export type SealedFields<C extends FiscalChain = FiscalChain> = {
  readonly chain: C;
  readonly id: string;
  readonly seq: number;
  readonly storeId: string;
  readonly tillId: string;
  readonly sealedAt: string;
  readonly keyId: string;
  readonly payload: PayloadOf<C>;
};

export type SealedRecord<C extends FiscalChain = FiscalChain> = SealedFields<C> & {
  readonly prevHash: string;
  /** SHA-256 (hex) of prevHash + canonical(fields). */
  readonly hash: string;
  /** Ed25519 signature (hex) of the 32 hash bytes by the till's key. */
  readonly signature: string;
};

export function canonicalText(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Value has no canonical JSON form');
  return text;
}

/** Only the sealed fields are hashed, whatever else the object carries (its own hash, signature…). */
export function chainHash(prevHash: string, fields: SealedFields): string {
  return bytesToHex(sha256(utf8ToBytes(prevHash + canonicalText(fieldsOf(fields)))));
}

export function keyIdOf(publicKeyHex: string): string {
  return bytesToHex(sha256(hexToBytes(publicKeyHex))).slice(0, 16);
}

export function fieldsOf<C extends FiscalChain>(record: SealedFields<C>): SealedFields<C> {
  const { chain, id, seq, storeId, tillId, sealedAt, keyId, payload } = record;
  return { chain, id, seq, storeId, tillId, sealedAt, keyId, payload };
}

export type ChainBreak = { readonly seq: number; readonly id: string; readonly problem: string };

/**
 * Verifies records of one chain, in order, from `startPrevHash` (the genesis hash for a whole chain):
 * gap-free sequence, each hash recomputed, each link to the previous hash, each signature.
 */
export function verifyChain(
  records: readonly SealedRecord[],
  publicKeyHex: string,
  start: { prevHash: string; seq: number } = { prevHash: GENESIS_HASH, seq: 0 },
): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const publicKey = hexToBytes(publicKeyHex);
  const keyId = keyIdOf(publicKeyHex);
  let prevHash = start.prevHash;
  let expectedSeq = start.seq + 1;
  for (const record of records) {
    const problem = (text: string) => breaks.push({ seq: record.seq, id: record.id, problem: text });
    if (record.seq !== expectedSeq) problem(`sequence ${record.seq} where ${expectedSeq} was expected`);
    if (record.prevHash !== prevHash) problem('previous hash does not match the record before');
    if (record.keyId !== keyId) problem(`signed by key ${record.keyId}, not ${keyId}`);
    const hash = chainHash(record.prevHash, fieldsOf(record));
    if (hash !== record.hash) problem('content does not match its hash');
    let signed = false;
    try {
      signed = ed25519.verify(hexToBytes(record.signature), hexToBytes(record.hash), publicKey);
    } catch {
      signed = false;
    }
    if (!signed) problem('signature is not valid');
    prevHash = record.hash;
    expectedSeq = record.seq + 1;
  }
  return breaks;
}

export function isSaleRecord(record: SealedRecord): record is SealedRecord<'sale'> {
  return record.chain === 'sale';
}

export type { RecordPayload };
