import { open, mkdir, readdir, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FiscalChain, SealedRecord } from '@pos/core';

type Location = { readonly segment: string; readonly offset: number; readonly length: number };

export type ChainHead = { readonly seq: number; readonly hash: string };

export type JournalRepair = { readonly segment: string; readonly droppedBytes: number };

export class JournalCorruptError extends Error {
  constructor(segment: string, line: number, reason: string) {
    super(`Fiscal journal ${segment} is damaged at line ${line}: ${reason}. Sealing is stopped; call support.`);
    this.name = 'JournalCorruptError';
  }
}

/**
 * The host's fiscal journal: sealed records appended as JSON lines to one file per month
 * (journal/YYYY-MM.jsonl), each append flushed to disk (fdatasync) before the seal is
 * acknowledged. The in-memory index holds locations, not records, so memory stays small.
 */
export class JournalStore {
  private readonly locations = new Map<FiscalChain, Location[]>();
  private readonly heads = new Map<FiscalChain, ChainHead>();
  private readonly ids = new Map<string, { chain: FiscalChain; seq: number }>();
  private readonly reprints = new Map<string, number>();
  private writer: { segment: string; handle: FileHandle } | null = null;
  /** Never append to a month before the newest segment: a clock set back must not reorder the journal. */
  private lastSegment = '';
  readonly repairs: JournalRepair[] = [];

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<JournalStore> {
    const store = new JournalStore(path.join(dataDir, 'journal'));
    await mkdir(store.dir, { recursive: true });
    const segments = (await readdir(store.dir)).filter((f) => /^\d{4}-\d{2}\.jsonl$/.test(f)).sort();
    for (const segment of segments) await store.load(segment);
    store.lastSegment = segments.at(-1) ?? '';
    return store;
  }

  head(chain: FiscalChain): ChainHead | null {
    return this.heads.get(chain) ?? null;
  }

  lookup(id: string): { chain: FiscalChain; seq: number } | null {
    return this.ids.get(id) ?? null;
  }

  reprintCount(saleId: string): number {
    return this.reprints.get(saleId) ?? 0;
  }

  async append(record: SealedRecord): Promise<void> {
    const month = `${record.sealedAt.slice(0, 7)}.jsonl`;
    const segment = month > this.lastSegment ? month : this.lastSegment;
    this.lastSegment = segment;
    const handle = await this.writerFor(segment);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const { size } = await handle.stat();
    await handle.write(line, 0, line.length, null);
    await handle.datasync();
    this.index(record, { segment, offset: size, length: line.length - 1 });
  }

  async get(id: string): Promise<SealedRecord | null> {
    const at = this.ids.get(id);
    if (!at) return null;
    const [record] = await this.read(at.chain, at.seq - 1, 1);
    return record ?? null;
  }

  /** Records of `chain` with seq > afterSeq, in order, at most `limit`. */
  async read(chain: FiscalChain, afterSeq: number, limit: number): Promise<SealedRecord[]> {
    const slice = (this.locations.get(chain) ?? []).slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + limit);
    const out: SealedRecord[] = [];
    const handles = new Map<string, FileHandle>();
    try {
      for (const loc of slice) {
        let handle = handles.get(loc.segment);
        if (!handle) {
          handle = await open(path.join(this.dir, loc.segment), 'r');
          handles.set(loc.segment, handle);
        }
        const buffer = Buffer.alloc(loc.length);
        await handle.read(buffer, 0, loc.length, loc.offset);
        out.push(JSON.parse(buffer.toString('utf8')) as SealedRecord);
      }
    } finally {
      for (const h of handles.values()) await h.close();
    }
    return out;
  }

  async close(): Promise<void> {
    await this.writer?.handle.close();
    this.writer = null;
  }

  private async writerFor(segment: string): Promise<FileHandle> {
    if (this.writer?.segment === segment) return this.writer.handle;
    await this.writer?.handle.close();
    const handle = await open(path.join(this.dir, segment), 'a');
    // A new file's directory entry must be durable too, or a power cut can lose the whole file.
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    this.writer = { segment, handle };
    return handle;
  }

  private async load(segment: string): Promise<void> {
    const file = path.join(this.dir, segment);
    const bytes = await readFile(file);
    let offset = 0;
    let lineNo = 0;
    while (offset < bytes.length) {
      const end = bytes.indexOf(0x0a, offset);
      if (end === -1) {
        // A torn last line: the append was never acknowledged (no fsync returned), so the
        // renderer still holds the sale and will seal it again. Drop the fragment.
        await truncate(file, offset);
        this.repairs.push({ segment, droppedBytes: bytes.length - offset });
        break;
      }
      lineNo += 1;
      let record: SealedRecord;
      try {
        record = JSON.parse(bytes.subarray(offset, end).toString('utf8')) as SealedRecord;
      } catch {
        throw new JournalCorruptError(segment, lineNo, 'not valid JSON');
      }
      const head = this.heads.get(record.chain);
      if (record.seq !== (head?.seq ?? 0) + 1) {
        throw new JournalCorruptError(segment, lineNo, `${record.chain} sequence ${record.seq} after ${head?.seq ?? 0}`);
      }
      this.index(record, { segment, offset, length: end - offset });
      offset = end + 1;
    }
  }

  private index(record: SealedRecord, location: Location): void {
    const list = this.locations.get(record.chain) ?? [];
    list.push(location);
    this.locations.set(record.chain, list);
    this.heads.set(record.chain, { seq: record.seq, hash: record.hash });
    this.ids.set(record.id, { chain: record.chain, seq: record.seq });
    if (record.chain === 'event' && record.payload.type === 'receipt.reprint') {
      this.reprints.set(record.payload.saleId, Math.max(this.reprintCount(record.payload.saleId), record.payload.reprintNumber));
    }
  }
}
