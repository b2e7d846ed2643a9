import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  keyIdOf,
  KeyRing,
  PosError,
  type ChainHead,
  type ChainHeads,
  type FiscalChain,
  type FiscalCrypto,
  type FiscalStatus,
  type JournalCheckpoint,
  type RecordProblem,
  type SealedRecord,
} from '@pos/core';
import { readCheckpoint, writeCheckpoint, type CheckpointSigner } from './checkpoint-file';
import { makeDirectoryDurably, nodeFiscalFs, syncDirectory, writeAll, type FiscalFileHandle, type FiscalFs } from './fiscal-fs';
import { JOURNAL_FOLDER, SEGMENT_NAME, segmentOf } from './journal-layout';
import { fileProblem, scanJournal, type JournalRepair, type JournalScan, type SegmentState } from './journal-scan';
import { listTillPublicKeys } from './key-store';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

export type { JournalRepair } from './journal-scan';
export type { CheckpointSigner } from './checkpoint-file';

/** The host's own indexes (approvals used, card attempts, duplicates…) fed with every record. */
export type JournalIndexer = (record: SealedRecord) => void;

export type JournalOpenOptions = {
  /** Called with every sound record at open, in journal order, then with each record appended. */
  readonly indexers?: readonly JournalIndexer[];
  /**
   * Public keys (hex) verification starts from; `key.rotate` records in the journal admit the
   * others, as the hub and an inspector verify. By default the till's first key (keys/, generation
   * 1, the key it was enrolled with): a key file added later is trusted only through its rotation.
   */
  readonly trustedKeys?: readonly string[];
  /** Signs checkpoints until an append names the key of its record (the Sealer's current key). */
  readonly key?: CheckpointSigner;
  /** A signed checkpoint every this many records (and at close), so an open verifies few records one by one. */
  readonly checkpointEvery?: number;
  /** Tests inject failing file calls here. */
  readonly fs?: FiscalFs;
  /** Node's by default; tests count the verifications through it. */
  readonly crypto?: FiscalCrypto;
  readonly now?: () => Date;
  /** Told when the journal stops after open (a write that failed and could not be undone). */
  readonly onStatus?: (status: FiscalStatus) => void;
};

/** The problems a status carries; the count says how many there were in all. */
const MAX_PROBLEMS = 1000;

type Writer = { readonly segment: SegmentState; readonly handle: FiscalFileHandle };

const named = (record: SealedRecord) => ({ chain: record.chain, seq: record.seq, id: record.id.slice(0, 64) });

/**
 * The host's fiscal journal: sealed records appended as JSON lines to one file per month
 * (journal/YYYY-MM.jsonl), each append flushed to disk (fdatasync) before the seal is
 * acknowledged. At open every record is verified, or, past a signed checkpoint, each file's
 * bytes up to it are hashed and only the records after it verified. A damaged journal opens
 * stopped, naming the records; it never throws and never lets anything but the one
 * `journal.integrity` event be chained on top of the damage.
 */
