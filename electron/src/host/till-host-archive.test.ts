import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays, type ArchiveChunk, type ArchiveProgress, type ArchiveResult, type CashCountResult, type SealedRecord } from '@pos/core';
import { verifyArchive } from '@pos/core/fiscal/archive/verify-archive';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVES_FOLDER } from './archive/journal-archive';
import { ARCHIVE_CHUNK } from './archive/till-archives';
import { capturingPrinter, demoSale, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/**
 * The till's archive of its own journal (issue 12): the hub's format, signed by the till's key,
 * checked by core's verifier unchanged; its making sealed as archive.export; managers only.
 */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const MANAGER_PIN = '5678';
const CASHIER_PIN = '1234';

/** A journal with every kind of chain: sales, a duplicate, a cash session and its Z, a key rotation. */
async function busyTill(host: TestHost): Promise<void> {
  await signIn(host, MANAGER_PIN);
  const view = valueOf<{ state: string; sessionId?: string }>(await host.invoke('cash.open', { count: { '2000': 5 } }));
  for (const n of [1, 2, 3]) {
    const sale = {
      ...demoSale({ saleId: `sale-${n}`, staffId: 'staff-sophie', completedAt: new Date().toISOString() }),
      sessionId: view.sessionId!,
    };
    valueOf(await host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale }));
  }
  valueOf(await host.invoke('receipt.print', { saleId: 'sale-1' }));
  valueOf(await host.invoke('receipt.reprint', { saleId: 'sale-1' }));
  valueOf(await host.invoke('fiscal.rotateKey', undefined));
  const counted = valueOf<CashCountResult>(await host.invoke('cash.count', { cash: { '2000': 1 } }));
  if (!counted.z) valueOf(await host.invoke('cash.close', { approval: { managerPin: MANAGER_PIN, reason: 'Counted twice' } }));
}

async function download(host: TestHost, file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const chunk = valueOf<ArchiveChunk>(await host.invoke('archive.download', { file, offset }));
    expect(chunk.offset).toBe(offset);
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset += Buffer.from(chunk.base64, 'base64').length;
    if (offset >= chunk.total) break;
  }
  return Buffer.concat(parts);
}

const filesOf = (zip: Uint8Array) => new Map(Object.entries(unzipSync(zip)));
const today = () => new Date().toISOString().slice(0, 10);

async function events(host: TestHost): Promise<SealedRecord[]> {
  const read = valueOf<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 1000 }));
  return read.records;
}

