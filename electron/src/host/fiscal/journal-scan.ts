import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import {
  CHAIN_START,
  FISCAL_CHAINS,
  isFiscalChain,
  verifyRecord,
  type ChainPosition,
  type CheckpointSegment,
  type FiscalCrypto,
  type JournalCheckpoint,
  type KeyRing,
  type RecordProblem,
  type SealedRecord,
} from '@pos/core';
import { truncateDurably, type FiscalFs } from './fiscal-fs';
import { JournalIndex } from './journal-index';

export type JournalRepair = { readonly segment: string; readonly droppedBytes: number };

/** A journal file as the scan leaves it: its length and a running SHA-256 that appends carry on (Hash#copy reads it). */
export type SegmentState = { readonly name: string; bytes: number; readonly hash: Hash; endsInNewline: boolean };

export type JournalScan = {
  readonly index: JournalIndex;
  readonly problems: readonly RecordProblem[];
  readonly repairs: readonly JournalRepair[];
  readonly segments: readonly SegmentState[];
  /** The keys verification ended with: the trusted ones and those verified rotations admitted. */
  readonly ring: KeyRing;
};

export type ScanInput = {
  readonly fs: FiscalFs;
  readonly dir: string;
  /** The segment files, oldest first. */
  readonly names: readonly string[];
  /** A checkpoint whose signature was verified, or null: then every record is verified. */
  readonly checkpoint: JournalCheckpoint | null;
  /** The keys verification starts from; verified `key.rotate` records add theirs. */
  readonly ring: KeyRing;
  readonly crypto: FiscalCrypto;
  /** Every record whose shape is sound, in journal order. */
  readonly onRecord: (record: SealedRecord) => void;
};

/** Enough of a record to index it; the rest is verification's business. */
function asIndexable(value: unknown): SealedRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  const indexable = isFiscalChain(r.chain) && Number.isSafeInteger(r.seq) && (r.seq as number) >= 1;
  return indexable && typeof r.id === 'string' && typeof r.hash === 'string' ? (value as SealedRecord) : null;
}

const named = (record: SealedRecord) => ({ chain: record.chain, seq: record.seq, id: record.id.slice(0, 64) });

/** Under a verified checkpoint, the file hash vouches for each record; its place in the chain is still checked (it costs nothing). */
function continuityProblems(record: SealedRecord, position: ChainPosition): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (record.seq !== position.seq + 1) {
    problems.push({ ...named(record), code: 'sequence', problem: `sequence ${record.seq} where ${position.seq + 1} was expected` });
  }
  if (record.prevHash !== position.prevHash) {
    problems.push({ ...named(record), code: 'link', problem: 'previous hash does not match the record before' });
  }
  return problems;
}

export const fileProblem = (id: string, code: string, problem: string): RecordProblem => ({ chain: '', seq: 0, id, code, problem });

/**
 * Reads the journal once, oldest file first: indexes every record it can, repairs a torn last
 * line, and verifies. A file the checkpoint covers is hashed up to the covered length; when the
 * hash matches, those records are only checked for their place in the chain, otherwise each is
 * verified (hash, link, key, signature) so the problem names the record. Records past the
 * checkpoint are always verified. Never throws on damage: it reports it.
 */
