import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { GENESIS_HASH, type SealedRecord } from '../chain';
import {
  ARCHIVE_FORMAT,
  KEYS_FILE,
  MANIFEST_FILE,
  manifestSignatureMessage,
  recordsFileName,
  SIGNATURE_FILE,
  salesCsvName,
  type ArchiveChainEntry,
  type ArchiveFileEntry,
  type ArchiveKeys,
  type ArchiveManifest,
} from './archive-format';
import { SALE_CSV_HEADER, saleCsvRow } from './sales-csv';
import type { Hasher } from './verify-archive';

/** Where the bytes of each file go (a zip entry being deflated, a map in tests). */
export type ArchiveOutput = {
  open(name: string): { write(bytes: Uint8Array): void | Promise<void>; close(): void | Promise<void> };
};

type Head = { seq: number; hash: string };

/** The key that signs the manifest (the hub's archive key, or a till's own key): its id, public key, and a signer of bytes (hex). */
export type ArchiveSigner = { readonly keyId: string; readonly publicKey: string; sign(message: Uint8Array): string };

/** A record as written: its JSON text (one line, as stored) and the chain facts the manifest keeps. */
export type ArchiveLine = { readonly seq: number; readonly hash: string; readonly prevHash: string; readonly json: string };

export function archiveLineOf(record: SealedRecord): ArchiveLine {
  return { seq: record.seq, hash: record.hash, prevHash: record.prevHash, json: JSON.stringify(record) };
}

/** The pages of an iterable with its first page already read (null when there is none): a chain with no record in the period is left out. */
export async function peeked<T>(pages: AsyncIterable<T[]>): Promise<AsyncIterable<T[]> | null> {
  const iterator = pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.length === 0) return null;
  return (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/**
 * Writes an archive's files and keeps what the manifest says of them: each file's SHA-256, size
 * and record count, each chain's start and last record. Records are written one at a time, so an
 * archive of millions of records never holds them at once.
 */
export class ArchiveBuilder {
  private readonly files: ArchiveFileEntry[] = [];
  private readonly chains: ArchiveChainEntry[] = [];

  /** Bytes written so far, all files (progress). */
  written = 0;

  constructor(
    private readonly output: ArchiveOutput,
    private readonly storeId: string,
    private readonly period: { readonly from: string; readonly to: string },
    private readonly hasher: () => Hasher = () => sha256.create(),
  ) {}

  private async file(name: string, write: (put: (bytes: Uint8Array) => Promise<void>) => Promise<number | undefined>): Promise<void> {
    const sink = this.output.open(name);
    const hash = this.hasher();
    let bytes = 0;
    const records = await write(async (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      this.written += chunk.length;
      await sink.write(chunk);
    });
    await sink.close();
    this.files.push({ name, sha256: bytesToHex(hash.digest()), bytes, ...(records === undefined ? {} : { records }) });
  }

  /**
   * One chain of one till: its records in sequence order (an async iterable, read as written) and
   * where the chain stood before the first (the record before the period, or the genesis).
   */
  async chain(
    tillId: string,
    chain: string,
    records: AsyncIterable<readonly ArchiveLine[]>,
    options: { readonly start?: Head; readonly file?: string } = {},
  ): Promise<ArchiveChainEntry> {
    const { start } = options;
    const name = options.file ?? recordsFileName(tillId, chain);
    const first: Head = start ?? { seq: 0, hash: GENESIS_HASH };
    let last = first;
    let count = 0;
    await this.file(name, async (put) => {
      for await (const batch of records) {
        if (batch.length === 0) continue;
        if (count === 0 && !start) {
          const r = batch[0]!;
          first.seq = r.seq - 1;
          first.hash = r.prevHash;
        }
        await put(utf8ToBytes(batch.map((r) => `${r.json}\n`).join('')));
        count += batch.length;
        const end = batch[batch.length - 1]!;
        last = { seq: end.seq, hash: end.hash };
      }
      return count;
    });
    const entry: ArchiveChainEntry = { tillId, chain, file: name, records: count, start: { ...first }, last };
    this.chains.push(entry);
    return entry;
  }

  /** The sales of a till flat as CSV, one row per sale record (the JSON lines stay the sealed truth). */
  async salesCsv(tillId: string, records: AsyncIterable<readonly SealedRecord[]>, file = salesCsvName(tillId)): Promise<void> {
    await this.file(file, async (put) => {
      await put(utf8ToBytes(`${SALE_CSV_HEADER}\n`));
      let rows = 0;
      for await (const batch of records) {
        if (batch.length === 0) continue;
        await put(utf8ToBytes(batch.map((r) => `${saleCsvRow(r)}\n`).join('')));
        rows += batch.length;
      }
      return rows;
    });
  }

  async keys(keys: ArchiveKeys): Promise<void> {
    await this.file(KEYS_FILE, async (put) => {
      await put(utf8ToBytes(`${JSON.stringify(keys, null, 2)}\n`));
      return undefined;
    });
  }

  /** The manifest's bytes: what the archive key signs, written as they are. */
  manifest(tillIds: readonly string[], archiveKey: ArchiveManifest['archiveKey'], createdAt: string): Uint8Array {
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      storeId: this.storeId,
      tillIds,
      period: this.period,
      createdAt,
      archiveKey,
      files: this.files,
      chains: this.chains,
    };
    return utf8ToBytes(`${JSON.stringify(manifest, null, 2)}\n`);
  }

  /**
   * Writes the manifest then its detached signature (`manifest.sig`), the archive's last files:
   * answers the manifest's bytes and the signature (hex), which whoever made the archive records.
   */
  async sign(tillIds: readonly string[], key: ArchiveSigner, createdAt: string): Promise<{ manifest: Uint8Array; signature: string }> {
    const manifest = this.manifest(tillIds, { keyId: key.keyId, publicKey: key.publicKey }, createdAt);
    const signature = key.sign(manifestSignatureMessage(manifest));
    for (const [name, bytes] of [
      [MANIFEST_FILE, manifest],
      [SIGNATURE_FILE, utf8ToBytes(`${signature}\n`)],
    ] as const) {
      const entry = this.output.open(name);
      await entry.write(bytes);
      await entry.close();
    }
    return { manifest, signature };
  }
}