export class JournalStore {
  readonly repairs: readonly JournalRepair[];
  private readonly segments: SegmentState[];
  private writer: Writer | null = null;
  /** Never append to a month before the newest segment: a clock set back must not reorder the journal. */
  private lastSegment: string;
  private state: FiscalStatus;
  private totalProblems: number;
  private signer: CheckpointSigner | null = null;
  private sinceCheckpoint = 0;
  /** Opened without a checkpoint that vouched for it: write one at the first chance, not only at close. */
  private needsCheckpoint: boolean;
  /** One append, checkpoint or close at a time. */
  private work: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly scan: JournalScan,
    private readonly options: Required<Pick<JournalOpenOptions, 'indexers' | 'checkpointEvery' | 'fs' | 'now'>> &
      Pick<JournalOpenOptions, 'onStatus'>,
    checkpointed: boolean,
  ) {
    this.repairs = scan.repairs;
    this.segments = [...scan.segments];
    this.lastSegment = this.segments.at(-1)?.name ?? '';
    this.totalProblems = scan.problems.length;
    this.state =
      scan.problems.length === 0
        ? { state: 'ok' }
        : { state: 'stopped', reason: 'journal-damaged', problems: scan.problems.slice(0, MAX_PROBLEMS) };
    this.needsCheckpoint = !checkpointed;
  }

  static async open(dataDir: string, options: JournalOpenOptions = {}): Promise<JournalStore> {
    const fs = options.fs ?? nodeFiscalFs;
    const crypto = options.crypto ?? nodeFiscalCrypto;
    const dir = path.join(dataDir, JOURNAL_FOLDER);
    await makeDirectoryDurably(fs, dir);
    // A key folder that cannot be read leaves nothing trusted: every record then names the problem.
    const local = await listTillPublicKeys(dataDir).catch(() => []);
    const trusted = options.trustedKeys ?? local.filter((k) => k.generation === 1).map((k) => k.publicKey);
    const anyKey = new Map<string, string>(local.map((k) => [k.keyId, k.publicKey]));
    for (const key of trusted) anyKey.set(keyIdOf(key, crypto), key);
    const checkpoint = await readCheckpoint(fs, dir, (id) => anyKey.get(id), crypto);
    const names = (await fs.readdir(dir)).filter((n) => SEGMENT_NAME.test(n)).sort();
    const indexers = options.indexers ?? [];
    const scanWith = (vouching: JournalCheckpoint | null, onRecord: JournalIndexer) =>
      scanJournal({ fs, dir, names, checkpoint: vouching, ring: new KeyRing(trusted, crypto), crypto, onRecord });
    let scan = await scanWith(checkpoint, (record) => indexers.forEach((indexer) => indexer(record)));
    if (checkpoint && !scan.ring.lookup(checkpoint.keyId)) {
      // The checkpoint vouched with a key the journal never admitted: it proves nothing, so every
      // record is verified to name the ones that key signed (the indexers have had them all once).
      const full = await scanWith(null, () => undefined);
      const problem = fileProblem('checkpoint.json', 'key', `signed by key ${checkpoint.keyId}, which the journal never admitted`);
      scan = { ...full, repairs: scan.repairs, problems: [...full.problems, problem] };
    }
    const settings = {
      indexers,
      checkpointEvery: options.checkpointEvery ?? 1000,
      fs,
      now: options.now ?? (() => new Date()),
      ...(options.onStatus ? { onStatus: options.onStatus } : {}),
    };
    const store = new JournalStore(dir, scan, settings, checkpoint !== null);
    store.signer = options.key ?? null;
    return store;
  }

  /** Whether sealing may go on; when stopped, the problems name the records (at most 1000; `problemCount` has them all). */
  get status(): FiscalStatus {
    return this.state;
  }

  get problemCount(): number {
    return this.totalProblems;
  }

  head(chain: FiscalChain): ChainHead | null {
    return this.scan.index.head(chain);
  }

  /** Every chain's last sequence and hash (a chain with no record is absent): the anchor a `till.start` records. */
  heads(): ChainHeads {
    return this.scan.index.heads();
  }

  lookup(id: string): { chain: FiscalChain; seq: number } | null {
    const at = this.scan.index.locate(id);
    return at ? { chain: at.chain, seq: at.seq } : null;
  }

  /** Whether the journal holds the `key.rotate` that introduces this key. */
  keyAnnounced(keyId: string): boolean {
    return this.scan.index.announces(keyId);
  }

  /**
   * Appends and flushes one record, signed by `signer` (which then signs the checkpoints). A write
   * or flush that fails is undone (the file cut back to its last whole record) so the sequence
   * can be sealed again; if that fails too, the journal stops ('write-failed').
   */
  append(record: SealedRecord, signer: CheckpointSigner): Promise<void> {
    return this.serially(() => this.appendNow(record, signer));
  }

  async get(id: string): Promise<SealedRecord | null> {
    const at = this.scan.index.locate(id);
    if (!at) return null;
    const [record] = await this.readAt([at]);
    return record ?? null;
  }

  /** Records of `chain` with seq > afterSeq, in order, at most `limit`. */
  read(chain: FiscalChain, afterSeq: number, limit: number): Promise<SealedRecord[]> {
    return this.readAt(this.scan.index.slice(chain, afterSeq, limit));
  }

  /** Signs and writes the checkpoint now (a journal that is stopped never gets one: it would vouch for the damage). */
  writeCheckpoint(signer: CheckpointSigner): Promise<void> {
    return this.serially(async () => {
      this.signer = signer;
      await this.checkpointNow();
    });
  }

  close(): Promise<void> {
    return this.serially(async () => {
      if (this.sinceCheckpoint > 0 || this.needsCheckpoint) await this.checkpointNow().catch(() => undefined);
      await this.writer?.handle.close();
      this.writer = null;
    });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.work.then(task);
    this.work = next.catch(() => undefined);
    return next;
  }

  private async appendNow(record: SealedRecord, signer: CheckpointSigner): Promise<void> {
    this.assertWritable(record);
    const month = segmentOf(record.sealedAt);
    const name = month > this.lastSegment ? month : this.lastSegment;
    const writer = await this.writerFor(name);
    this.lastSegment = name;
    const { segment } = writer;
    // Only a stopped journal can end in a damaged, newline-less line: the integrity event starts on its own line.
    const lead = segment.endsInNewline ? '' : '\n';
    const line = Buffer.from(`${lead}${JSON.stringify(record)}\n`, 'utf8');
    const size = segment.bytes;
    try {
      await writeAll(writer.handle, line, null);
      await writer.handle.datasync();
    } catch (error) {
      await this.undoWrite(writer, size, record, error as Error);
      throw error;
    }
    segment.bytes += line.length;
    segment.hash.update(line);
    segment.endsInNewline = true;
    this.scan.index.add(record, name, size + lead.length, line.length - lead.length - 1);
    this.signer = signer;
    this.sinceCheckpoint += 1;
    if (this.needsCheckpoint || this.sinceCheckpoint >= this.options.checkpointEvery) {
      // The record is durable whatever happens here; a checkpoint not written leaves the previous one, still true.
      await this.checkpointNow().catch(() => undefined);
    }
    for (const indexer of this.options.indexers) indexer(record);
  }

  private assertWritable(record: SealedRecord): void {
    if (this.state.state === 'ok') return;
    const integrityEvent = record.chain === 'event' && record.payload.type === 'journal.integrity';
    if (this.state.reason === 'journal-damaged' && integrityEvent) return;
    throw new PosError('SEALING_STOPPED', 'The fiscal journal is stopped: nothing is sealed until support restores it', {
      reason: this.state.reason,
      problems: this.state.problems.slice(0, 20),
    });
  }

  /**
   * The record was never acknowledged, so it must not stay: left in the file but not in the
   * index, the next seal would repeat its sequence number. Cut the file back and flush the cut.
   */
  private async undoWrite(writer: Writer, size: number, record: SealedRecord, cause: Error): Promise<void> {
    this.writer = null;
    try {
      await writer.handle.truncate(size);
      await writer.handle.sync();
      await writer.handle.close().catch(() => undefined);
    } catch (undoError) {
      await writer.handle.close().catch(() => undefined);
      const problem = `not written (${cause.message}) and the file could not be cut back (${(undoError as Error).message})`;
      this.stop({ ...named(record), code: 'write-failed', problem: problem.slice(0, 300) });
      throw new PosError('SEALING_STOPPED', 'The fiscal journal could not be written nor restored: sealing is stopped', {
        reason: 'write-failed',
        problems: this.state.state === 'stopped' ? this.state.problems : [],
      });
    }
  }

  /**
   * Damage the host found beyond what the journal itself can see (a chain shorter than a start
   * recorded it): the journal stops as if found damaged at open, so only the integrity event is sealed.
   */
  declareDamaged(problems: readonly RecordProblem[]): void {
    if (problems.length === 0) return;
    const earlier = this.state.state === 'stopped' ? this.state.problems : [];
    this.totalProblems += problems.length;
    this.state = { state: 'stopped', reason: 'journal-damaged', problems: [...earlier, ...problems].slice(0, MAX_PROBLEMS) };
    this.options.onStatus?.(this.state);
  }

  private stop(problem: RecordProblem): void {
    const earlier = this.state.state === 'stopped' ? this.state.problems : [];
    this.totalProblems += 1;
    this.state = { state: 'stopped', reason: 'write-failed', problems: [...earlier, problem].slice(0, MAX_PROBLEMS) };
    this.options.onStatus?.(this.state);
  }

  private async checkpointNow(): Promise<void> {
    const last = this.scan.index.last();
    if (this.state.state !== 'ok' || !this.signer || !last) return;
    const segments = this.segments.map((s) => ({ name: s.name, bytes: s.bytes, sha256: s.hash.copy().digest('hex') }));
    const content = { storeId: last.storeId, tillId: last.tillId, heads: this.heads(), segments };
    await writeCheckpoint(this.options.fs, this.dir, content, this.signer, this.options.now());
    this.sinceCheckpoint = 0;
    this.needsCheckpoint = false;
  }

  private async writerFor(name: string): Promise<Writer> {
    if (this.writer?.segment.name === name) return this.writer;
    await this.writer?.handle.close();
    this.writer = null;
    const { fs } = this.options;
    const handle = await fs.open(path.join(this.dir, name), 'a');
    try {
      // A new file's directory entry must be durable too, or a power cut can lose the whole file.
      await syncDirectory(fs, this.dir);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    let segment = this.segments.find((s) => s.name === name);
    if (!segment) {
      segment = { name, bytes: 0, hash: createHash('sha256'), endsInNewline: true };
      this.segments.push(segment);
    }
    this.writer = { segment, handle };
    return this.writer;
  }

  private async readAt(locations: readonly { segment: string; offset: number; length: number }[]): Promise<SealedRecord[]> {
    const out: SealedRecord[] = [];
    const handles = new Map<string, FiscalFileHandle>();
    try {
      for (const at of locations) {
        let handle = handles.get(at.segment);
        if (!handle) {
          handle = await this.options.fs.open(path.join(this.dir, at.segment), 'r');
          handles.set(at.segment, handle);
        }
        const buffer = Buffer.alloc(at.length);
        await handle.read(buffer, 0, at.length, at.offset);
        out.push(JSON.parse(buffer.toString('utf8')) as SealedRecord);
      }
    } finally {
      for (const handle of handles.values()) await handle.close();
    }
    return out;
  }
}
