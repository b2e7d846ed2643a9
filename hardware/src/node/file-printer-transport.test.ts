import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilePrinterTransport } from './file-printer-transport';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-file-printer-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('file printer transport', () => {
  it('appends each receipt to the file', async () => {
    const path = join(dir, 'receipts.bin');
    const transport = createFilePrinterTransport({ path });
    expect(transport.target).toBe(`file:${path}`);
    expect(await transport.probe()).toEqual({ reachable: true });
    expect(await transport.write(Uint8Array.of(0x1b, 0x40, 0x41))).toEqual({ status: 'sent', bytes: 3 });
    expect(await transport.write(Uint8Array.of(0x42, 0x0a))).toEqual({ status: 'sent', bytes: 2 });
    expect([...readFileSync(path)]).toEqual([0x1b, 0x40, 0x41, 0x42, 0x0a]);
  });

  it('keeps receipts whole when they are written at the same time', async () => {
    const path = join(dir, 'receipts.bin');
    const transport = createFilePrinterTransport({ path });
    const receipts = Array.from({ length: 8 }, (_, i) => new Uint8Array(4096).fill(0x30 + i));
    await Promise.all(receipts.map((r) => transport.write(r)));
    const written = readFileSync(path);
    expect(written.length).toBe(8 * 4096);
    for (let i = 0; i < 8; i++) expect(new Set(written.subarray(i * 4096, (i + 1) * 4096)).size).toBe(1);
  });

  it('fails as unreachable when the folder does not exist', async () => {
    const transport = createFilePrinterTransport({ path: join(dir, 'missing', 'receipts.bin') });
    const outcome = await transport.write(Uint8Array.of(0x41));
    expect(outcome).toEqual({ status: 'failed', reason: 'unreachable', message: expect.stringContaining('does not exist') });
    expect((await transport.probe()).reachable).toBe(false);
  });

  it('does not create a device node that has gone away: the printer is reported unplugged', async () => {
    const transport = createFilePrinterTransport({ path: '/dev/usb/pos-test-no-such-printer' });
    const outcome = await transport.write(Uint8Array.of(0x41));
    expect(outcome).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/no printer at \/dev\/usb\/pos-test-no-such-printer: is it plugged in/);
    expect(existsSync('/dev/usb/pos-test-no-such-printer')).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('fails as unreachable when it may not write', async () => {
    const path = join(dir, 'readonly.bin');
    await createFilePrinterTransport({ path }).write(Uint8Array.of(0x41));
    chmodSync(path, 0o444);
    expect(await createFilePrinterTransport({ path }).write(Uint8Array.of(0x41))).toMatchObject({
      status: 'failed',
      reason: 'unreachable',
    });
  });

  it('answers timeout when the device blocks (a FIFO nobody reads)', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const transport = createFilePrinterTransport({ path: fifo, timeoutMs: 100 });
    const started = Date.now();
    const outcome = await transport.write(Uint8Array.of(0x41));
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    // The open is still blocked in a pool thread: a second receipt must not stack another one.
    expect(await transport.write(Uint8Array.of(0x42))).toMatchObject({
      status: 'failed',
      reason: 'timeout',
      message: expect.stringContaining('previous receipt'),
    });
    // Unblock the pending open so the pool thread is released before the test ends.
    const { openSync, closeSync, constants } = await import('node:fs');
    closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
  });

  it('writes on a worker thread: while USB printers hang, the main thread ticks and fs/promises still works', async () => {
    const { execFileSync } = await import('node:child_process');
    const { readFile, writeFile } = await import('node:fs/promises');
    // More stuck printers than libuv has pool threads (4): with writes on the pool, readFile would hang.
    const fifos = Array.from({ length: 5 }, (_, i) => join(dir, `lp${i}`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    try {
      const outcomes = await Promise.all(
        fifos.map((path) => createFilePrinterTransport({ path, timeoutMs: 150 }).write(Uint8Array.of(0x41))),
      );
      expect(outcomes.map((o) => o.status === 'failed' && o.reason)).toEqual(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
      // A blocked main thread would tick once at most; a loaded CI machine ticks fewer than 15.
      expect(ticks).toBeGreaterThanOrEqual(3);
      const other = join(dir, 'other.txt');
      await writeFile(other, 'still here');
      const started = Date.now();
      expect(await readFile(other, 'utf8')).toBe('still here');
      // On the pool it would wait for the stuck printers; loose for a loaded machine.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      clearInterval(ticker);
      const { openSync, closeSync, constants } = await import('node:fs');
      for (const fifo of fifos) closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
    }
  });

  it('refuses receipts once closed', async () => {
    const transport = createFilePrinterTransport({ path: join(dir, 'r.bin') });
    await transport.close();
    expect(await transport.write(Uint8Array.of(0x41))).toMatchObject({ status: 'failed', reason: 'io' });
  });
});
