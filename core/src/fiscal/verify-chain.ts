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

/**
 * Checks one record against where its chain stands: its shape (before anything is hashed), its
 * sequence, its link to the previous hash, its hash recomputed, its key and its signature.
 * Returns every problem found (empty when the record is sound).
 */
export function verifyRecord(value: unknown, position: ChainPosition, keys: KeyLookup, crypto: FiscalCrypto = nobleCrypto): ChainBreak[] {
  const problems: ChainBreak[] = [];
  const record = isRecordLike(value) ? value : {};
  const seq = typeof record.seq === 'number' ? record.seq : 0;
  const id = typeof record.id === 'string' ? record.id.slice(0, 64) : '';
  const chain = isFiscalChain(record.chain) ? record.chain : String(record.chain ?? '').slice(0, 16);
  const add = (code: ChainProblemCode, problem: string) => problems.push({ chain, seq, id, code, problem });

  if (!isFiscalChain(record.chain)) {
    add('shape', 'not a record of a known chain');
    return problems;
  }
  const shapeProblems = check(recordShape(record.chain), value, 'record');
  const envelopeBroken = shapeProblems.some((p) => !p.startsWith('record.payload'));
  if (envelopeBroken) {
    add('shape', shapeProblems.slice(0, 3).join('; '));
    return problems;
  }
  if (shapeProblems.length > 0) {
    add('schema', shapeProblems.slice(0, 3).join('; '));
    if (!isBoundedJson(record.payload)) return problems;
  }
  const sealed = value as SealedRecord;
  if (sealed.seq !== position.seq + 1) add('sequence', `sequence ${sealed.seq} where ${position.seq + 1} was expected`);
  if (sealed.prevHash !== position.prevHash) add('link', 'previous hash does not match the record before');
  if (chainHash(sealed.prevHash, sealed, crypto) !== sealed.hash) add('hash', 'content does not match its hash');
  const publicKey = keys(sealed.keyId);
  if (!publicKey) {
    add('key', `signed by key ${sealed.keyId}, which is not a key of this till`);
  } else if (keyIdOf(publicKey, crypto) !== sealed.keyId) {
    add('key', `key ${sealed.keyId} does not match its public key`);
  } else if (!crypto.verifyEd25519(hexToBytes(sealed.signature), hexToBytes(sealed.hash), hexToBytes(publicKey))) {
    add('signature', 'signature is not valid');
  }
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
