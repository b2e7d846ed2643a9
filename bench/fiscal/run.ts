/**
 * What the till host's fiscal work costs (issue: journal and keys an outsider can trust). Prints
 * figures; never asserts.
 *   npm run bench:fiscal -- [--json] [--records 100000] [--seals 1000] [--opens 5]
 *
 * - seal_ms: one sale through the real till host's fiscal.seal: its full validation (every line
 *   figure, tenders replayed, card tenders against its payment journal, approvals it issued),
 *   then hash, sign, append, fdatasync (host-seals.ts); sealer_only_ms: Sealer.seal alone
 *   (informative, what the validation adds is the difference);
 * - journal_open_ms: JournalStore.open of a journal of --records sales with its signed checkpoint,
 *   at the worst point (999 records after the checkpoint, verified one by one, as after a crash
 *   just before the next checkpoint); journal_open_no_checkpoint_ms: the same journal verified
 *   record by record (informative);
 * - raw_verify_records_per_s: SHA-256 of each record's hash input and an Ed25519 verification
 *   of its signature, in a tight loop, Node's crypto; verify_record_per_s: core's verifyRecord
 *   (shape, canonical form, hash, signature), what an open without checkpoint pays per record;
 * - hub_verify_records_per_s: the hub's chain verifier on PostgreSQL (BENCH_DATABASE_URL, default
 *   postgres://postgres@127.0.0.1:5432/postgres) over --hub-records sealed sales of --hub-tills
 *   tills stored as pushes store them, from nothing to every record verified (hub-verify.ts);
 *   its goal is 70 % of raw_verify_records_per_s of the same run.
 *   npm run bench:fiscal -- [--hub-records 40000] [--hub-tills 8]; BENCH_SIGNATURE_THREADS=n sets the
 *   hub's signature threads (default: the cores but one).
 * - verify_archive_records_per_s: the independent archive verifier (node verify-archive.mjs's code)
 *   over a signed archive of --archive-records sealed sales (1,000,000 by default) of two tills,
 *   zipped by the hub's writer; archive_raw_verify_records_per_s: SHA-256 + Ed25519 of a sample of
 *   the same records in a tight loop, one thread (archive-verify.ts). Goal: the verifier ≥ 70 % of it.
 *   `--only archive` measures these alone (its raw figure is then also raw_verify_records_per_s).
 * - z_report_ms: a cash session of --z-sales sales (2,000) in the host's journal → its Z figures,
 *   sealed on the closing chain and laid out for the printer (CashDesk.sealZ, closing-bench.ts).
 *   Goal < 300 ms. z_report_from_journal_ms: the same with the sales read back from the journal.
 * - monthly_closing_ms: a month of --month-sales sales (60,000) with no closing yet → its 30 daily
 *   closings and the month's, sealed (closing-bench.ts). Goal < 3 s. `--only closings` measures these alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHAIN_START, recordHashInput, verifyRecord, type SalePayload, type SealedRecord, type SealRequest } from '@pos/core';
import { JournalStore } from '../../electron/src/host/fiscal/journal-store';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';
import { nodeFiscalCrypto } from '../../electron/src/host/fiscal/node-fiscal-crypto';
import { Sealer } from '../../electron/src/host/fiscal/sealer';
import { formatTable, summarize } from '../till/stats';
import { measureHostSeals } from './host-seals';
import { measureArchiveVerification } from './archive-verify';
import { measureMonthlyClosing, measureZReport } from './closing-bench';
import { measureHubVerification } from './hub-verify';
import { appendSealedSales, benchSale } from './sealed-journal';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] ?? NaN) || fallback;
const json = args.includes('--json');
const records = option('records', 100_000);
const seals = option('seals', 1000);
const opens = option('opens', 5);
const hubRecords = option('hub-records', 40_000);
const hubTills = option('hub-tills', 8);
const archiveRecords = option('archive-records', 1_000_000);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const zSales = option('z-sales', 2000);
const monthSales = option('month-sales', 60_000);
/** The default checkpoint interval: at most this many records past the checkpoint, less one. */
const CHECKPOINT_EVERY = 1000;

