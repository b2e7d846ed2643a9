import {
  hashProblem,
  recordShapeProblems,
  signatureProblem,
  signingKey,
  type FiscalCrypto,
  type SaleProblem,
  type SealedRecord,
} from '@pos/core';
import type { RecordIssue } from './record-placement';
import { saleArithmeticProblems, type StoreSaleRules } from './sale-arithmetic';
import type { StoreKeys } from './store-keys';

/** What a record is, whatever its place: its shape, hash, key and signature. */
export type CheckedRecord = {
  /** Null when its envelope is broken: nothing else could be checked. */
  readonly record: SealedRecord | null;
  readonly issues: readonly RecordIssue[];
  /** Signed by a key no till of the store has (yet): a rotation may still be on its way. */
  readonly keyUnknown: boolean;
  /** The hash it claims, where its chain goes on from, and the one it claims to follow. */
  readonly hash: string;
  readonly prevHash: string;
  /** A sound sale's figures re-checked with the store's rules (empty: they add up). */
  readonly saleProblems: readonly SaleProblem[];
};

/** What checking a record needs besides the record: the store's keys and sale rules, the primitives. */
export type CheckTools = { readonly keys: StoreKeys; readonly rules: StoreSaleRules; readonly crypto: FiscalCrypto };

/** One Ed25519 verification: a record's signature of its hash by a public key (all hex). */
export type SignatureJob = { readonly signature: string; readonly hash: string; readonly publicKey: string };

/** Verifies many signatures at once: inline, or spread over threads. */
export type SignatureVerifier = { verify(jobs: readonly SignatureJob[]): Promise<boolean[]> };

const hexBytes = (hex: string) => Buffer.from(hex, 'hex');

export function verifySignatureJob(job: SignatureJob, crypto: FiscalCrypto): boolean {
  return crypto.verifyEd25519(hexBytes(job.signature), hexBytes(job.hash), hexBytes(job.publicKey));
}

export function inlineVerifier(crypto: FiscalCrypto): SignatureVerifier {
  return { verify: async (jobs) => jobs.map((job) => verifySignatureJob(job, crypto)) };
}

type Prepared = { readonly checked: CheckedRecord; readonly job: SignatureJob | null };

const claimed = (value: unknown, field: 'hash' | 'prevHash'): string => {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' ? v.slice(0, 64) : '';
};

/** Everything but the signature itself, which is returned as a job. */
function prepare(value: unknown, tillId: string, { keys, crypto }: CheckTools): Prepared {
  const { record, problems } = recordShapeProblems(value);
  const issues: RecordIssue[] = problems.map((p) => ({ code: p.code, problem: p.problem }));
  const base = { hash: claimed(value, 'hash'), prevHash: claimed(value, 'prevHash'), saleProblems: [] };
  if (!record) return { checked: { record, issues, keyUnknown: false, ...base }, job: null };
  const badHash = hashProblem(record, crypto);
  if (badHash) issues.push({ code: 'hash', problem: badHash.problem });
  const key = signingKey(record, keys.lookup(tillId), crypto);
  if ('publicKey' in key) {
    return {
      checked: { record, issues, keyUnknown: false, ...base },
      job: { signature: record.signature, hash: record.hash, publicKey: key.publicKey },
    };
  }
  const owner = keys.ownerOf(record.keyId);
  if (owner === undefined) return { checked: { record, issues, keyUnknown: true, ...base }, job: null };
  issues.push({ code: 'key', problem: `signed by key ${record.keyId} of till ${owner}, not a key of this till` });
  return { checked: { record, issues, keyUnknown: false, ...base }, job: null };
}

/** With the signature's outcome; a sale sound so far has its figures re-checked (they depend on nothing else). */
function finish(prepared: Prepared, signed: boolean | undefined, rules: StoreSaleRules): CheckedRecord {
  const { checked } = prepared;
  const record = checked.record;
  if (!record) return checked;
  if (signed === false)
    return { ...checked, issues: [...checked.issues, { code: 'signature', problem: signatureProblem(record).problem }] };
  if (record.chain !== 'sale' || checked.issues.length > 0 || checked.keyUnknown) return checked;
  return { ...checked, saleProblems: saleArithmeticProblems(record as SealedRecord<'sale'>, rules) };
}

/**
 * Records prepared before their signatures are sent off and the event loop is let go (some 5 ms of
 * work): threads start early, and pushes answered by the same process never wait long behind it.
 */
const CHUNK = 100;

/**
 * Many records at once, their signatures verified together: chunk by chunk, so that while the
 * verifier's threads check one chunk's signatures this thread hashes and checks the next.
 */
export async function checkRecords(
  items: readonly { readonly value: unknown; readonly tillId: string }[],
  tools: CheckTools,
  verifier: SignatureVerifier,
): Promise<CheckedRecord[]> {
  const chunks: Promise<CheckedRecord[]>[] = [];
  for (let at = 0; at < items.length; at += CHUNK) {
    const prepared = items.slice(at, at + CHUNK).map((item) => prepare(item.value, item.tillId, tools));
    const jobs = prepared.flatMap((p) => (p.job ? [p.job] : []));
    chunks.push(
      verifier.verify(jobs).then((results) => {
        let next = 0;
        return prepared.map((p) => finish(p, p.job ? results[next++] : undefined, tools.rules));
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return (await Promise.all(chunks)).flat();
}

/** One record, now (a record read late, or checked again once a rotation brought its key). */
export function checkRecordNow(value: unknown, tillId: string, tools: CheckTools): CheckedRecord {
  const prepared = prepare(value, tillId, tools);
  return finish(prepared, prepared.job ? verifySignatureJob(prepared.job, tools.crypto) : undefined, tools.rules);
}
