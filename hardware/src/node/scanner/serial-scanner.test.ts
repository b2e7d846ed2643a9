import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import type { ScanSuffix } from '../../common/scanner/serial-scan-framer';
import type { ScannerDriver } from '../../common/scanner/scanner-types';
import { cleanupsAfterEach } from '../../test-support/cleanups';
import { socat, startPtyPair, type PtyPair } from '../../test-support/pty-pair';
import { recordScannerEvents } from '../../test-support/scanner-events';
import { until } from '../../test-support/until';
import { createSerialScanner } from './serial-scanner';

const cleanups = cleanupsAfterEach();

/** The scanner's end of the cable: writes what a scanner would send. */
async function scannerEnd(pair: PtyPair): Promise<(bytes: string | Uint8Array) => Promise<void>> {
  const port = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  cleanups.push(() => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return (bytes) =>
    new Promise((resolve, reject) => port.write(Buffer.from(bytes), (error) => (error ? reject(error) : port.drain(() => resolve()))));
}

async function startScanner(options: { suffix?: ScanSuffix; aimPrefix?: boolean; maxFrameBytes?: number } = {}) {
  const pair = await startPtyPair();
  cleanups.push(pair.stop);
  const driver: ScannerDriver = createSerialScanner({ path: pair.a, reconnectIntervalMs: 50, ...options });
  cleanups.push(() => driver.close());
  const events = recordScannerEvents(driver);
  await driver.open();
  const send = await scannerEnd(pair);
  return { pair, driver, ...events, send };
}

describe.skipIf(!socat && process.env.CI !== 'true')('serial scanner through a socat pty pair', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const)('reads codes ended by %s', async (suffix, end) => {
    const { driver, scans, pair, send } = await startScanner({ suffix });
    expect(driver.status()).toEqual({ state: 'ready', message: `Scanner on ${pair.a} ready (9600 baud, suffix ${suffix}).` });
    await send(`3760000000017${end}SHELF-`);
    await send(`42${end}`);
    await until(() => scans.length === 2);
    expect(scans).toEqual([
      { code: '3760000000017', source: 'serial' },
      { code: 'SHELF-42', source: 'serial' },
    ]);
  });

  it('splits off the AIM identifier prefix and keeps GS1 separators', async () => {
    const { scans, send } = await startScanner({ aimPrefix: true });
    await send(']E03760000000017\r]C10109501101530003\u001d10AB\r');
    await until(() => scans.length === 2);
    expect(scans).toEqual([
      { code: '3760000000017', aim: ']E0', symbology: 'ean-13', source: 'serial' },
      { code: '0109501101530003\u001d10AB', aim: ']C1', symbology: 'gs1-128', source: 'serial' },
    ]);
  });

  it('garbled bytes and an oversized frame give an error status, then the next code reads fine', async () => {
    const { driver, scans, statuses, send } = await startScanner({ maxFrameBytes: 64 });
    await send(Uint8Array.of(0x8f, 0x01, 0x13, 0x0d));
    await until(() => driver.status().state === 'error');
    expect(driver.status().message).toContain('unreadable bytes (0x01 at position 2)');
    await send('9'.repeat(200));
    await until(() => statuses.some((s) => s.message?.includes('more than 64 bytes without a CR suffix')));
    await send('\rOK-1\r');
    await until(() => scans.length === 1);
    expect(scans).toEqual([{ code: 'OK-1', source: 'serial' }]);
    expect(driver.status().state).toBe('ready');
  });

  // With other pty pairs opening in a parallel worker, the serial binding once never reported this pty's
  // hang-up (one full suite in two; never when run alone, 3 runs). Each try asserts the whole behaviour.
  it(
    'cable pulled (pty pair closed): emits disconnected, drops a half-sent code, and keeps retrying quietly',
    { timeout: 15_000, retry: 2 },
    async () => {
      const { pair, driver, scans, disconnects, send } = await startScanner();
      await send('12345');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await pair.stop();
      // socat's exit and the port's read error take seconds on a loaded machine (the full suite on 2 cores).
      await until(() => disconnects.length === 1, 10_000);
      expect(disconnects[0]).toContain(`The scanner on ${pair.a} was disconnected in the middle of a code`);
      expect(driver.status()).toMatchObject({ state: 'disconnected', message: expect.stringContaining('Waiting for it to come back') });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(driver.status().state).toBe('disconnected');
      expect(scans).toEqual([]);
    },
  );
});

describe('serial scanner, without a device', () => {
  it('says in plain words that the port does not exist, and stops retrying on close', async () => {
    const driver = createSerialScanner({ path: '/dev/ttyPOS-SCANNER-MISSING', reconnectIntervalMs: 20 });
    await driver.open();
    expect(driver.status()).toEqual({
      state: 'error',
      message: 'There is no serial port /dev/ttyPOS-SCANNER-MISSING: is the scanner (or its USB adapter) plugged in?',
    });
    await driver.close();
    expect(driver.status()).toEqual({ state: 'closed' });
  });
});
