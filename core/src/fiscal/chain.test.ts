import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from './events';
import { chainHash, GENESIS_HASH, keyIdOf, verifyChain, type SealedFields, type SealedRecord } from './chain';

const secret = ed25519.utils.randomSecretKey();
const publicKey = bytesToHex(ed25519.getPublicKey(secret));
const keyId = keyIdOf(publicKey);

function seal(records: SealedRecord[], payload: EventPayload): SealedRecord {
  const prev = records.at(-1);
  const fields: SealedFields = {
    chain: 'event',
    id: `e${records.length + 1}`,
    seq: (prev?.seq ?? 0) + 1,
    storeId: 'S001',
    tillId: 'T01',
    sealedAt: '2026-11-22T10:00:00.000Z',
    keyId,
    payload,
  };
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, fields);
  return { ...fields, prevHash, hash, signature: bytesToHex(ed25519.sign(hexToBytes(hash), secret)) };
}

function chainOf(n: number): SealedRecord[] {
  const records: SealedRecord[] = [];
  for (let i = 0; i < n; i++) records.push(seal(records, { type: 'till.start', appVersion: `1.${i}` }));
  return records;
}

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chainOf(5), publicKey)).toEqual([]);
  });

  it('finds an edited payload', () => {
    const records = chainOf(3);
    records[1] = { ...records[1]!, payload: { type: 'till.start', appVersion: 'forged' } };
    expect(verifyChain(records, publicKey).map((b) => b.problem)).toContain('content does not match its hash');
  });

  it('finds a removed record', () => {
    const records = chainOf(4);
    records.splice(1, 1);
    const problems = verifyChain(records, publicKey).map((b) => b.problem);
    expect(problems).toContain('sequence 3 where 2 was expected');
    expect(problems).toContain('previous hash does not match the record before');
  });

  it('finds a record re-hashed without the key', () => {
    const records = chainOf(2);
    const forged = { ...records[1]!, payload: { type: 'till.start' as const, appVersion: 'x' } };
    records[1] = { ...forged, hash: chainHash(forged.prevHash, forged) };
    expect(verifyChain(records, publicKey).map((b) => b.problem)).toContain('signature is not valid');
  });

  it('hashes key order independently (canonical JSON)', () => {
    const [record] = chainOf(1);
    const reordered = Object.fromEntries(Object.entries(record!).reverse()) as SealedRecord;
    expect(verifyChain([reordered], publicKey)).toEqual([]);
  });
});
