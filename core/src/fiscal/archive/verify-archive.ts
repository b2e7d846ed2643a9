import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { keyIdOf } from '../chain';
import { nobleCrypto, type FiscalCrypto } from '../fiscal-crypto';
import type { ArchiveCheck } from './archive-checks';
import {
  archivePeriodProblem,
  CHAIN_ORDER,
  KEYS_FILE,
  MANIFEST_FILE,
  manifestShapeProblems,
  manifestSignatureMessage,
  SIGNATURE_FILE,
  type ArchiveChainEntry,
  type ArchiveManifest,
} from './archive-format';
import { ArchiveKeyRings } from './archive-keys';
import { describeProblem, ProblemList, type ArchiveProblem } from './archive-problems';
import { ChainFileCheck, type SignatureBatchVerifier, type SignatureJob } from './chain-file';
import { closingRecordsCheck } from './closing-records-check';

/** An incremental SHA-256 (noble's `sha256.create()`, or Node's `createHash('sha256')`). */
export type Hasher = { update(data: Uint8Array): unknown; digest(): Uint8Array };

/** The archive's files: their names, small ones whole, large ones as a stream of chunks (a zip entry inflated as it is read). */
export type ArchiveSource = {
  readonly names: readonly string[];
  read(name: string): Promise<Uint8Array>;
  chunks(name: string): AsyncIterable<Uint8Array>;
};

export type ArchiveVerifyOptions = {
  readonly crypto?: FiscalCrypto;
  readonly hasher?: () => Hasher;
  /** Signatures verified by batches (threads); inline with `crypto` by default. */
  readonly signatures?: SignatureBatchVerifier;
  /** The archive key the reader trusts (its public key or key id, hex): the manifest must be signed by it. */
  readonly archiveKey?: string;
  /** Checks added to the verifier's own; by default the closings recomputed from the records (closingRecordsCheck). */
  readonly checks?: readonly ArchiveCheck[];
  readonly batchSize?: number;
  readonly maxProblems?: number;
  /** Called with each line of the report as it is known (progress). */
  readonly onLine?: (line: string) => void;
};

export type ArchiveReport = {
  readonly ok: boolean;
  readonly checked: {
    readonly files: number;
    readonly tills: number;
    readonly chains: number;
    readonly records: number;
    readonly signatures: number;
  };
  /** In archive order (the manifest's, then file by file, line by line), at most `maxProblems`. */
  readonly problems: readonly ArchiveProblem[];
  readonly problemCount: number;
  /** The first record found bad, in archive order (null when none is). */
  readonly firstBad: ArchiveProblem | null;
  readonly lines: readonly string[];
};

function inlineSignatures(crypto: FiscalCrypto): SignatureBatchVerifier {
  return {
    verify: async (jobs) => jobs.map((j) => crypto.verifyEd25519(hexToBytes(j.signature), hexToBytes(j.hash), hexToBytes(j.publicKey))),
  };
}

/** Every runtime the verifier runs on has it (ECMAScript itself does not: core's types leave it out). */
declare const TextDecoder: new () => { decode(input?: Uint8Array, options?: { readonly stream?: boolean }): string };

const decoder = new TextDecoder();

export function bytesToText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** The whole verification, over any source of files (a zip read as a stream, a map of bytes in tests). */
export async function verifyArchiveSource(source: ArchiveSource, options: ArchiveVerifyOptions = {}): Promise<ArchiveReport> {
  const run = new ArchiveRun(source, options);
  return run.verify();
}

/** The archive's files as bytes, by name (`records/T01/sale.jsonl`, `manifest.json`…). */
export function verifyArchive(files: ReadonlyMap<string, Uint8Array>, options: ArchiveVerifyOptions = {}): Promise<ArchiveReport> {
  const CHUNK = 1 << 20;
  return verifyArchiveSource(
    {
      names: [...files.keys()],
      read: async (name) => files.get(name) ?? new Uint8Array(0),
      chunks: async function* (name) {
        const bytes = files.get(name) ?? new Uint8Array(0);
        for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
      },
    },
    options,
  );
}

