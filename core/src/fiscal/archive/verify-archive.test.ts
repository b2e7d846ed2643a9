import { utf8ToBytes } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SealedRecord } from '../chain';
import { closingTotalsCheck } from './archive-checks';
import { archivePeriodProblem, KEYS_FILE, MANIFEST_FILE, SIGNATURE_FILE, type ArchiveKeys } from './archive-format';
import { resign, testKey, TestTill, textOf, writeTestArchive, type TestKey } from './test-support/test-archive';
import { verifyArchive, type ArchiveReport } from './verify-archive';

const SALES_T01 = 'records/T01/sale.jsonl';
const EVENTS_T01 = 'records/T01/event.jsonl';

let archiveKey: TestKey;
let pristine: Map<string, Uint8Array>;
let t01Rotated: TestKey;
let t02: TestTill;

/** Two tills; T01 rotates its key between its sales, T02 never does. */
beforeAll(async () => {
  archiveKey = testKey(1);
  const t01 = new TestTill('S001', 'T01', testKey(2));
  t02 = new TestTill('S001', 'T02', testKey(3));
  t01.start();
  t02.start();
  for (let i = 1; i <= 6; i++) t01.sale(i);
  t01Rotated = testKey(4);
  t01.rotate(t01Rotated);
  for (let i = 7; i <= 12; i++) t01.sale(i);
  t01.seal('duplicate', 'duplicate-T01-sale-3-1', {
    type: 'duplicate',
    saleId: 'T01-sale-3',
    receiptSeq: 3,
    duplicateNumber: 1,
    staffId: 'staff-camille',
  });
  t01.start();
  for (let i = 1; i <= 5; i++) t02.sale(i);
  pristine = await writeTestArchive([t01, t02], archiveKey);
});

const copy = () => new Map([...pristine].map(([k, v]) => [k, v.slice()]));
const linesOf = (files: Map<string, Uint8Array>, name: string) => textOf(files.get(name)!).trimEnd().split('\n');
const setLines = (files: Map<string, Uint8Array>, name: string, lines: readonly string[]) =>
  files.set(name, utf8ToBytes(`${lines.join('\n')}\n`));
const verify = (files: Map<string, Uint8Array>, archiveKeyHex?: string) =>
  verifyArchive(files, { ...(archiveKeyHex ? { archiveKey: archiveKeyHex } : {}), batchSize: 4 });
const first = (report: ArchiveReport) => {
  const p = report.firstBad!;
  return { file: p.file, chain: p.chain, seq: p.seq, code: p.code };
};

