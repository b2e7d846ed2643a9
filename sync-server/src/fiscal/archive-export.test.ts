import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { SealedRecord } from '@pos/core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArchiveCommand } from '../archive-verifier/verify-archive-command';
import { openZip } from '../archive-verifier/zip-reader';
import { verifyArchiveSource } from '@pos/core/fiscal/archive/verify-archive';
import { adminHeaders } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';
import { newTillKey } from '../test-support/till-keys';
import { exportArchive } from './archive-export';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (argv: string[]) => {
  const lines: string[] = [];
  const code = await verifyArchiveCommand(argv, (line) => lines.push(line));
  return { code, lines };
};

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`fiscal archive on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;

    /** Two tills' chains pushed and verified by the hub: T1 rotates its key between its sales. */
    async function twoTills(): Promise<void> {
      const [t1, t2] = await enrolledTills(db(), 'S1', ['T1', 'T2']);
      const a = t1!.chains;
      const b = t2!.chains;
      const first: SealedRecord[] = [a.start(), a.sale('a1'), a.sale('a2'), a.rotate(newTillKey()), a.sale('a3'), a.sale('a4')];
      first.push(
        a.seal('duplicate', 'duplicate-a1-1', {
          type: 'duplicate',
          saleId: 'a1',
          receiptSeq: 1,
          duplicateNumber: 1,
          staffId: 'staff-camille',
        }),
      );
      first.push(a.start());
      for (const reply of await client(ctx().hub, t1!).pushRecords(first)) expect(reply).toEqual({ conflicts: [], errors: [] });
      const second = [b.start(), b.sale('b1'), b.sale('b2'), b.sale('b3')];
      for (const reply of await client(ctx().hub, t2!).pushRecords(second)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    }

    async function archiveFile(name: string): Promise<string> {
      const file = path.join(dir, `${target.name}-${name}.zip`);
      const out = createWriteStream(file);
      await exportArchive(db(), { storeId: 'S1', from: '2026-01-01', to: '2026-12-31', requestedBy: 'test' }, out);
      out.end();
      await finished(out);
      return file;
    }

    it('writes a signed zip that verifies: records per till and chain, the sales as CSV, keys and the rotation, logged', async () => {
      await twoTills();
      const file = await archiveFile('whole');
      const names = Object.keys(unzipSync(await readFile(file))).sort();
      expect(names).toEqual([
        'keys.json',
        'manifest.json',
        'manifest.sig',
        'records/T1/duplicate.jsonl',
        'records/T1/event.jsonl',
        'records/T1/sale.csv',
        'records/T1/sale.jsonl',
        'records/T2/event.jsonl',
        'records/T2/sale.csv',
        'records/T2/sale.jsonl',
      ]);
      const csv = new TextDecoder()
        .decode(unzipSync(await readFile(file))['records/T1/sale.csv'])
        .trimEnd()
        .split('\n');
      expect(csv).toHaveLength(5);
      expect(csv[0]).toMatch(/^seq,sealed_at,sale_id,/);
      const zip = await openZip(file);
      const report = await verifyArchiveSource(zip, { crypto: nodeFiscalCrypto });
      await zip.close();
      expect(report.problems).toEqual([]);
      expect(report.checked).toMatchObject({ tills: 2, chains: 5, records: 12, signatures: 12 });
      const [log] = await db().query<{ store_id: string; jet_code: number; records: number; requested_by: string }>(
        'SELECT store_id, jet_code, records::float8 AS records, requested_by FROM archive_log',
      );
      expect(log).toEqual({ store_id: 'S1', jet_code: 30, records: 12, requested_by: 'test' });

      const { code, lines } = await run([file]);
      expect(code).toBe(0);
      expect(lines).toContain('closings: no closings in this archive');
      expect(lines.at(-1)).toBe('RESULT: OK: 12 records of 2 tills verified');
    });

    it('the verifier names a byte flipped inside the zip, and an archive key not the one given', async () => {
      await twoTills();
      const file = await archiveFile('flipped');
      const bytes = await readFile(file);
      // A byte of the first file's compressed data (T1's events): it no longer inflates, or not to the same bytes.
      bytes[200] = bytes[200]! ^ 0xff;
      const broken = path.join(dir, `${target.name}-broken.zip`);
      await writeFile(broken, bytes);
      const flipped = await run([broken]);
      expect(flipped.code).toBe(1);
      expect(flipped.lines.find((l) => l.startsWith('FIRST BAD'))).toContain('records/T1/event.jsonl');

      const pinned = await run([file, '--archive-key', '0123456789abcdef']);
      expect(pinned.code).toBe(1);
      expect(pinned.lines.join('\n')).toMatch(/\[archive-key\] signed by archive key [0-9a-f]{16}, not the key given/);
    });

    it('streams the archive from the admin route, and refuses a period of more than twelve months', async () => {
      await twoTills();
      const headers = await adminHeaders(db());
      const res = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/archive?from=2026-01-01&to=2026-12-31',
        headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const file = path.join(dir, `${target.name}-route.zip`);
      await writeFile(file, res.rawPayload);
      expect((await run([file])).code).toBe(0);

      const long = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/archive?from=2026-01-01&to=2027-01-01',
        headers,
      });
      expect(long.statusCode).toBe(400);
      expect(long.json()).toMatchObject({ message: expect.stringMatching(/longer than 12 months/) });
      const unknown = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S9/archive?from=2026-01-01&to=2026-12-31',
        headers,
      });
      expect(unknown.statusCode).toBe(404);
      const anonymous = await ctx().hub.app.inject({ method: 'GET', url: '/api/v1/admin/stores/S1/archive?from=2026-01-01&to=2026-12-31' });
      expect(anonymous.statusCode).toBe(401);
    });
  });
}