class ArchiveRun {
  private readonly crypto: FiscalCrypto;
  private readonly hasher: () => Hasher;
  private readonly signatures: SignatureBatchVerifier;
  private readonly checks: readonly ArchiveCheck[];
  private readonly lines: string[] = [];
  private problems: ProblemList;
  private jobs: SignatureJob[] = [];
  private failures: (() => void)[] = [];
  private readonly inflight: Promise<void>[] = [];
  private signatureCount = 0;
  private recordCount = 0;

  constructor(
    private readonly source: ArchiveSource,
    private readonly options: ArchiveVerifyOptions,
  ) {
    this.crypto = options.crypto ?? nobleCrypto;
    this.hasher = options.hasher ?? (() => sha256.create());
    this.signatures = options.signatures ?? inlineSignatures(this.crypto);
    this.checks = options.checks ?? [closingRecordsCheck()];
    this.problems = new ProblemList(() => -1, options.maxProblems);
  }

  private say(line: string): void {
    this.lines.push(line);
    this.options.onLine?.(line);
  }

  private report(problem: ArchiveProblem): void {
    this.problems.add(problem);
  }

  private archiveProblem(file: string, code: ArchiveProblem['code'], problem: string): void {
    this.report({ file, line: 0, tillId: '', chain: '', seq: 0, code, problem });
  }

  async verify(): Promise<ArchiveReport> {
    const manifest = await this.readManifest();
    if (!manifest) return this.result(0, 0, 0);
    const order = new Map<string, number>([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.name)].map((n, i) => [n, i]));
    const previous = this.problems;
    this.problems = new ProblemList((file) => order.get(file) ?? order.size, this.options.maxProblems);
    for (const p of previous.sorted()) this.problems.add(p);

    const keys = new ArchiveKeyRings(this.crypto);
    const chains = [...manifest.chains].sort(
      (a, b) => a.tillId.localeCompare(b.tillId) || CHAIN_ORDER(a.chain) - CHAIN_ORDER(b.chain) || a.chain.localeCompare(b.chain),
    );
    const present = new Set(this.source.names);
    for (const name of present)
      // A folder entry (some zip tools add them) holds nothing.
      if (name !== MANIFEST_FILE && name !== SIGNATURE_FILE && !order.has(name) && !name.endsWith('/'))
        this.archiveProblem(name, 'file-extra', 'a file the manifest does not name');

    // keys.json and the other small files first, then the chains in their order.
    const chainFiles = new Map(chains.map((c) => [c.file, c]));
    const others = manifest.files.filter((f) => !chainFiles.has(f.name));
    for (const file of others) {
      if (!present.has(file.name)) {
        this.archiveProblem(file.name, 'file-missing', 'named by the manifest, absent from the archive');
        continue;
      }
      if (file.name === KEYS_FILE) {
        const bytes = await this.source.read(file.name).catch((error: Error) => {
          this.archiveProblem(file.name, 'file-unreadable', `cannot be read: ${error.message}`);
          return new Uint8Array(0);
        });
        this.fileFacts(file, this.crypto.sha256(bytes), bytes.length, undefined);
        for (const p of keys.load(parseJson(bytes), manifest.storeId)) this.report(p);
        const rotations = [...keys.rotationHashes.values()].reduce((n, s) => n + s.size, 0);
        this.say(
          `${KEYS_FILE}: ${keys.rings.size} tills, ${[...keys.rings.values()].reduce((n, r) => n + r.size, 0)} keys (${rotations} by rotation)`,
        );
      } else await this.plainFile(file);
    }
    if (!present.has(KEYS_FILE))
      this.archiveProblem(KEYS_FILE, 'file-missing', 'the archive has no keys.json: no signature can be checked');