export async function scanJournal(input: ScanInput): Promise<JournalScan> {
  const { fs, dir, names, checkpoint, ring, crypto } = input;
  const index = new JournalIndex();
  const problems: RecordProblem[] = [];
  const repairs: JournalRepair[] = [];
  const segments: SegmentState[] = [];
  const covered = new Map<string, CheckpointSegment>((checkpoint?.segments ?? []).map((s) => [s.name, s]));

  const takeLine = (line: string, name: string, lineNo: number, start: number, end: number, trusted: boolean) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(fileProblem(`${name}:${lineNo}`, 'unparseable', `line ${lineNo} of ${name} is not a record`));
      return;
    }
    const record = asIndexable(value);
    if (!record) {
      problems.push(fileProblem(`${name}:${lineNo}`, 'shape', `line ${lineNo} of ${name} is not a sealed record`));
      return;
    }
    const head = index.head(record.chain);
    const position = head ? { seq: head.seq, prevHash: head.hash } : CHAIN_START;
    const found = trusted ? continuityProblems(record, position) : verifyRecord(record, position, ring.lookup, crypto);
    if (found.length === 0) {
      const refused = ring.admit(record);
      if (refused) found.push({ ...named(record), code: 'rotation', problem: refused });
    }
    if (!index.add(record, name, start, end - start)) {
      found.push({ ...named(record), code: 'duplicate-id', problem: 'an earlier record has the same id' });
    }
    if (found.length === 0) {
      input.onRecord(record);
      return;
    }
    problems.push(...found);
    if (!found.some((p) => p.code === 'shape' || p.code === 'schema')) input.onRecord(record);
  };

  for (const [i, name] of names.entries()) {
    const file = path.join(dir, name);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      problems.push(fileProblem(name, 'unreadable', `${name} cannot be read: ${(error as Error).message}`.slice(0, 300)));
      continue;
    }
    const cover = covered.get(name);
    let end = bytes.length;
    if (i === names.length - 1 && end > 0 && bytes[end - 1] !== 0x0a) {
      // A torn last line: the append was never acknowledged (its datasync never returned), so
      // the renderer still holds the sale and seals it again. Bytes the checkpoint signed were
      // acknowledged, though: a missing newline there is damage, never cut.
      const whole = bytes.lastIndexOf(0x0a) + 1;
      if (!cover || cover.bytes <= whole) {
        try {
          await truncateDurably(fs, file, whole);
          repairs.push({ segment: name, droppedBytes: end - whole });
          end = whole;
        } catch (error) {
          problems.push(fileProblem(name, 'repair', `the torn end of ${name} cannot be cut: ${(error as Error).message}`.slice(0, 300)));
        }
      }
    }
    const hash = createHash('sha256');
    let trustedUpTo = 0;
    let matched = false;
    if (cover && cover.bytes <= end) {
      hash.update(bytes.subarray(0, cover.bytes));
      matched = hash.copy().digest('hex') === cover.sha256;
      if (matched) trustedUpTo = cover.bytes;
      hash.update(bytes.subarray(cover.bytes, end));
    } else {
      hash.update(bytes.subarray(0, end));
    }
    const before = problems.length;
    let lineNo = 0;
    for (let start = 0; start < end;) {
      const newline = bytes.indexOf(0x0a, start);
      const lineEnd = newline === -1 || newline > end ? end : newline;
      takeLine(bytes.toString('utf8', start, lineEnd), name, ++lineNo, start, lineEnd, lineEnd < trustedUpTo);
      start = lineEnd + 1;
    }
    if (cover && !matched && problems.length === before) {
      const why = cover.bytes > end ? `is shorter (${end} bytes) than` : 'differs from';
      problems.push(fileProblem(name, 'segment', `${name} ${why} what the signed checkpoint covers (${cover.bytes} bytes)`));
    }
    segments.push({ name, bytes: end, hash, endsInNewline: end === 0 || bytes[end - 1] === 0x0a });
  }
  if (checkpoint) problems.push(...checkpointProblems(checkpoint, names, index));
  return { index, problems, repairs, segments, ring };
}

/** What the checkpoint saw and the journal no longer has: files, or the ends of chains. */
function checkpointProblems(checkpoint: JournalCheckpoint, names: readonly string[], index: JournalIndex): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const listed = new Set(checkpoint.segments.map((s) => s.name));
  const lastListed =
    checkpoint.segments
      .map((s) => s.name)
      .sort()
      .at(-1) ?? '';
  for (const name of listed) if (!names.includes(name)) problems.push(fileProblem(name, 'segment', `${name} is missing`));
  for (const name of names) {
    if (!listed.has(name) && name < lastListed)
      problems.push(fileProblem(name, 'segment', `${name} appeared before the checkpoint's files`));
  }
  for (const chain of FISCAL_CHAINS) {
    const signed = checkpoint.heads[chain];
    const have = index.head(chain)?.seq ?? 0;
    if (signed && have < signed.seq) {
      const which = have + 1 === signed.seq ? `record ${signed.seq} is` : `records ${have + 1} to ${signed.seq} are`;
      problems.push({
        chain,
        seq: signed.seq,
        id: '',
        code: 'missing',
        problem: `${chain} ${which} missing: the checkpoint saw them sealed`,
      });
    }
  }
  return problems;
}
