import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../test-support/cleanups';
import { conditionsOf } from '../common/printer/printer-sensors';
import { socat, startPtyPair } from '../test-support/pty-pair';
import { startSerialStatusPrinter } from '../test-support/serial-status-printer';
import { createSerialPrinterTransport } from './serial-printer-transport';

/** Reads `path` until `done(bytes so far)` holds. */
function readUntil(path: string, done: (received: Buffer) => boolean, timeoutMs = 2000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const reader = new SerialPort({ path, baudRate: 9600 });
    const timer = setTimeout(() => reader.close(() => reject(new Error(`read only ${received.length} bytes`))), timeoutMs);
    reader.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!done(received)) return;
      clearTimeout(timer);
      reader.close(() => resolve(received));
    });
    reader.on('error', reject);
  });
}

const cleanups = cleanupsAfterEach();

describe.skipIf(!socat && process.env.CI !== 'true')('serial printer transport through a socat pty pair', () => {
  it('delivers the receipt bytes exactly, and keeps the port open between receipts', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const transport = createSerialPrinterTransport({ path: pair.a, baudRate: 19200, writeTimeoutMs: 2000 });
    cleanups.push(() => transport.close());
    const first = Uint8Array.from({ length: 1500 }, (_, i) => i % 256);
    const second = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x01);
    const received = readUntil(pair.b, (r) => r.length >= first.length + second.length);
    // Let the reader open its end before anything is written.
    await new Promise((r) => setTimeout(r, 50));
    expect(transport.target).toBe(`serial:${pair.a}?baud=19200&rtscts=0`);
    expect(await transport.probe()).toEqual({ reachable: true });
    expect(await transport.write(first)).toEqual({ status: 'sent', bytes: first.length });
    expect(await transport.write(second)).toEqual({ status: 'sent', bytes: second.length });
    expect([...(await received)]).toEqual([...first, ...second]);
  });

  it('times out when nobody takes the bytes, then reopens the port for the next receipt', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const transport = createSerialPrinterTransport({ path: pair.a, writeTimeoutMs: 300 });
    cleanups.push(() => transport.close());
    // Far more than the pty and socat buffers hold while nothing reads the other end.
    const started = Date.now();
    const outcome = await transport.write(new Uint8Array(4 * 1024 * 1024).fill(0x41));
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: 'timeout',
      message: expect.stringContaining(`did not take the receipt within 0.3 s`),
    });
    expect(Date.now() - started).toBeLessThan(1500);

    const marker = Buffer.from('NEXT RECEIPT\n');
    // Whatever socat still held of the stuck receipt comes out first.
    const received = readUntil(pair.b, (r) => r.subarray(-marker.length).equals(marker));
    await new Promise((r) => setTimeout(r, 50));
    expect(await transport.write(marker)).toEqual({ status: 'sent', bytes: marker.length });
    expect((await received).subarray(-marker.length).toString()).toBe('NEXT RECEIPT\n');
  });
});

describe.skipIf(!socat && process.env.CI !== 'true')('the status of a serial printer (DLE EOT over the cable)', () => {
  it('reads paper out and the drawer switch, and says plainly when the printer does not answer', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const printer = await startSerialStatusPrinter(pair.b, { paperOut: true, drawerOpen: true });
    cleanups.push(() => printer.close());
    const transport = createSerialPrinterTransport({ path: pair.a, statusTimeoutMs: 500 });
    cleanups.push(() => transport.close());
    const reading = await transport.queryStatus();
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(conditionsOf(reading.sensors)).toEqual(expect.arrayContaining(['paper-end']));
    await printer.close();
    expect(await transport.queryStatus()).toMatchObject({
      ok: false,
      reason: 'no-reply',
      message: expect.stringMatching(/did not answer a status request within 0.5 s/),
    });
  });
});

describe('serial printer transport, without a device', () => {
  it('fails as unreachable, in plain words, when the port does not exist', async () => {
    const transport = createSerialPrinterTransport({ path: '/dev/ttyPOS-TEST-MISSING' });
    const outcome = await transport.write(Uint8Array.of(0x41));
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'unreachable',
      message: 'There is no serial port /dev/ttyPOS-TEST-MISSING: is the printer (or its USB adapter) plugged in?',
    });
    expect(await transport.probe()).toMatchObject({ reachable: false });
  });

  it('fails as io when the path is not a serial port', async () => {
    const outcome = await createSerialPrinterTransport({ path: '/dev/null' }).write(Uint8Array.of(0x41));
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: 'io',
      message: expect.stringContaining('Could not open the serial port /dev/null'),
    });
  });
});