type Figure = { name: string; unit: string; values: number[]; target?: string };
const figures: Figure[] = [];
const log = (line: string) => console.log(line);

async function measureSeals(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-seal-'));
  try {
    const key = await loadOrCreateTillKey(dir);
    const journal = await JournalStore.open(dir, { key });
    const sealer = new Sealer(journal, key, { storeId: 'S001', tillId: 'T01' });
    const payloads: SalePayload[] = Array.from({ length: seals + 50 }, (_, i) => benchSale(i + 1));
    const times: number[] = [];
    for (const [i, payload] of payloads.entries()) {
      const request: SealRequest<'sale'> = { chain: 'sale', id: payload.saleId, payload };
      const started = performance.now();
      await sealer.seal(request);
      if (i >= 50) times.push(performance.now() - started);
    }
    await journal.close();
    figures.push({ name: 'sealer_only_ms', unit: 'ms', values: times });
    log(`Sealer alone: ${times.length} sales (${JSON.stringify(payloads[0]).length} bytes of payload each), one fdatasync each`);
    const host = await measureHostSeals(seals);
    figures.push({ name: 'seal_ms', unit: 'ms', values: host.times, target: 'p95 < 15' });
    log(
      `host fiscal.seal: ${host.times.length} sales (${host.payloadBytes} bytes of payload; half by card, a third with an approved discount), full validation`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function timeOpen(dir: string): Promise<number> {
  const started = performance.now();
  const journal = await JournalStore.open(dir);
  const ms = performance.now() - started;
  if (journal.status.state !== 'ok') throw new Error(`the bench journal opened ${journal.status.state}`);
  await journal.close();
  return ms;
}

/** Measures the opens; returns sealed records of that journal and their key, for the verification figures. */
async function measureOpens(): Promise<{ sample: SealedRecord[]; publicKeyHex: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-open-'));
  try {
    const key = await loadOrCreateTillKey(dir);
    const covered = records - (CHECKPOINT_EVERY - 1);
    const perMonth = Math.ceil(records / 12);
    const built = performance.now();
    const head = await appendSealedSales(dir, key, covered, perMonth);
    log(`built ${covered.toLocaleString('en')} sealed sales in 12 monthly files in ${((performance.now() - built) / 1000).toFixed(1)} s`);

    // The first open verifies every record and, closing, writes the signed checkpoint.
    await (await JournalStore.open(dir, { key })).close();
    await appendSealedSales(dir, key, records - covered, perMonth, head);

    const times: number[] = [];
    for (let i = 0; i < opens; i++) times.push(await timeOpen(dir));
    // The same journal without its checkpoint: every record verified one by one.
    await rm(path.join(dir, 'journal', 'checkpoint.json'));
    const fullMs = await timeOpen(dir);
    const journal = await JournalStore.open(dir);
    const sample = await journal.read('sale', 0, 10_000);
    await journal.close();
    figures.push({ name: 'journal_open_ms', unit: 'ms', values: times, target: `< 2000 (${records.toLocaleString('en')} records)` });
    figures.push({ name: 'journal_open_no_checkpoint_ms', unit: 'ms', values: [fullMs], target: 'informative' });
    log(
      `open: ${covered.toLocaleString('en')} records under the checkpoint (file hashes), ${records - covered} after it verified one by one`,
    );
    return { sample, publicKeyHex: key.publicKeyHex };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function measureVerification(sample: readonly SealedRecord[], publicKeyHex: string): void {
  const inputs = sample.map((r) => recordHashInput(r.prevHash, r));
  const signatures = sample.map((r) => Buffer.from(r.signature, 'hex'));
  const publicKey = Buffer.from(publicKeyHex, 'hex');
  const raw: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < inputs.length; i++) {
      const hash = nodeFiscalCrypto.sha256(inputs[i]!);
      if (!nodeFiscalCrypto.verifyEd25519(signatures[i]!, hash, publicKey)) throw new Error(`record ${i} does not verify`);
    }
    raw.push(inputs.length / ((performance.now() - started) / 1000));
  }
  figures.push({ name: 'raw_verify_records_per_s', unit: 'records/s', values: raw.map(Math.round), target: 'informative' });

  const full: number[] = [];
  const lookup = () => publicKeyHex;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let position = CHAIN_START;
    for (const record of sample) {
      if (verifyRecord(record, position, lookup, nodeFiscalCrypto).length > 0) throw new Error(`record ${record.seq} does not verify`);
      position = { seq: record.seq, prevHash: record.hash };
    }
    full.push(sample.length / ((performance.now() - started) / 1000));
  }
  figures.push({ name: 'verify_record_per_s', unit: 'records/s', values: full.map(Math.round), target: 'informative' });
}

async function measureHub(): Promise<void> {
  try {
    const hub = await measureHubVerification({ tills: hubTills, perTill: Math.ceil(hubRecords / hubTills), rounds: 3, log });
    const raw = summarize(figures.find((f) => f.name === 'raw_verify_records_per_s')!.values).median;
    const rate = summarize(hub.ratesPerS).median;
    figures.push({
      name: 'hub_verify_records_per_s',
      unit: 'records/s',
      values: hub.ratesPerS.map(Math.round),
      target: `≥ 70 % of raw: ${Math.round((100 * rate) / raw)} %`,
    });
    log(`hub verifier: ${hub.records.toLocaleString('en')} records of ${hub.tills} tills, ${hub.ratesPerS.length} rounds`);
  } catch (error) {
    log(`hub_verify_records_per_s not measured: ${(error as Error).message}`);
  }
}

async function measureArchive(): Promise<void> {
  const archive = await measureArchiveVerification({ records: archiveRecords, rounds: archiveRecords >= 500_000 ? 1 : 3, log });
  const raw = summarize(archive.rawPerS).median;
  const rate = summarize(archive.verifyPerS).median;
  if (only === 'archive') figures.push({ name: 'raw_verify_records_per_s', unit: 'records/s', values: archive.rawPerS.map(Math.round) });
  figures.push({
    name: 'archive_raw_verify_records_per_s',
    unit: 'records/s',
    values: archive.rawPerS.map(Math.round),
    target: 'informative: the archive’s records',
  });
  figures.push({
    name: 'verify_archive_records_per_s',
    unit: 'records/s',
    values: archive.verifyPerS.map(Math.round),
    target: `≥ 70 % of raw: ${Math.round((100 * rate) / raw)} %`,
  });
  log(
    `archive verifier: ${archiveRecords.toLocaleString('en')} records, ${archive.verifyPerS.length} round(s), ${archive.threads} signature thread(s)`,
  );
}

async function measureClosings(): Promise<void> {
  const z = await measureZReport(zSales, 5);
  figures.push({ name: 'z_report_ms', unit: 'ms', values: z.host, target: `< 300 (${zSales} sales)` });
  figures.push({ name: 'z_report_from_journal_ms', unit: 'ms', values: z.fromJournal, target: 'informative: sales read back first' });
  figures.push({
    name: 'monthly_closing_ms',
    unit: 'ms',
    values: await measureMonthlyClosing(monthSales, 3, log),
    target: `< 3000 (${monthSales.toLocaleString('en')} sales)`,
  });
}

if (only !== 'archive' && only !== 'closings') {
  await measureSeals();
  const { sample, publicKeyHex } = await measureOpens();
  measureVerification(sample, publicKeyHex);
  await measureHub();
}
if (only === null || only === 'closings') await measureClosings();
if (only !== 'closings') await measureArchive();

log('');
log(formatTable(figures.map(({ name, unit, values, target }) => ({ name: `${name} (${unit})`, values, ...(target ? { target } : {}) }))));
if (json) {
  console.log(
    JSON.stringify(
      figures.map(({ name, unit, values }) => {
        const s = summarize(values);
        return { name, unit, n: s.n, median: s.median, p95: s.p95, p99: s.p99, max: s.max };
      }),
    ),
  );
}