describe('verifyArchive', () => {
  it('verifies an archive of two tills with a key rotation, and prints each check', async () => {
    const report = await verify(pristine, archiveKey.publicKey);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked).toEqual({ files: 8, tills: 2, chains: 5, records: 3 + 12 + 1 + 1 + 5, signatures: 22 });
    expect(report.lines).toContain('closings: no closings in this archive');
    expect(report.lines.some((l) => l.startsWith('archive signature: valid'))).toBe(true);
    expect(report.lines.at(-1)).toBe('RESULT: OK: 22 records of 2 tills verified');
  });

  it('names the record whose byte was flipped, whether or not the manifest was signed again', async () => {
    const files = copy();
    const lines = linesOf(files, SALES_T01);
    lines[3] = lines[3]!.replace('"quantity":1', '"quantity":2');
    setLines(files, SALES_T01, lines);
    const report = await verify(files);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('file-hash');
    expect(first(report)).toEqual({ file: SALES_T01, chain: 'sale', seq: 4, code: 'hash' });
    // One byte of the hash itself: the record no longer matches it, nor does the next one's link.
    const flipped = copy();
    const bytes = flipped.get(SALES_T01)!;
    const text = textOf(bytes);
    const third = text.split('\n').slice(0, 2).join('\n').length + 1;
    // A byte offset (the sales' names hold accents: more bytes than characters).
    const at = utf8ToBytes(text.slice(0, text.indexOf('"hash":"', third) + 8)).length;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    resign(flipped, archiveKey);
    const again = await verify(flipped);
    expect(first(again)).toEqual({ file: SALES_T01, chain: 'sale', seq: 3, code: 'hash' });
    expect(again.problems.filter((p) => p.line > 0).map((p) => `${p.seq}:${p.code}`)).toEqual(['3:hash', '3:signature', '4:link']);
  });

  it('refuses a manifest changed by one byte, or a signature changed by one byte', async () => {
    const files = copy();
    const manifest = files.get(MANIFEST_FILE)!;
    manifest[manifest.length - 3] = manifest[manifest.length - 3] === 0x20 ? 0x0a : 0x20;
    const report = await verify(files);
    expect(report.firstBad).toMatchObject({ file: SIGNATURE_FILE, code: 'archive-signature' });
    const signed = copy();
    const signature = signed.get(SIGNATURE_FILE)!;
    signature[10] = signature[10] === 0x61 ? 0x62 : 0x61;
    expect((await verify(signed)).problems.map((p) => p.code)).toEqual(['archive-signature']);
    // Signed again by someone else's key: only a pinned archive key tells.
    const forged = copy();
    const other = testKey(9);
    resign(forged, other, (m) => ({ ...m, archiveKey: { keyId: other.keyId, publicKey: other.publicKey } }));
    expect((await verify(forged)).ok).toBe(true);
    expect((await verify(forged, archiveKey.publicKey)).problems.map((p) => p.code)).toEqual(['archive-key']);
  });

  it('names a dropped record, two records swapped and a record replayed from another till', async () => {
    const dropped = copy();
    setLines(
      dropped,
      SALES_T01,
      linesOf(dropped, SALES_T01).filter((_, i) => i !== 4),
    );
    resign(dropped, archiveKey, (m) => ({
      ...m,
      chains: m.chains.map((c) => (c.file === SALES_T01 ? { ...c, records: c.records - 1 } : c)),
    }));
    expect(first(await verify(dropped))).toEqual({ file: SALES_T01, chain: 'sale', seq: 6, code: 'sequence' });

    const swapped = copy();
    const lines = linesOf(swapped, SALES_T01);
    [lines[7], lines[8]] = [lines[8]!, lines[7]!];
    setLines(swapped, SALES_T01, lines);
    resign(swapped, archiveKey);
    const report = await verify(swapped);
    expect(first(report)).toEqual({ file: SALES_T01, chain: 'sale', seq: 9, code: 'sequence' });
    expect(report.firstBad!.line).toBe(8);

    const replayed = copy();
    const theirs = linesOf(replayed, 'records/T02/sale.jsonl')[1]!;
    const ours = linesOf(replayed, SALES_T01);
    setLines(replayed, SALES_T01, [...ours.slice(0, 2), theirs, ...ours.slice(2)]);
    resign(replayed, archiveKey);
    const replay = await verify(replayed);
    expect(first(replay)).toEqual({ file: SALES_T01, chain: 'sale', seq: 2, code: 'other-till' });
    expect(replay.firstBad!.line).toBe(3);
    expect(replay.problems.filter((p) => p.line === 3).map((p) => p.code)).toEqual(
      expect.arrayContaining(['other-till', 'sequence', 'link']),
    );
  });

  it('names a tail cut short: against the manifest, and against the till’s own anchor when the manifest was rewritten', async () => {
    const cut = copy();
    setLines(cut, SALES_T01, linesOf(cut, SALES_T01).slice(0, 9));
    const report = await verify(cut);
    expect(report.problems.find((p) => p.code === 'truncated')).toMatchObject({ file: SALES_T01, chain: 'sale', seq: 10 });

    // The forger rewrites the manifest's head too: the till's last start anchored the sale chain at 12.
    resign(cut, archiveKey, (m) => ({
      ...m,
      chains: m.chains.map((c) =>
        c.file === SALES_T01 ? { ...c, records: 9, last: { seq: 9, hash: JSON.parse(linesOf(cut, SALES_T01)[8]!).hash } } : c,
      ),
    }));
    const anchored = await verify(cut);
    expect(anchored.problems.map((p) => ({ file: p.file, seq: p.seq, code: p.code }))).toEqual([
      { file: SALES_T01, seq: 10, code: 'dropped-tail' },
    ]);
  });

  it('names the first record of a till whose key was swapped in keys.json', async () => {
    const swapped = copy();
    const keys = JSON.parse(textOf(swapped.get(KEYS_FILE)!)) as ArchiveKeys;
    const t02Keys = keys.tills.find((t) => t.tillId === 'T02')!.keys;
    const edited: ArchiveKeys = { ...keys, tills: keys.tills.map((t) => (t.tillId === 'T01' ? { ...t, keys: t02Keys } : t)) };
    swapped.set(KEYS_FILE, utf8ToBytes(JSON.stringify(edited)));
    const report = await verify(swapped);
    expect(report.problems[0]).toMatchObject({ file: KEYS_FILE, code: 'file-hash' });
    expect(first(report)).toEqual({ file: EVENTS_T01, chain: 'event', seq: 1, code: 'key' });
    // A record signed by the retired key after the rotation is named too.
    expect(report.ok).toBe(false);
  });

  it('refuses a record signed with the retired key after the rotation', async () => {
    const till = new TestTill('S001', 'T01', testKey(2));
    till.start();
    till.sale(1);
    const old = till.key;
    till.rotate(testKey(4));
    till.key = old;
    till.sale(2);
    const files = await writeTestArchive([till], archiveKey);
    expect(first(await verify(files))).toEqual({ file: SALES_T01, chain: 'sale', seq: 2, code: 'key' });
  });

  it('refuses a period longer than twelve months, with a clear error', async () => {
    expect(archivePeriodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(archivePeriodProblem('2026-01-01', '2027-01-01')).toMatch(/longer than 12 months/);
    expect(archivePeriodProblem('2026-02-30', '2026-03-01')).toMatch(/YYYY-MM-DD/);
    const files = copy();
    resign(files, archiveKey, (m) => ({ ...m, period: { from: '2025-01-01', to: '2026-12-31' } }));
    const report = await verify(files);
    expect(report.problems).toEqual([expect.objectContaining({ file: MANIFEST_FILE, code: 'period' })]);
  });

  it('checks closings with a rule when the archive has some, and says so when it has none', () => {
    const check = closingTotalsCheck({
      read: (r: SealedRecord) => {
        const p = r.payload as unknown as { from: number; to: number; total: number };
        return { level: 'day', fromSaleSeq: p.from, toSaleSeq: p.to, totals: { total: p.total } };
      },
      add: (totals, sale) => {
        totals.total = (totals.total ?? 0) + (sale.payload as { total: number }).total;
      },
    });
    const place = { file: 'records/T01/closing.jsonl', line: 1, tillId: 'T01' };
    check.record({ chain: 'closing', seq: 1, payload: { from: 1, to: 2, total: 300 } } as unknown as SealedRecord, place);
    for (const [seq, total] of [
      [1, 100],
      [2, 250],
      [3, 999],
    ] as const)
      check.record({ chain: 'sale', seq, payload: { total } } as unknown as SealedRecord, { ...place, file: SALES_T01 });
    const done = check.finish();
    expect(done.problems).toEqual([
      expect.objectContaining({ chain: 'closing', seq: 1, code: 'closing', problem: 'total 300 where its sales sum to 350' }),
    ]);
    expect(closingTotalsCheck().finish().lines).toEqual(['closings: no closings in this archive']);
  });
});
