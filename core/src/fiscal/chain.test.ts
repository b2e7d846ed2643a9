import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, keyIdOf, RECORD_FORMAT, recordHashInput, type SealedFields, type SealedRecord } from './chain';
import type { EventPayload } from './events';
import { KeyRing, rotationMessage } from './key-ring';
import { verifyChain } from './verify-chain';

const secret = ed25519.utils.randomSecretKey();
const publicKey = bytesToHex(ed25519.getPublicKey(secret));
const keyId = keyIdOf(publicKey);

function seal(records: SealedRecord[], payload: EventPayload, key = { secret, keyId }, v: 1 | undefined = RECORD_FORMAT): SealedRecord {
  const prev = records.at(-1);
  const fields: SealedFields = {
    ...(v ? { v } : {}),
    chain: 'event',
    id: `e${records.length + 1}`,
    seq: (prev?.seq ?? 0) + 1,
    storeId: 'S001',
    tillId: 'T01',
    sealedAt: '2026-11-22T10:00:00.000Z',
    keyId: key.keyId,
    payload,
  };
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, fields);
  return { ...fields, prevHash, hash, signature: bytesToHex(ed25519.sign(hexToBytes(hash), key.secret)) };
}

function chainOf(n: number, v: 1 | undefined = RECORD_FORMAT): SealedRecord[] {
  const records: SealedRecord[] = [];
  for (let i = 0; i < n; i++) records.push(seal(records, { type: 'till.start', appVersion: `1.${i}` }, undefined, v));
  return records;
}

const codes = (records: readonly unknown[], keys: string | KeyRing = publicKey) => verifyChain(records, keys).map((b) => b.code);

describe('verifyChain', () => {
  it('accepts an intact chain, of format 1 and of format 0 (sealed before the format version)', () => {
    expect(verifyChain(chainOf(5), publicKey)).toEqual([]);
    expect(verifyChain(chainOf(3, undefined), publicKey)).toEqual([]);
  });

  it('separates the domains: a version-1 hash input starts with the domain and the raw previous hash', () => {
    const [record] = chainOf(1);
    const input = recordHashInput(record!.prevHash, record!);
    expect(String.fromCharCode(...input.subarray(0, 21))).toBe('POS-FISCAL-RECORD-V1\u0000');
    expect(input.subarray(21, 53)).toEqual(new Uint8Array(32));
    // Dropping `v` changes the rule, so a record cannot be passed off as another version.
    const { v: _v, ...asVersion0 } = record!;
    expect(codes([asVersion0])).toContain('hash');
  });

  it('finds an edited payload', () => {
    const records = chainOf(3);
    records[1] = { ...records[1]!, payload: { type: 'till.start', appVersion: 'forged' } };
    expect(codes(records)).toContain('hash');
  });

  it('finds a removed record, and a reordered pair', () => {
    const records = chainOf(4);
    records.splice(1, 1);
    expect(codes(records)).toEqual(expect.arrayContaining(['sequence', 'link']));
    const swapped = chainOf(4);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(codes(swapped)).toEqual(expect.arrayContaining(['sequence', 'link']));
  });

  it('finds a record re-hashed without the key, and one signed by a key the till never had', () => {
    const records = chainOf(2);
    const forged = { ...records[1]!, payload: { type: 'till.start' as const, appVersion: 'x' } };
    records[1] = { ...forged, hash: chainHash(forged.prevHash, forged) };
    expect(codes(records)).toContain('signature');
    const stranger = ed25519.utils.randomSecretKey();
    const foreign = chainOf(1);
    foreign.push(
      seal(
        foreign,
        { type: 'till.start', appVersion: 'x' },
        { secret: stranger, keyId: keyIdOf(bytesToHex(ed25519.getPublicKey(stranger))) },
      ),
    );
    expect(codes(foreign)).toEqual(['key']);
  });

  it('refuses a malformed record before hashing it, and a payload nested without bound', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const [record] = chainOf(1);
    expect(codes([{ ...record!, payload: deep }])).toEqual(['schema']);
    expect(codes([{ ...record!, seq: '1' }])).toEqual(['shape']);
    expect(codes([null])).toEqual(['shape']);
  });

  it('hashes key order independently (canonical JSON)', () => {
    const [record] = chainOf(1);
    const reordered = Object.fromEntries(Object.entries(record!).reverse()) as SealedRecord;
    expect(verifyChain([reordered], publicKey)).toEqual([]);
  });

  it('follows a key rotation endorsed by the old key, and refuses one that is not', () => {
    const next = ed25519.utils.randomSecretKey();
    const nextPublic = bytesToHex(ed25519.getPublicKey(next));
    const nextKey = { secret: next, keyId: keyIdOf(nextPublic) };
    const endorsement = bytesToHex(ed25519.sign(rotationMessage(publicKey, nextPublic), secret));
    const rotate = (endorse: string): SealedRecord[] => {
      const records = chainOf(1);
      records.push(
        seal(records, { type: 'key.rotate', previousKeyId: keyId, publicKey: nextPublic, keyId: nextKey.keyId, endorsement: endorse }),
      );
      records.push(seal(records, { type: 'till.start', appVersion: 'after' }, nextKey));
      return records;
    };
    expect(verifyChain(rotate(endorsement), new KeyRing([publicKey]))).toEqual([]);
    const notEndorsed = bytesToHex(ed25519.sign(rotationMessage(publicKey, nextPublic), next));
    expect(codes(rotate(notEndorsed), new KeyRing([publicKey]))).toEqual(['rotation', 'key']);
  });
});
