import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SealedRecord } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArchiveCommand } from '../archive-verifier/verify-archive-command';
import { openDatabase } from '../db/open-database';
import { createHub } from '../server';
import { collect } from '../test-support/output-collector';
import { pgliteTemplate } from '../test-support/pglite-template';
import { client, enrolledTills } from '../test-support/test-hub';
import { runCli } from './run-cli';

/** `npm run hub -- archive …` on a PGlite data directory no hub holds: the database opened by the command. */
describe('hub command line: archive', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-hub-archive-'));
    const db = await openDatabase({ kind: 'pglite', dataDir, template: await pgliteTemplate() });
    const hub = await createHub({ database: db, port: 0, rateLimit: false });
    try {
      const [till] = await enrolledTills(db, 'S001', ['T01']);
      const t = till!.chains;
      const records: SealedRecord[] = [t.start(), t.sale('s1'), t.sale('s2'), t.sale('s3')];
      for (const reply of await client(hub, till!).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await hub.catchUp();
    } finally {
      await hub.close();
      await db.close();
    }
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const cli = async (...argv: string[]) => {
    const out = collect();
    const err = collect();
    const code = await runCli([...argv, '--data-dir', dataDir], {
      stdout: out.stream,
      stderr: err.stream,
      env: {},
      untilStopped: () => new Promise(() => undefined),
    });
    return { code, out: out.text(), err: err.text() };
  };

  it('writes the archive with a progress line, and it verifies', async () => {
    const file = path.join(dataDir, 'archive.zip');
    const result = await cli('archive', '--store', 'S001', '--from', '2026-01-01', '--to', '2026-12-31', '--out', file);
    expect(result.err).toContain('archive: ');
    expect(result.out).toMatch(
      /Archive of store S001, 2026-01-01 to 2026-12-31: 4 records of 1 till\(s\) in .*archive\.zip, signed by archive key [0-9a-f]{16} \(logged as JET 30/,
    );
    expect(result.code).toBe(0);
    const lines: string[] = [];
    expect(await verifyArchiveCommand([file], (l) => lines.push(l))).toBe(0);
  });

  it('refuses a period of more than twelve months, and says what it needs', async () => {
    const result = await cli(
      'archive',
      '--store',
      'S001',
      '--from',
      '2025-06-01',
      '--to',
      '2026-06-01',
      '--out',
      path.join(dataDir, 'x.zip'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/longer than 12 months/);
    expect((await cli('archive', '--store', 'S001', '--from', '2026-01-01', '--to', '2026-12-31')).err).toMatch(/--out is required/);
  });
});
