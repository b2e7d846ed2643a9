import { createHash, randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { SealedRecord } from '@pos/core';
import { ArchiveBuilder, peeked, type ArchiveLine } from '@pos/core/fiscal/archive/archive-builder';
import { archiveJetCode, archivePeriodProblem, CHAIN_ORDER, recordsFileName } from '@pos/core/fiscal/archive/archive-format';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { loadOrCreateArchiveKey } from './archive/archive-key';
import { chainLines, countRecords, storeChains, tillKeys, type ArchivedChain, type Period } from './archive/archive-source';
import { ZipOutput } from './archive/zip-output';

export type ArchiveRequest = {
  readonly storeId: string;
  readonly from: string;
  readonly to: string;
  /** Who asked: `cli`, or the admin token's id. */
  readonly requestedBy: string;
  /** Called as records are written: the file being written, records written so far and in all. */
  readonly onProgress?: (progress: { readonly file: string; readonly records: number; readonly total: number }) => void;
};

export type ArchiveSummary = {
  readonly archiveId: string;
  readonly storeId: string;
  readonly period: Period;
  readonly tillIds: readonly string[];
  readonly records: number;
  readonly keyId: string;
  readonly manifestSha256: string;
  readonly jetCode: 20 | 30;
};

/** A journal's file: the first as `records/<till>/<chain>.jsonl`, a later one (after a lost journal) with its number. */
function fileOf(chain: ArchivedChain, extension: 'jsonl' | 'csv'): string {
  const base = recordsFileName(chain.tillId, chain.chain).replace(/\.jsonl$/, '');
  return `${base}${chain.epoch > 1 ? `.journal-${chain.epoch}` : ''}.${extension}`;
}

/** Checks what can be refused before a byte is written: the period, and that the store exists. */
export async function checkArchiveRequest(db: Database, request: Pick<ArchiveRequest, 'storeId' | 'from' | 'to'>): Promise<void> {
  const period = archivePeriodProblem(request.from, request.to);
  if (period) throw new HubError(400, 'bad_request', `Cannot archive: ${period}`);
  const [store] = await db.query<{ store_id: string }>('SELECT store_id FROM stores WHERE store_id = $1', [request.storeId]);
  if (!store) throw new HubError(404, 'not_found', `No store ${request.storeId}`);
}

/**
 * Writes the signed archive of a store's period as a zip to `out` (docs/fiscal.md §12): per till
 * and chain its records as JSON lines, the sales as CSV, keys.json, the manifest and its detached
 * signature by the hub's archive key; till by till, page by page. Then logs it (archive_log: the
 * hub's JET 20, or 30 for a whole calendar year). Does not end `out`.
 */
export async function exportArchive(db: Database, request: ArchiveRequest, out: Writable): Promise<ArchiveSummary> {
  await checkArchiveRequest(db, request);
  const period: Period = { from: request.from, to: request.to };
  const key = await loadOrCreateArchiveKey(db);
  const total = request.onProgress ? await countRecords(db, request.storeId, period) : 0;
  const chains = (await storeChains(db, request.storeId)).sort(
    (a, b) =>
      a.tillId.localeCompare(b.tillId) ||
      CHAIN_ORDER(a.chain) - CHAIN_ORDER(b.chain) ||
      a.chain.localeCompare(b.chain) ||
      a.epoch - b.epoch,
  );
  const zip = new ZipOutput(out);
  const builder = new ArchiveBuilder(zip, request.storeId, period, () => createHash('sha256'));
  let written = 0;
  const counted = (file: string) =>
    async function* (pages: AsyncIterable<ArchiveLine[]>) {
      for await (const page of pages) {
        written += page.length;
        request.onProgress?.({ file, records: written, total });
        yield page;
      }
    };

  const archived: ArchivedChain[] = [];
  for (const chain of chains) {
    const pages = await peeked(chainLines(db, request.storeId, chain, period));
    if (!pages) continue;
    archived.push(chain);
    const file = fileOf(chain, 'jsonl');
    await builder.chain(chain.tillId, chain.chain, counted(file)(pages), { file });
    if (chain.chain === 'sale') {
      const parsed = (async function* () {
        for await (const page of chainLines(db, request.storeId, chain, period)) yield page.map((l) => JSON.parse(l.json) as SealedRecord);
      })();
      await builder.salesCsv(chain.tillId, parsed, fileOf(chain, 'csv'));
    }
  }
  const tillIds = [...new Set(archived.map((c) => c.tillId))];
  await builder.keys({ storeId: request.storeId, tills: await tillKeys(db, request.storeId, tillIds, period) });

  const { manifest, signature } = await builder.sign(tillIds, key, new Date().toISOString());
  await zip.end();

  const summary: ArchiveSummary = {
    archiveId: randomUUID(),
    storeId: request.storeId,
    period,
    tillIds,
    records: written,
    keyId: key.keyId,
    manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    jetCode: archiveJetCode(period),
  };
  await db.query(
    `INSERT INTO archive_log (store_id, archive_id, period_from, period_to, jet_code, requested_by, key_id, records, manifest_sha256, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      summary.storeId,
      summary.archiveId,
      period.from,
      period.to,
      summary.jetCode,
      request.requestedBy,
      key.keyId,
      written,
      summary.manifestSha256,
      signature,
    ],
  );
  return summary;
}