    const anchors = new Map<string, Map<number, string>>();
    const reached = new Map<string, { entry: ArchiveChainEntry; seq: number }>();
    for (const entry of chains) {
      const file = manifest.files.find((f) => f.name === entry.file);
      if (!file || !present.has(entry.file)) {
        if (!file) this.archiveProblem(entry.file, 'manifest', 'a chain whose file the manifest does not list');
        else this.archiveProblem(entry.file, 'file-missing', 'named by the manifest, absent from the archive');
        continue;
      }
      const check = new ChainFileCheck(entry, {
        storeId: manifest.storeId,
        period: manifest.period,
        crypto: this.crypto,
        keys,
        checks: this.checks,
        anchors,
        report: (p) => this.report(p),
        signature: (job, failed) => this.queueSignature(job, failed),
      });
      const hasher = this.hasher();
      let bytes = 0;
      let rest = '';
      const text = new TextDecoder();
      try {
        for await (const chunk of this.source.chunks(entry.file)) {
          hasher.update(chunk);
          bytes += chunk.length;
          const lines = (rest + text.decode(chunk, { stream: true })).split('\n');
          rest = lines.pop()!;
          for (const line of lines) check.take(line);
          await this.drain(4);
        }
      } catch (error) {
        this.archiveProblem(entry.file, 'file-unreadable', `cannot be read to its end: ${(error as Error).message}`);
      }
      rest += text.decode();
      if (rest.length > 0) check.take(rest);
      check.end();
      this.recordCount += check.count;
      reached.set(`${entry.tillId}\u0000${entry.chain}`, { entry, seq: check.reached });
      this.fileFacts(file, hasher.digest(), bytes, undefined);
      this.say(
        `${entry.file}: ${check.count} records, ${entry.chain} chain of till ${entry.tillId}, seq ${entry.start.seq + 1} to ${check.reached}`,
      );
    }
    await this.drain(0, true);

