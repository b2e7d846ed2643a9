import { hexToBytes } from '@noble/hashes/utils.js';
import { check } from '../validation/shape';
import { chainHash, GENESIS_HASH, keyIdOf, type SealedRecord } from './chain';
import { isFiscalChain, type RecordProblem } from './events';
import { nobleCrypto, type FiscalCrypto } from './fiscal-crypto';
import { KeyRing } from './key-ring';
import { recordShape } from './record-shapes';

/** Stable problem codes (the till and the back office translate them; `problem` is English words). */
export type ChainProblemCode = 'shape' | 'schema' | 'sequence' | 'link' | 'hash' | 'key' | 'signature' | 'rotation';

export type ChainBreak = RecordProblem & { readonly code: ChainProblemCode };

/** Where a chain stands before the next record: the last sequence number and hash (0 and GENESIS_HASH before the first). */
export type ChainPosition = { readonly seq: number; readonly prevHash: string };

export const CHAIN_START: ChainPosition = { seq: 0, prevHash: GENESIS_HASH };

export type KeyLookup = (keyId: string) => string | undefined;

/** Largest payload a verifier hashes when it does not fit its published shape (depth, values). */
const MAX_DEPTH = 32;
const MAX_VALUES = 50_000;

/** Walks without recursion, so a hostile document cannot exhaust the stack before it is refused. */
export function isBoundedJson(value: unknown, maxDepth = MAX_DEPTH, maxValues = MAX_VALUES): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++seen > maxValues || depth > maxDepth) return false;
    if (typeof current === 'number' && !Number.isFinite(current)) return false;
    if (typeof current === 'object' && current !== null) {
      for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
    }
  }
  return true;
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's shape checked before anything is hashed: the record when its envelope holds, and the problems. */
export type RecordContent = { readonly record: SealedRecord | null; readonly problems: ChainBreak[] };

function problemOf(value: unknown): (code: ChainProblemCode, problem: string) => ChainBreak {
  const record = isRecordLike(value) ? value : {};
  const seq = typeof record.seq === 'number' ? record.seq : 0;
  const id = typeof record.id === 'string' ? record.id.slice(0, 64) : '';
  const chain = isFiscalChain(record.chain) ? record.chain : String(record.chain ?? '').slice(0, 16);
  return (code, problem) => ({ chain, seq, id, code, problem });
}

/**
 * A record's shape: `record` is null when its envelope is broken (nothing else can be checked);
 * a payload off its published shape is a `schema` problem, and `record` is null too when that
 * payload is not even bounded JSON (it is never hashed).
 */
export function recordShapeProblems(value: unknown): RecordContent {
  const add = problemOf(value);
  const record = isRecordLike(value) ? value : {};
  if (!isFiscalChain(record.chain)) return { record: null, problems: [add('shape', 'not a record of a known chain')] };
  const shapeProblems = check(recordShape(record.chain), value, 'record');
  if (shapeProblems.some((p) => !p.startsWith('record.payload'))) {
    return { record: null, problems: [add('shape', shapeProblems.slice(0, 3).join('; '))] };
  }
  if (shapeProblems.length === 0) return { record: value as SealedRecord, problems: [] };
  const problems = [add('schema', shapeProblems.slice(0, 3).join('; '))];
  return { record: isBoundedJson(record.payload) ? (value as SealedRecord) : null, problems };
}

/** Where the record sits: the next sequence number, linked to the hash before it. */
export function positionProblems(record: SealedRecord, position: ChainPosition): ChainBreak[] {
  const add = problemOf(record);
  const problems: ChainBreak[] = [];
  if (record.seq !== position.seq + 1) problems.push(add('sequence', `sequence ${record.seq} where ${position.seq + 1} was expected`));
  if (record.prevHash !== position.prevHash) problems.push(add('link', 'previous hash does not match the record before'));
  return problems;
}

/** The record's hash recomputed from its sealed fields; null when it matches. */
export function hashProblem(record: SealedRecord, crypto: FiscalCrypto = nobleCrypto): ChainBreak | null {
  return chainHash(record.prevHash, record, crypto) === record.hash ? null : problemOf(record)('hash', 'content does not match its hash');
}

/** The public key that must have signed the record (its `keyId` among `keys`), or the `key` problem. */
export function signingKey(
  record: SealedRecord,
  keys: KeyLookup,
  crypto: FiscalCrypto = nobleCrypto,
): { readonly publicKey: string } | { readonly problem: ChainBreak } {
  const publicKey = keys(record.keyId);
  const add = problemOf(record);
  if (!publicKey) return { problem: add('key', `signed by key ${record.keyId}, which is not a key of this till`) };
  if (keyIdOf(publicKey, crypto) !== record.keyId) return { problem: add('key', `key ${record.keyId} does not match its public key`) };
  return { publicKey };
}

/** The problem of a record whose Ed25519 signature does not verify with its key. */
export function signatureProblem(record: SealedRecord): ChainBreak {
  return problemOf(record)('signature', 'signature is not valid');
}

export function signatureValid(record: SealedRecord, publicKey: string, crypto: FiscalCrypto = nobleCrypto): boolean {
  return crypto.verifyEd25519(hexToBytes(record.signature), hexToBytes(record.hash), hexToBytes(publicKey));
}

/**
 * Checks one record against where its chain stands: its shape (before anything is hashed), its
 * sequence, its link to the previous hash, its hash recomputed, its key and its signature.
 * Returns every problem found (empty when the record is sound).
 */
export function verifyRecord(value: unknown, position: ChainPosition, keys: KeyLookup, crypto: FiscalCrypto = nobleCrypto): ChainBreak[] {
  const { record, problems } = recordShapeProblems(value);
  if (!record) return problems;
  problems.push(...positionProblems(record, position));
  const badHash = hashProblem(record, crypto);
  if (badHash) problems.push(badHash);
  const key = signingKey(record, keys, crypto);
  if ('problem' in key) problems.push(key.problem);
  else if (!signatureValid(record, key.publicKey, crypto)) problems.push(signatureProblem(record));
  return problems;
}

/**
 * Verifies records of one chain, in order, from `start` (the chain's beginning by default). With a
 * KeyRing, a verified key rotation admits the new key for the records after it.
 */
export function verifyChain(
  records: readonly unknown[],
  keys: string | KeyLookup | KeyRing,
  start: ChainPosition = CHAIN_START,
  crypto: FiscalCrypto = nobleCrypto,
): ChainBreak[] {
  const ring = typeof keys === 'string' ? new KeyRing([keys], crypto) : keys instanceof KeyRing ? keys : null;
  const lookup = ring ? ring.lookup : (keys as KeyLookup);
  const breaks: ChainBreak[] = [];
  let position = start;
  for (const value of records) {
    const problems = verifyRecord(value, position, lookup, crypto);
    breaks.push(...problems);
    if (problems.length === 0 && ring) {
      const record = value as SealedRecord;
      const refused = ring.admit(record);
      if (refused) breaks.push({ chain: record.chain, seq: record.seq, id: record.id, code: 'rotation', problem: refused });
    }
    // A broken record still tells where the chain goes on from: its own sequence and hash, if it has them.
    const claimed = isRecordLike(value) ? value : {};
    position = {
      seq: typeof claimed.seq === 'number' ? claimed.seq : position.seq + 1,
      prevHash: typeof claimed.hash === 'string' ? claimed.hash : '',
    };
  }
  return breaks;
}
