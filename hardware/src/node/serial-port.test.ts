import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HungUpError, readUntilHangUp } from './serial-port';

const fds: number[] = [];
afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
});

/** A descriptor of a real file: reading it past its end gives 0 bytes, as a hung-up terminal does. */
function fileWith(content: string): number {
  const path = join(mkdtempSync(join(tmpdir(), 'serial-port-')), 'line');
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  fds.push(fd);
  return fd;
}

const port = (fd: number, open = true) => ({
  fd,
  isOpen: open,
  poller: {
    once: (_event: 'readable', callback: (error: Error | null) => void) => setImmediate(() => callback(null)),
  },
});

describe('a serial read', () => {
  it('returns the bytes there are', async () => {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await readUntilHangUp(port(fileWith('W\r')) as never, buffer, 0, 16);
    expect(buffer.subarray(0, bytesRead).toString()).toBe('W\r');
  });

  it('reports a hung-up line (a read of 0 bytes) as gone instead of reading it again forever', async () => {
    const fd = fileWith('');
    await expect(readUntilHangUp(port(fd) as never, Buffer.alloc(16), 0, 16)).rejects.toBeInstanceOf(HungUpError);
    await expect(readUntilHangUp(port(fd) as never, Buffer.alloc(16), 0, 16)).rejects.toMatchObject({ disconnect: true });
  });

  it('ends as canceled, not as a loss, on a port closed by its owner', async () => {
    await expect(readUntilHangUp(port(fileWith('x'), false) as never, Buffer.alloc(16), 0, 16)).rejects.toMatchObject({ canceled: true });
  });
});
