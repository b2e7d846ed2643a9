import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resign, testKey, TestTill, writeTestArchive } from '@pos/core/fiscal/archive/test-support/test-archive';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SYNC_SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundle alone in an empty folder, run by plain `node`: nothing installed beside it. */
describe('dist/verify-archive.mjs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pos-verifier-'));
    await run(process.execPath, [path.join(SYNC_SERVER, 'build.mjs'), '--verifier', '--out', path.join(dir, 'verify-archive.mjs')]);
    const key = testKey(1);
    const t1 = new TestTill('S001', 'T01', testKey(2));
    t1.start();
    for (let i = 1; i <= 3; i++) t1.sale(i);
    t1.rotate(testKey(3));
    for (let i = 4; i <= 6; i++) t1.sale(i);
    const files = await writeTestArchive([t1], key);
    await writeFile(path.join(dir, 'good.zip'), zipSync(Object.fromEntries(files)));
    const sales = new TextDecoder().decode(files.get('records/T01/sale.jsonl')).trimEnd().split('\n');
    files.set('records/T01/sale.jsonl', new TextEncoder().encode(`${sales.filter((_, i) => i !== 4).join('\n')}\n`));
    resign(files, key);
    await writeFile(path.join(dir, 'dropped.zip'), zipSync(Object.fromEntries(files)));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const verify = async (file: string) => {
    try {
      const { stdout } = await run(process.execPath, ['verify-archive.mjs', file], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  };

  it('verifies an archive and exits 0', async () => {
    const { code, stdout } = await verify('good.zip');
    expect(stdout).toContain('archive signature: valid');
    expect(stdout).toContain('closings: no closings in this archive');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('RESULT: OK: 8 records of 1 till verified');
    expect(code).toBe(0);
  });

  it('names the first bad record of an archive with a record dropped, and exits 1', async () => {
    const { code, stdout } = await verify('dropped.zip');
    expect(code).toBe(1);
    expect(stdout).toMatch(/FIRST BAD: records\/T01\/sale\.jsonl, line 5, till T01, chain sale, seq 6: \[sequence\]/);
  });

  it('exits 2 on a file that is not a zip', async () => {
    await writeFile(path.join(dir, 'not.zip'), 'hello');
    expect(await verify('not.zip')).toMatchObject({ code: 2, stdout: expect.stringContaining('not a zip file') });
  });
});
