/**
 * The archive verifier's rate (issue 12): a signed archive of `records` sales sealed as the till
 * seals them (format 1, Node's crypto) by two tills, written by the hub's archive writer into a
 * zip (fflate, deflate), then verified by the very code of `node verify-archive.mjs`: the zip read
 * through its central directory and inflated by zlib as it streams, each file's SHA-256, the
 * manifest's signature, every record's shape, canonical form, hash, link and key, the signatures
 * on the hub's signature threads. The raw rate beside it: SHA-256 of the hash input and Ed25519
 * verify of a sample of the same records, in a tight loop on one thread, nothing else.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { GENESIS_HASH, RECORD_FORMAT, recordHashInput, type SealedFields, type SealedRecord } from '@pos/core';
import { ArchiveBuilder, archiveLineOf, type ArchiveLine } from '@pos/core/fiscal/archive/archive-builder';
import { MANIFEST_FILE, manifestSignatureMessage, SIGNATURE_FILE } from '@pos/core/fiscal/archive/archive-format';
import { verifyArchiveSource } from '@pos/core/fiscal/archive/verify-archive';
import { signRecord } from '../../electron/src/host/fiscal/sealer';
import { openZip } from '../../sync-server/src/archive-verifier/zip-reader';
import { nodeFiscalCrypto } from '../../sync-server/src/fiscal/node-fiscal-crypto';
import { defaultSignatureThreads, SignaturePool } from '../../sync-server/src/fiscal/signature-pool';
import { ZipOutput } from '../../sync-server/src/fiscal/archive/zip-output';
import { newTillKey, type TestTillKey } from '../../sync-server/src/test-support/till-keys';
import { benchSale } from './sealed-journal';

const TILLS = ['T01', 'T02'];
const RAW_SAMPLE = 20_000;

type TillKey = { readonly publicKeyHex: string; readonly keyId: string; sign(data: Uint8Array): string };
const asTillKey = (key: TestTillKey): TillKey => ({ publicKeyHex: key.publicKey, keyId: key.keyId, sign: key.sign });

/** One till's sales, sealed page by page as the writer asks for them (never all at once). */
async function* sealedSales(tillId: string, key: TillKey, count: number, sample: SealedRecord[]): AsyncIterable<ArchiveLine[]> {
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count;) {
    const page: ArchiveLine[] = [];
    for (const end = Math.min(count, seq + 999); seq <= end; seq++) {
      const payload = { ...benchSale(seq), saleId: `${tillId}-${seq}`, tillId };
      const month = String(1 + Math.floor(((seq - 1) * 12) / count)).padStart(2, '0');
      const fields: SealedFields<'sale'> = {
        v: RECORD_FORMAT,
        chain: 'sale',
        id: payload.saleId,
        seq,
        storeId: 'S001',
        tillId,
        sealedAt: `2026-${month}-15T10:00:00.000Z`,
        keyId: key.keyId,
        payload,
      };
      const record = signRecord(fields, prevHash, key as never);
      prevHash = record.hash;
      if (sample.length < RAW_SAMPLE) sample.push(record);
      page.push(archiveLineOf(record));
    }
    yield page;
  }
}

async function writeArchive(file: string, records: number, log: (line: string) => void) {
  const archiveKey = newTillKey();
  const keys = TILLS.map(() => newTillKey());
  const sample: SealedRecord[] = [];
  const out = createWriteStream(file);
  // Deflate level 1: the bench's archive is made in half the time; the verifier inflates it the same.
  const zip = new ZipOutput(out, 1);
  const builder = new ArchiveBuilder(zip, 'S001', { from: '2026-01-01', to: '2026-12-31' }, () => createHash('sha256'));
  const started = performance.now();
  for (const [i, tillId] of TILLS.entries()) {
    const count = Math.floor(records / TILLS.length) + (i === 0 ? records % TILLS.length : 0);
    await builder.chain(tillId, 'sale', sealedSales(tillId, asTillKey(keys[i]!), count, sample));
  }
  await builder.keys({
    storeId: 'S001',
    tills: TILLS.map((tillId, i) => ({
      tillId,
      keys: [{ keyId: keys[i]!.keyId, publicKey: keys[i]!.publicKey, source: 'enrollment', registeredAt: '2026-01-01T00:00:00.000Z' }],
      rotations: [],
    })),
  });
  const manifest = builder.manifest(TILLS, { keyId: archiveKey.keyId, publicKey: archiveKey.publicKey }, new Date().toISOString());
  for (const [name, bytes] of [
    [MANIFEST_FILE, manifest],
    [SIGNATURE_FILE, Buffer.from(`${archiveKey.sign(manifestSignatureMessage(manifest))}\n`)],
  ] as const) {
    const entry = zip.open(name);
    await entry.write(bytes);
    await entry.close();
  }
  await zip.end();
  out.end();
  await finished(out);
  log(
    `archive: ${records.toLocaleString('en')} sealed sales of ${TILLS.length} tills, ${(builder.written / 1e6).toFixed(0)} MB of JSON lines, ` +
      `${((await stat(file)).size / 1e6).toFixed(0)} MB zipped, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { sample, publicKeys: new Map(TILLS.map((t, i) => [t, keys[i]!.publicKey])) };
}

export async function measureArchiveVerification(options: {
  readonly records: number;
  readonly rounds: number;
  readonly log: (line: string) => void;
}): Promise<{ verifyPerS: number[]; rawPerS: number[]; threads: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-archive-'));
  try {
    const file = path.join(dir, 'archive.zip');
    const { sample, publicKeys } = await writeArchive(file, options.records, options.log);

    // The raw rate is measured before and after the verifier's rounds: on a shared machine the load moves.
    const inputs = sample.map((r) => recordHashInput(r.prevHash, r));
    const signatures = sample.map((r) => Buffer.from(r.signature, 'hex'));
    const keys = sample.map((r) => Buffer.from(publicKeys.get(r.tillId)!, 'hex'));
    const rawPerS: number[] = [];
    const raw = (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        for (let i = 0; i < inputs.length; i++) {
          const hash = nodeFiscalCrypto.sha256(inputs[i]!);
          if (!nodeFiscalCrypto.verifyEd25519(signatures[i]!, hash, keys[i]!)) throw new Error(`record ${i} does not verify`);
        }
        rawPerS.push(inputs.length / ((performance.now() - started) / 1000));
      }
    };

    raw(3);
    const verifyPerS: number[] = [];
    const threads = defaultSignatureThreads();
    for (let round = 0; round < options.rounds; round++) {
      const pool = new SignaturePool(threads);
      const zip = await openZip(file);
      const started = performance.now();
      const report = await verifyArchiveSource(zip, {
        crypto: nodeFiscalCrypto,
        hasher: () => createHash('sha256'),
        signatures: pool,
        batchSize: 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      await zip.close();
      await pool.close();
      if (!report.ok || report.checked.records !== options.records)
        throw new Error(`the bench archive did not verify: ${report.lines.slice(-5).join(' / ')}`);
      verifyPerS.push(options.records / seconds);
    }
    raw(3);
    return { verifyPerS, rawPerS, threads };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
