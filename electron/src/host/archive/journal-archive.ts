import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FISCAL_CHAINS, type ArchiveCreateRequest, type FiscalChain, type SealedRecord } from '@pos/core';
import { ArchiveBuilder, archiveLineOf, peeked, type ArchiveSigner } from '@pos/core/fiscal/archive/archive-builder';
import { CHAIN_ORDER, inPeriod, type ArchiveTillKeys } from '@pos/core/fiscal/archive/archive-format';
import { ZipOutput } from '@pos/core/fiscal/archive/zip-output';
import { Zip, ZipDeflate } from 'fflate';
import type { JournalStore } from '../fiscal/journal-store';
import { listTillPublicKeys } from '../fiscal/key-store';

/** Where the till keeps the archives it made, in its data directory. */
export const ARCHIVES_FOLDER = 'archives';

/** Records read from the journal at a time: a year of a till is read in pages, never at once. */
const PAGE = 500;

/** The period's two dates, inclusive (the records' `sealedAt`, UTC). */
type Period = ArchiveCreateRequest;

export type JournalArchiveInput = {
  readonly dataDir: string;
  readonly journal: JournalStore;
  readonly storeId: string;
  readonly tillId: string;
  readonly period: Period;
  readonly archiveId: string;
  /** The till's own key: it signs the manifest (docs/fiscal.md §12.4). */
  readonly signer: ArchiveSigner;
  readonly createdAt: string;
  /** Records of the journal read so far, of all it holds (the sale chain counted twice: its CSV reads it again). */
  readonly onProgress?: (progress: { readonly records: number; readonly total: number }) => void;
};

export type WrittenArchive = {
  /** The zip's name in `archives/`. */
  readonly file: string;
  readonly bytes: number;
  readonly records: number;
  readonly manifestSha256: string;
};

export const archiveFileName = (storeId: string, tillId: string, period: Period, archiveId: string) =>
  `archive-${storeId}-${tillId}-${period.from}-${period.to}-${archiveId.slice(0, 8)}.zip`;

/**
 * One chain's records sealed in the period, page by page, up to the head it had when the archive
 * began (a record sealed meanwhile waits for the next archive, so `last` is a head the journal
 * really had). `seen` counts every record read; `each` sees them all, in the period or not.
 */
async function* chainPages(
  journal: JournalStore,
  chain: FiscalChain,
  head: number,
  period: Period,
  seen: (count: number) => void,
  each: (record: SealedRecord) => void = () => undefined,
): AsyncIterable<SealedRecord[]> {
  for (let after = 0; after < head;) {
    const page = (await journal.read(chain, after, PAGE)).filter((r) => r.seq <= head);
    if (page.length === 0) return;
    seen(page.length);
    page.forEach(each);
    const inside = page.filter((r) => inPeriod(r.sealedAt, period));
    if (inside.length > 0) yield inside;
    after = page[page.length - 1]!.seq;
  }
}

/** The till's keys as keys.json lists them: its first key as enrolled, the others trusted only through their rotation records. */
async function tillKeys(dataDir: string, tillId: string, rotations: readonly SealedRecord[]): Promise<ArchiveTillKeys> {
  const keys = await listTillPublicKeys(dataDir);
  return {
    tillId,
    keys: keys.map((k) => ({
      keyId: k.keyId,
      publicKey: k.publicKey,
      source: k.generation === 1 ? 'enrollment' : 'rotation',
      registeredAt: k.createdAt,
    })),
    rotations,
  };
}

/**
 * Writes the signed archive of a period of this till's journal, in the hub's format
 * (`pos-fiscal-archive/1`, core's ArchiveBuilder and ZipOutput): each chain's records of the
 * period as JSON lines, the sales as CSV, keys.json from the till's key files and its journal's
 * rotations, the manifest and its signature by the till's key. Written to `archives/<name>.part`
 * and renamed once whole, so a half-written archive is never offered.
 */
export async function writeJournalArchive(input: JournalArchiveInput): Promise<WrittenArchive> {
  const { journal, period } = input;
  const dir = path.join(input.dataDir, ARCHIVES_FOLDER);
  await mkdir(dir, { recursive: true });
  const file = archiveFileName(input.storeId, input.tillId, period, input.archiveId);
  const partial = path.join(dir, `${file}.part`);
  const heads = journal.heads();
  const chains = FISCAL_CHAINS.filter((c) => heads[c]).sort((a, b) => CHAIN_ORDER(a) - CHAIN_ORDER(b) || a.localeCompare(b));
  const total = chains.reduce((n, c) => n + heads[c]!.seq, 0) + (heads.sale?.seq ?? 0);
  let read = 0;
  const seen = (count: number) => {
    read += count;
    input.onProgress?.({ records: read, total });
  };
  const endOfPeriod = `${period.to}T23:59:59.999Z`;
  const rotations: SealedRecord[] = [];
  const keepRotation = (r: SealedRecord) => {
    if (r.chain === 'event' && r.payload.type === 'key.rotate' && r.sealedAt <= endOfPeriod) rotations.push(r);
  };

  const out = createWriteStream(partial);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  closed.catch(() => undefined);
  try {
    const zip = new ZipOutput<ZipDeflate>(out, { Zip, ZipDeflate });
    const builder = new ArchiveBuilder(zip, input.storeId, period, () => createHash('sha256'));
    let records = 0;
    for (const chain of chains) {
      const head = heads[chain]!.seq;
      const pages = await peeked(chainPages(journal, chain, head, period, seen, chain === 'event' ? keepRotation : undefined));
      if (!pages) continue;
      const lines = (async function* () {
        for await (const page of pages) {
          records += page.length;
          yield page.map(archiveLineOf);
        }
      })();
      await builder.chain(input.tillId, chain, lines);
      if (chain === 'sale') await builder.salesCsv(input.tillId, chainPages(journal, chain, head, period, seen));
    }
    await builder.keys({ storeId: input.storeId, tills: [await tillKeys(input.dataDir, input.tillId, rotations)] });
    const { manifest } = await builder.sign([input.tillId], input.signer, input.createdAt);
    await zip.end();
    out.end();
    await closed;
    await rename(partial, path.join(dir, file));
    const { size } = await stat(path.join(dir, file));
    return { file, bytes: size, records, manifestSha256: createHash('sha256').update(manifest).digest('hex') };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