describe('a till archives its own journal', () => {
  it('writes the hub’s format signed by its key: every chain, the keys and rotation; the verifier passes it; the download is the file', async () => {
    const dir = await dirs.make();
    const host = await hosts.start(dir, { printer: capturingPrinter() });
    await busyTill(host);
    const progress: ArchiveProgress[] = [];
    host.on('archive.progress', (p) => progress.push(p));
    const year = today().slice(0, 4);
    const made = valueOf<ArchiveResult>(await host.invoke('archive.create', { from: `${year}-01-01`, to: `${year}-12-31` }));

    const onDisk = await readFile(path.join(dir, ARCHIVES_FOLDER, made.file));
    expect(made.bytes).toBe(onDisk.length);
    expect((await download(host, made.file)).equals(onDisk)).toBe(true);
    const files = filesOf(onDisk);
    expect([...files.keys()].sort()).toEqual(
      [
        'keys.json',
        'manifest.json',
        'manifest.sig',
        'records/T01/closing.jsonl',
        'records/T01/duplicate.jsonl',
        'records/T01/event.jsonl',
        'records/T01/sale.csv',
        'records/T01/sale.jsonl',
      ].sort(),
    );
    const keys = JSON.parse(Buffer.from(files.get('keys.json')!).toString('utf8'));
    expect(keys.tills[0].keys.map((k: { source: string }) => k.source)).toEqual(['enrollment', 'rotation']);
    expect(keys.tills[0].rotations).toHaveLength(1);

    // Pinned to the key the till signs with now (the rotated one), as an inspector would pin it.
    const report = await verifyArchive(files, { archiveKey: made.keyId });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(made.keyId).toBe(host.context.sealer.key.keyId);
    expect(report.checked.records).toBe(made.records);
    expect(report.lines.join('\n')).toMatch(/archive signature: valid/);

    // Archiving is itself a JET event: a fiscal year is code 30, tied to the manifest by its hash.
    const manifestHash = createHash('sha256').update(files.get('manifest.json')!).digest('hex');
    expect(made.event.payload).toEqual({
      type: 'archive.export',
      archiveId: made.archiveId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      jetCode: 30,
      records: made.records,
      manifestSha256: manifestHash,
      keyId: made.keyId,
      staffId: 'staff-sophie',
    });
    expect((await events(host)).at(-1)).toEqual(made.event);
    // The event was sealed after the archive: it is not in it, it is in the next one.
    expect(Buffer.from(files.get('records/T01/event.jsonl')!).toString('utf8')).not.toContain('archive.export');
    const next = valueOf<ArchiveResult>(await host.invoke('archive.create', { from: addDays(today(), -1), to: addDays(today(), 1) }));
    expect(next.jetCode).toBe(20);
    const nextFiles = filesOf(await download(host, next.file));
    expect(Buffer.from(nextFiles.get('records/T01/event.jsonl')!).toString('utf8')).toContain(made.event.hash);
    expect((await verifyArchive(nextFiles)).ok).toBe(true);

    // The page saw the journal read to its end.
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.find((p) => p.done)!;
    expect(last.records).toBe(last.total);
    // The last says the archive is made, for a page whose call gave up waiting.
    expect(last.done).toEqual(made);
  });

  it('names the first bad record when one byte of the archive is changed', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await busyTill(host);
    const made = valueOf<ArchiveResult>(await host.invoke('archive.create', { from: addDays(today(), -1), to: today() }));
    const files = filesOf(await download(host, made.file));
    const sales = files.get('records/T01/sale.jsonl')!;
    // One hex digit of the first sale's signature: nothing else changes, the closings still add up.
    const at = Buffer.from(sales).indexOf('"signature":"') + '"signature":"'.length;
    sales[at] = sales[at] === 0x30 ? 0x31 : 0x30;
    const report = await verifyArchive(files);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toMatchObject({
      file: 'records/T01/sale.jsonl',
      line: 1,
      tillId: 'T01',
      chain: 'sale',
      seq: 1,
      code: 'signature',
    });
    expect(report.problems.map((p) => p.code)).toContain('file-hash');
  });

  it('refuses a period over twelve months, a cashier, and a file that is not an archive of this till', async () => {
    const dir = await dirs.make();
    const host = await hosts.start(dir, { printer: capturingPrinter() });
    await signIn(host, MANAGER_PIN);
    const before = (await events(host)).length;
    const long = errorOf(await host.invoke('archive.create', { from: '2025-01-01', to: '2026-01-01' }));
    expect(long.code).toBe('INVALID_REQUEST');
    expect(long.details).toMatchObject({ reason: 'archive-period', from: '2025-01-01', to: '2026-01-01' });
    expect(errorOf(await host.invoke('archive.create', { from: '2026-02-01', to: '2026-01-01' })).details).toMatchObject({
      reason: 'archive-period',
    });
    expect(errorOf(await host.invoke('archive.download', { file: '../keys/till-key-0001.json', offset: 0 })).code).toBe('INVALID_REQUEST');
    expect(errorOf(await host.invoke('archive.download', { file: 'archive-none.zip', offset: 0 })).code).toBe('NOT_FOUND');
    const made = valueOf<ArchiveResult>(await host.invoke('archive.create', { from: today(), to: today() }));

    valueOf(await host.invoke('session.signOut', undefined));
    await signIn(host, CASHIER_PIN);
    const cashier = errorOf(await host.invoke('archive.create', { from: today(), to: today() }));
    expect(cashier.code).toBe('FORBIDDEN');
    expect(cashier.details).toMatchObject({ reason: 'manager-only' });
    expect(errorOf(await host.invoke('archive.download', { file: made.file, offset: 0 })).code).toBe('FORBIDDEN');
    // One archive.export (the manager's), nothing for the refusals.
    const after = (await events(host)).slice(before).filter((r) => r.payload.type === 'archive.export');
    expect(after).toHaveLength(1);
    expect(ARCHIVE_CHUNK).toBe(1024 * 1024);
  });
});
