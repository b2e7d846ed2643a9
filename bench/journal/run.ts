/**
 * How long the till host takes to open a fiscal journal of N sales (it reads every segment once
 * to index it) and to serve a full restore page. Prints figures; never asserts.
 *   npm run bench:journal -- [--records 100000] [--json]
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chainHash, GENESIS_HASH, type SealedRecord } from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { JournalStore } from '../../electron/src/host/fiscal/journal-store';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';

const args = process.argv.slice(2);
const records = Number(args[args.indexOf('--records') + 1] ?? NaN) || 100_000;
const json = args.includes('--json');

const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-journal-'));
try {
  const key = await loadOrCreateTillKey(dir);
  await mkdir(path.join(dir, 'journal'));
  // Twelve monthly segments, records sealed exactly as the host seals them (hash chain, signature).
  const perMonth = Math.ceil(records / 12);
  let prevHash = GENESIS_HASH;
  let seq = 0;
  const built = performance.now();
  for (let month = 1; month <= 12 && seq < records; month++) {
    const lines: string[] = [];
    for (let i = 0; i < perMonth && seq < records; i++) {
      seq += 1;
      const payload = cashSale({ saleId: `sale-${seq}`, products: [100 + (seq % 1000), 205 + (seq % 500)] });
      const fields = {
        chain: 'sale' as const,
        id: payload.saleId,
        seq,
        storeId: 'S001',
        tillId: 'T01',
        sealedAt: `2026-${String(month).padStart(2, '0')}-15T10:00:00.000Z`,
        keyId: key.keyId,
        payload,
      };
      const hash = chainHash(prevHash, fields);
      const record: SealedRecord<'sale'> = { ...fields, prevHash, hash, signature: key.sign(Buffer.from(hash, 'hex')) };
      prevHash = hash;
      lines.push(JSON.stringify(record));
    }
    await writeFile(path.join(dir, 'journal', `2026-${String(month).padStart(2, '0')}.jsonl`), `${lines.join('\n')}\n`);
  }
  const buildMs = performance.now() - built;

  const opened = performance.now();
  const journal = await JournalStore.open(dir);
  const openMs = performance.now() - opened;
  const heap = process.memoryUsage().heapUsed;

  const read = performance.now();
  const page = await journal.read('sale', 0, 500);
  const readMs = performance.now() - read;
  await journal.close();

  const figures = [
    { name: 'journal_records', value: records },
    { name: 'journal_open_ms', value: Math.round(openMs) },
    { name: 'journal_read_500_ms', value: Math.round(readMs * 10) / 10 },
    { name: 'host_heap_after_open_mb', value: Math.round(heap / 1e5) / 10 },
  ];
  console.log(
    `fiscal journal: ${records.toLocaleString('en')} sealed sales in 12 monthly files (built in ${(buildMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `open and index: ${openMs.toFixed(0)} ms; first restore page of ${page.length}: ${readMs.toFixed(1)} ms; heap after open ${(heap / 1e6).toFixed(1)} MB`,
  );
  if (json) console.log(JSON.stringify(figures));
} finally {
  await rm(dir, { recursive: true, force: true });
}
