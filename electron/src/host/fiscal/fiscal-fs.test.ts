import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from './fiscal-test-kit';
import { nodeFiscalFs, writeFileDurably, type FiscalFs } from './fiscal-fs';

let dir = '';
beforeEach(async () => void (dir = await makeTempDir()));
afterEach(() => removeDir(dir));

/** The real file system, recording the calls that matter for durability, in order. */
function recordingFs(calls: string[]): FiscalFs {
  const name = (file: string) => path.relative(dir, file) || '.';
  return {
    ...nodeFiscalFs,
    rename: async (from, to) => {
      calls.push(`rename ${name(from)} ${name(to)}`);
      await nodeFiscalFs.rename(from, to);
    },
    open: async (file, flags, mode) => {
      const handle = await nodeFiscalFs.open(file, flags, mode);
      return {
        write: handle.write.bind(handle),
        read: handle.read.bind(handle),
        datasync: handle.datasync.bind(handle),
        truncate: handle.truncate.bind(handle),
        sync: async () => {
          calls.push(`sync ${name(file)}`);
          await handle.sync();
        },
        close: handle.close.bind(handle),
      };
    },
  };
}

describe('writeFileDurably', () => {
  it('flushes the temporary file before the rename, and the folder after it', async () => {
    const calls: string[] = [];
    await writeFileDurably(recordingFs(calls), path.join(dir, 'key.json'), 'secret');
    expect(calls).toEqual(['sync key.json.tmp', 'rename key.json.tmp key.json', 'sync .']);
    expect(await readFile(path.join(dir, 'key.json'), 'utf8')).toBe('secret');
  });

  it('writes a secret with mode 0600 even over a temporary file a crash left with another mode', async () => {
    await writeFile(path.join(dir, 'key.json.tmp'), 'half', { mode: 0o644 });
    await writeFileDurably(nodeFiscalFs, path.join(dir, 'key.json'), 'secret');
    expect((await stat(path.join(dir, 'key.json'))).mode & 0o777).toBe(0o600);
  });
});
