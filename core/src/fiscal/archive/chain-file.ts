import { type SealedRecord } from '../chain';
import type { FiscalCrypto } from '../fiscal-crypto';
import { hashProblem, positionProblems, recordShapeProblems, type ChainPosition } from '../verify-chain';
import type { ArchiveChainEntry } from './archive-format';
import { inPeriod } from './archive-format';
import type { ArchiveKeyRings } from './archive-keys';
import type { ArchiveCheck } from './archive-checks';
import type { ArchiveProblem } from './archive-problems';

/** One Ed25519 verification: a record's signature of its hash by a public key (all hex). */
export type SignatureJob = { readonly signature: string; readonly hash: string; readonly publicKey: string };

/** Verifies many signatures at once: inline, or spread over threads (the hub's SignaturePool fits). */
export type SignatureBatchVerifier = { verify(jobs: readonly SignatureJob[]): Promise<boolean[]> };

/** What a chain file's check shares with the rest of the archive. */
export type ChainFileContext = {
  readonly storeId: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly crypto: FiscalCrypto;
  readonly keys: ArchiveKeyRings;
  readonly checks: readonly ArchiveCheck[];
  readonly report: (problem: ArchiveProblem) => void;
  /** Queues a signature check; `failed` is called if it does not verify. */
  readonly signature: (job: SignatureJob, failed: () => void) => void;
  /** Heads anchored by the till's `till.start` records: chain → seq → hash. */
  readonly anchors: Map<string, Map<number, string>>;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The records of one chain of one till, line by line, in the order of the file: each record's
 * shape, that it is of this store, till and chain, its sequence and link, its date in the period,
 * its hash, its key (this till's, in its period of use) and its signature (queued); a rotation
 * must be one keys.json lists; a start's anchors are kept for the other chains. At the end the
 * chain must reach the head the manifest recorded at export.
 */
export class ChainFileCheck {
  private position: ChainPosition;
  private line = 0;
  private records = 0;

  constructor(
    private readonly entry: ArchiveChainEntry,
    private readonly ctx: ChainFileContext,
  ) {
    this.position = { seq: entry.start.seq, prevHash: entry.start.hash };
  }

  get count(): number {
    return this.records;
  }

  private problem(seq: number, code: ArchiveProblem['code'], problem: string, line = this.line): void {
    this.ctx.report({ file: this.entry.file, line, tillId: this.entry.tillId, chain: this.entry.chain, seq, code, problem });
  }

  /** One line of the file, without its newline. */
  take(text: string): void {
    this.line += 1;
    if (text.length === 0) {
      this.problem(this.position.seq + 1, 'shape', 'an empty line');
      return;
    }
    this.records += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.problem(this.position.seq + 1, 'shape', 'the line is not JSON');
      this.position = { seq: this.position.seq + 1, prevHash: '' };
      return;
    }
    const claimed = isObject(value) ? value : {};
    const claimedSeq = typeof claimed.seq === 'number' ? claimed.seq : this.position.seq + 1;
    this.check(value, claimedSeq);
    this.position = { seq: claimedSeq, prevHash: typeof claimed.hash === 'string' ? claimed.hash : '' };
  }

  private check(value: unknown, seq: number): void {
    const { entry, ctx } = this;
    const { record, problems } = recordShapeProblems(value);
    for (const p of problems) this.problem(seq, p.code === 'schema' ? 'schema' : 'shape', p.problem);
    if (!record) return;
    if (record.storeId !== ctx.storeId || record.tillId !== entry.tillId || record.chain !== entry.chain)
      this.problem(seq, 'other-till', `a record of store ${record.storeId}, till ${record.tillId}, chain ${record.chain} in this file`);
    for (const p of positionProblems(record, this.position)) this.problem(seq, p.code as ArchiveProblem['code'], p.problem);
    if (!inPeriod(record.sealedAt, ctx.period)) this.problem(seq, 'outside-period', `sealed at ${record.sealedAt}, outside the period`);
    const badHash = hashProblem(record, ctx.crypto);
    if (badHash) this.problem(seq, 'hash', badHash.problem);
    // The ring indexes each key by its own id (keyIdOf at admission): a lookup needs no second check.
    const publicKey = ctx.keys.ring(entry.tillId).lookup(record.keyId);
    const period = ctx.keys.periodProblem(record, entry.tillId);
    if (!publicKey) {
      const missing = `signed by key ${record.keyId}, which is not a key of this till`;
      this.problem(seq, period?.includes('of till') ? 'other-till' : 'key', period ?? missing);
    } else {
      if (period) this.problem(seq, 'key', period);
      const line = this.line;
      ctx.signature({ signature: record.signature, hash: record.hash, publicKey }, () =>
        this.problem(seq, 'signature', 'signature is not valid', line),
      );
    }
    this.special(record, seq);
    if (!badHash) for (const c of ctx.checks) c.record(record, { file: entry.file, line: this.line, tillId: entry.tillId });
  }

  /** Rotations must be those keys.json lists; a start anchors the other chains' heads; an anchored record must be the anchored one. */
  private special(record: SealedRecord, seq: number): void {
    const anchored = this.ctx.anchors.get(`${this.entry.tillId}\u0000${record.chain}`)?.get(record.seq);
    if (anchored !== undefined && anchored !== record.hash)
      this.problem(seq, 'dropped-tail', 'not the record a later start of the till anchored at this sequence');
    if (record.chain !== 'event') return;
    const payload = record.payload;
    if (payload.type === 'key.rotate' && !this.ctx.keys.rotationHashes.get(this.entry.tillId)?.has(record.hash))
      this.problem(seq, 'rotation', 'a key rotation keys.json does not list');
    if (payload.type === 'till.start' && payload.heads) {
      for (const [chain, head] of Object.entries(payload.heads)) {
        if (!head) continue;
        const key = `${this.entry.tillId}\u0000${chain}`;
        const heads = this.ctx.anchors.get(key) ?? new Map<number, string>();
        heads.set(head.seq, head.hash);
        this.ctx.anchors.set(key, heads);
      }
    }
  }

  /** At the end of the file: the chain must end where the manifest says it stood at export. */
  end(): void {
    const { last } = this.entry;
    if (this.position.seq < last.seq)
      this.problem(
        this.position.seq + 1,
        'truncated',
        `the chain ends at ${this.position.seq}; at export it reached ${last.seq}`,
        this.line + 1,
      );
    else if (this.position.seq > last.seq || this.position.prevHash !== last.hash)
      this.problem(this.position.seq, 'truncated', `the chain's last record is not the head the manifest recorded (${last.seq})`);
    if (this.records !== this.entry.records)
      this.problem(0, 'file-rows', `${this.records} records where the manifest counts ${this.entry.records}`, 0);
  }

  /** The highest sequence this file reached: an anchor above it means records were dropped. */
  get reached(): number {
    return this.position.seq;
  }
}
