import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { verifyArchiveSource } from '@pos/core/fiscal/archive/verify-archive';
import { nodeFiscalCrypto } from '../fiscal/node-fiscal-crypto';
import { SignaturePool } from '../fiscal/signature-pool';
import { openZip } from './zip-reader';

const USAGE = `Usage: node verify-archive.mjs archive.zip [--archive-key HEX] [--json]

  Verifies a signed fiscal archive: every file's SHA-256 against the manifest, the manifest's
  signature, every record's shape, hash, link, signature (by its till's key of the time, following
  key rotations), gap-free sequences, records of another till, a tail cut short, closings' totals.
  --archive-key  the hub archive key you trust (public key or key id, hex): the manifest must be signed by it
  --json         the report as JSON on the last line
Exit code: 0 valid, 1 not valid, 2 unreadable or wrong usage.`;

/**
 * The independent archive verifier's command line (docs/fiscal.md §12): prints each check and
 * names the first bad record; 0 when the archive verifies, 1 when it does not, 2 when it cannot be
 * read or the command is wrong.
 */
export async function verifyArchiveCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'archive-key': { type: 'string' },
        json: { type: 'boolean' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    print(`verify-archive: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    print(USAGE);
    return values.help ? 0 : 2;
  }
  const path = positionals[0]!;
  let zip;
  try {
    zip = await openZip(path);
  } catch (error) {
    print(`verify-archive: cannot read ${path}: ${(error as Error).message}`);
    return 2;
  }
  const threads = Number(values.threads) || Math.max(1, Math.min(4, availableParallelism() - 1));
  const pool = new SignaturePool(threads);
  try {
    print(`Verifying ${path}`);
    const report = await verifyArchiveSource(zip, {
      crypto: nodeFiscalCrypto,
      hasher: () => createHash('sha256'),
      signatures: pool,
      batchSize: 1024,
      ...(values['archive-key'] ? { archiveKey: values['archive-key'] } : {}),
      onLine: print,
    });
    if (values.json)
      print(JSON.stringify({ ok: report.ok, checked: report.checked, firstBad: report.firstBad, problems: report.problems }));
    return report.ok ? 0 : 1;
  } catch (error) {
    print(`verify-archive: ${path} could not be read to the end: ${(error as Error).message}`);
    return 2;
  } finally {
    await pool.close();
    await zip.close();
  }
}
