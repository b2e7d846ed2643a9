/**
 * How long the till host takes to open a fiscal journal of N sales (it reads every segment once
 * to index it, hashing each file against its signed checkpoint) and to serve a full restore
 * page; then, on a journal of N records of daily cash sessions (sales, movements, counts, closes
 * and their Z), how long its cash index (cash/cash-index.ts) takes to rebuild the cash state from
 * the records as the journal feeds them at start. Prints figures; never asserts. bench:fiscal has
 * the verification figures.
 *   npm run bench:journal -- [--records 100000] [--json]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SealedRecord } from '@pos/core';
import { CashIndex } from '../../electron/src/host/cash/cash-index';
import { JournalStore } from '../../electron/src/host/fiscal/journal-store';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';
import { appendSealedSales } from '../fiscal/sealed-journal';
import { appendCashDays } from './cash-journal';

const args = process.argv.slice(2);
const records = Number(args[args.indexOf('--records') + 1] ?? NaN) || 100_000;
const json = args.includes('--json');

const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-journal-'));
try {
  const key = await loadOrCreateTillKey(dir);
  const built = performance.now();
  await appendSealedSales(dir, key, records, Math.ceil(records / 12));
  // The till's first open verifies every record and leaves the signed checkpoint every later open starts from.
  await (await JournalStore.open(dir, { key })).close();
  const buildMs = performance.now() - built;

  const opened = performance.now();
  const journal = await JournalStore.open(dir);
  const openMs = performance.now() - opened;
  const heap = process.memoryUsage().heapUsed;

  const read = performance.now();
  const page = await journal.read('sale', 0, 500);
  const readMs = performance.now() - read;
  await journal.close();

  // The cash sessions' journal, in its own directory: the figures above stay those of N sales.
  const cashDir = path.join(dir, 'cash');
  const cashKey = await loadOrCreateTillKey(cashDir);
  const cash = await appendCashDays(cashDir, cashKey, records, 250);
  await (await JournalStore.open(cashDir, { key: cashKey })).close();
  // Kept in journal order as the journal feeds its indexers at start, to time the cash index alone.
  const fed: SealedRecord[] = [];
  const cashOpened = performance.now();
  const cashJournal = await JournalStore.open(cashDir, { indexers: [(record) => fed.push(record)] });
  const cashOpenMs = performance.now() - cashOpened;
  await cashJournal.close();
  const rebuilt = performance.now();
  const index = new CashIndex();
  for (const record of fed) index.add(record);
  const rebuildMs = performance.now() - rebuilt;
  if (index.problem || index.state.status !== 'closed' || index.closings.length !== cash.sessions)
    throw new Error(`The cash index did not rebuild the sessions: ${index.problem ?? index.state.status}, ${index.closings.length} Z`);

  const figures = [
    { name: 'journal_records', value: records },
    { name: 'journal_open_ms', value: Math.round(openMs) },
    { name: 'journal_read_500_ms', value: Math.round(readMs * 10) / 10 },
    { name: 'host_heap_after_open_mb', value: Math.round(heap / 1e5) / 10 },
    { name: 'cash_journal_records', value: cash.records },
    { name: 'cash_sessions', value: cash.sessions },
    { name: 'cash_journal_open_ms', value: Math.round(cashOpenMs) },
    { name: 'cash_index_rebuild_ms', value: Math.round(rebuildMs * 10) / 10 },
  ];
  console.log(
    `fiscal journal: ${records.toLocaleString('en')} sealed sales in 12 monthly files (built and first verified in ${(buildMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `open, check and index: ${openMs.toFixed(0)} ms; first restore page of ${page.length}: ${readMs.toFixed(1)} ms; heap after open ${(heap / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `cash sessions: ${cash.records.toLocaleString('en')} records, ${cash.sessions} sessions with their Z; journal open ${cashOpenMs.toFixed(0)} ms, cash index rebuilt in ${rebuildMs.toFixed(1)} ms`,
  );
  if (json) console.log(JSON.stringify(figures));
} finally {
  await rm(dir, { recursive: true, force: true });
}