    for (const [key, heads] of anchors) {
      const chain = reached.get(key);
      if (!chain) continue;
      const highest = Math.max(...heads.keys());
      if (highest > chain.seq)
        this.report({
          file: chain.entry.file,
          line: 0,
          tillId: chain.entry.tillId,
          chain: chain.entry.chain,
          seq: chain.seq + 1,
          code: 'dropped-tail',
          problem: `a start of the till anchored this chain at ${highest}; the archive stops at ${chain.seq}`,
        });
    }
    for (const c of this.checks) {
      const done = c.finish();
      for (const line of done.lines) this.say(line);
      for (const p of done.problems) this.report(p);
    }
    return this.result(manifest.files.length, manifest.tillIds.length, chains.length);
  }

  private async readManifest(): Promise<ArchiveManifest | null> {
    if (!this.source.names.includes(MANIFEST_FILE)) {
      this.archiveProblem(MANIFEST_FILE, 'manifest', 'the archive has no manifest.json');
      return null;
    }
    const bytes = await this.source.read(MANIFEST_FILE).catch(() => new Uint8Array(0));
    const value = parseJson(bytes);
    const shape = value === undefined ? ['manifest.json is not JSON'] : manifestShapeProblems(value);
    if (shape.length > 0) {
      this.archiveProblem(MANIFEST_FILE, 'manifest', shape.slice(0, 3).join('; '));
      return null;
    }
    const manifest = value as ArchiveManifest;
    this.say(
      `manifest: store ${manifest.storeId}, tills ${manifest.tillIds.join(', ') || '(none)'}, period ${manifest.period.from} to ${manifest.period.to}, ${manifest.files.length} files, created ${manifest.createdAt}`,
    );
    const period = archivePeriodProblem(manifest.period.from, manifest.period.to);
    if (period) {
      this.archiveProblem(MANIFEST_FILE, 'period', period);
      return null;
    }
    this.checkSignature(bytes, manifest);
    return manifest;
  }

  private checkSignature(manifestBytes: Uint8Array, manifest: ArchiveManifest): void {
    const { keyId, publicKey } = manifest.archiveKey;
    const pinned = this.options.archiveKey?.toLowerCase();
    if (keyIdOf(publicKey, this.crypto) !== keyId)
      this.archiveProblem(MANIFEST_FILE, 'archive-key', `key ${keyId} is not the id of its public key`);
    if (pinned && pinned !== publicKey && pinned !== keyId)
      this.archiveProblem(MANIFEST_FILE, 'archive-key', `signed by archive key ${keyId}, not the key given (${pinned.slice(0, 16)})`);
    if (!this.source.names.includes(SIGNATURE_FILE)) {
      this.archiveProblem(SIGNATURE_FILE, 'archive-signature', 'the archive has no manifest.sig');
      return;
    }
    this.pendingSignatureFile = this.source
      .read(SIGNATURE_FILE)
      .catch(() => new Uint8Array(0))
      .then((sig) => {
        const hex = decoder.decode(sig).trim();
        const valid =
          /^[0-9a-f]{128}$/.test(hex) &&
          this.crypto.verifyEd25519(hexToBytes(hex), manifestSignatureMessage(manifestBytes), hexToBytes(publicKey));
        if (!valid)
          this.archiveProblem(SIGNATURE_FILE, 'archive-signature', `manifest.sig is not archive key ${keyId}'s signature of manifest.json`);
        this.say(
          `archive signature: ${valid ? 'valid' : 'NOT VALID'}, archive key ${keyId}${pinned ? ' (the key given)' : ' (not pinned: compare it with the key your hub publishes, or pass --archive-key)'}`,
        );
      });
  }

  private pendingSignatureFile: Promise<void> = Promise.resolve();

  private fileFacts(file: ArchiveManifest['files'][number], digest: Uint8Array, bytes: number, rows: number | undefined): void {
    if (bytesToHex(digest) !== file.sha256) this.archiveProblem(file.name, 'file-hash', 'its SHA-256 is not the one in the manifest');
    if (bytes !== file.bytes) this.archiveProblem(file.name, 'file-size', `${bytes} bytes where the manifest says ${file.bytes}`);
    if (rows !== undefined && file.records !== undefined && rows !== file.records)
      this.archiveProblem(file.name, 'file-rows', `${rows} rows where the manifest counts ${file.records}`);
  }

  /** A file checked by its hash only (CSV: its rows counted too). */
  private async plainFile(file: ArchiveManifest['files'][number]): Promise<void> {
    const hasher = this.hasher();
    let bytes = 0;
    let newlines = 0;
    try {
      for await (const chunk of this.source.chunks(file.name)) {
        hasher.update(chunk);
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines += 1;
      }
    } catch (error) {
      this.archiveProblem(file.name, 'file-unreadable', `cannot be read to its end: ${(error as Error).message}`);
    }
    const rows = file.name.endsWith('.csv') ? Math.max(0, newlines - 1) : undefined;
    this.fileFacts(file, hasher.digest(), bytes, rows);
    this.say(`${file.name}: ${bytes} bytes${rows === undefined ? '' : `, ${rows} rows`}`);
  }

  private queueSignature(job: SignatureJob, failed: () => void): void {
    this.jobs.push(job);
    this.failures.push(failed);
    if (this.jobs.length >= (this.options.batchSize ?? 512)) this.flush();
  }

  private flush(): void {
    if (this.jobs.length === 0) return;
    const jobs = this.jobs;
    const failures = this.failures;
    this.jobs = [];
    this.failures = [];
    this.signatureCount += jobs.length;
    this.inflight.push(
      this.signatures.verify(jobs).then((results) => {
        results.forEach((ok, i) => {
          if (!ok) failures[i]!();
        });
      }),
    );
  }

  /** Waits until at most `keep` batches are in flight (all, at the end). */
  private async drain(keep: number, all = false): Promise<void> {
    if (all) this.flush();
    while (this.inflight.length > keep) await this.inflight.shift();
  }

  private async result(files: number, tills: number, chains: number): Promise<ArchiveReport> {
    await this.pendingSignatureFile;
    const problems = this.problems.sorted();
    const firstBad = problems.find((p) => p.line > 0) ?? problems[0] ?? null;
    const total = this.problems.count;
    this.say(`signatures: ${this.signatureCount} record signatures checked`);
    if (total === 0) this.say(`RESULT: OK: ${this.recordCount} records of ${tills} till${tills === 1 ? '' : 's'} verified`);
    else {
      this.say(`RESULT: NOT VALID: ${total} problem${total === 1 ? '' : 's'}`);
      if (firstBad) this.say(`FIRST BAD: ${describeProblem(firstBad)}`);
      for (const p of problems.slice(0, 20)) this.say(`  ${describeProblem(p)}`);
      if (total > 20) this.say(`  … and ${total - 20} more`);
    }
    return {
      ok: total === 0,
      checked: { files, tills, chains, records: this.recordCount, signatures: this.signatureCount },
      problems,
      problemCount: total,
      firstBad,
      lines: this.lines,
    };
  }
}
