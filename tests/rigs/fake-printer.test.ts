import { encodeReceipt, ESC_POS_80 } from '@pos/hardware/common';
import { createPrinterTransport, createTcpPrinterTransport, parsePrinterTarget } from '@pos/hardware/node';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReceipt } from '../../hardware/src/common/test-support/sample-receipt';
import { startFakePrinter, stopFakePrinter, type FakePrinterRig } from './fake-printer';

/*
 * The TCP transport against the fake network printer. These live here rather than beside the
 * transport because hardware/src/node may not import hardware/src/fake (lint/rooms.js).
 */
let printer: FakePrinterRig | undefined;
afterEach(async () => {
  await stopFakePrinter(printer);
  printer = undefined;
});

const receipt = encodeReceipt(sampleReceipt(42), ESC_POS_80);

describe('TCP printer transport against the fake network printer', () => {
  it('delivers the receipt exactly, and only reports "sent" once the printer has it all', async () => {
    printer = await startFakePrinter();
    const parsed = parsePrinterTarget(printer.target);
    if (!parsed.ok) throw new Error(parsed.error);
    const transport = createPrinterTransport(parsed.target, { connectTimeoutMs: 500, writeTimeoutMs: 1000 });
    expect(transport.target).toBe(printer.target);
    expect(await transport.write(receipt)).toEqual({ status: 'sent', bytes: receipt.length });
    expect(printer.receipts).toHaveLength(1);
    expect(Buffer.from(receipt).equals(printer.receipts[0]!)).toBe(true);
    await transport.close();
  });

  it('sends receipts written at the same time one after the other, each on its own connection', async () => {
    printer = await startFakePrinter();
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port });
    const receipts = [1, 2, 3].map((n) => Buffer.from(`receipt ${n}\n`));
    const outcomes = await Promise.all(receipts.map((r) => transport.write(r)));
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    expect(await printer.waitForReceipts(3)).toEqual(receipts);
  });

  it('probes a printer that is there', async () => {
    printer = await startFakePrinter();
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port });
    expect(await transport.probe()).toEqual({ reachable: true });
    expect(printer.receipts).toEqual([]);
  });

  it('reports a switched-off printer (connection refused) as unreachable, naming its address', async () => {
    printer = await startFakePrinter({ mode: { kind: 'refuse' } });
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port });
    const outcome = await transport.write(receipt);
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'unreachable',
      message: `Nothing answers at 127.0.0.1:${printer.port} (connection refused): is the printer switched on, and is this its address?`,
    });
    expect(await transport.probe()).toMatchObject({ reachable: false, message: expect.stringContaining('connection refused') });
  });

  it('reports a connection reset in the middle of the receipt as io', async () => {
    printer = await startFakePrinter({ mode: { kind: 'reset-after-bytes', bytes: 200 } });
    // Big enough that the reset surely lands before the printer could have read it all.
    const big = new Uint8Array(512 * 1024).fill(0x41);
    const outcome = await createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port, writeTimeoutMs: 2000 }).write(big);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'io', message: expect.stringContaining('in the middle of the receipt') });
    expect(printer.cutOff[0]?.length).toBe(200);
    expect(printer.receipts).toEqual([]);
  });

  it('reports a reset after a whole small receipt went out as io too: the printer never confirmed it', async () => {
    printer = await startFakePrinter({ mode: { kind: 'reset-after-bytes', bytes: 100 } });
    const outcome = await createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port, writeTimeoutMs: 2000 }).write(receipt);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'io' });
  });

  it('times out on a printer that accepts the connection and never takes the receipt, within the timeout', async () => {
    printer = await startFakePrinter({ mode: { kind: 'hang' } });
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port, writeTimeoutMs: 300 });
    const started = Date.now();
    const outcome = await transport.write(receipt);
    const elapsed = Date.now() - started;
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timeout', message: expect.stringContaining('may or may not have printed') });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
  });

  it('comes back when the printer does: refused, then sent', async () => {
    printer = await startFakePrinter({ mode: { kind: 'refuse' } });
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port });
    expect((await transport.write(receipt)).status).toBe('failed');
    await printer.setMode({ kind: 'normal' });
    expect(await transport.write(receipt)).toEqual({ status: 'sent', bytes: receipt.length });
  });

  it('answers a write in progress when the transport is closed', async () => {
    printer = await startFakePrinter({ mode: { kind: 'hang' } });
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port, writeTimeoutMs: 10_000 });
    const pending = transport.write(receipt);
    await new Promise((r) => setTimeout(r, 50));
    await transport.close();
    expect(await pending).toMatchObject({ status: 'failed', reason: 'io' });
    expect(await transport.write(receipt)).toMatchObject({ status: 'failed', reason: 'io' });
  });
});

describe('fake printer rig', () => {
  it('waits for receipts and gives up with a clear error', async () => {
    printer = await startFakePrinter();
    await expect(printer.waitForReceipts(1, 50)).rejects.toThrow('The fake printer got 0 of 1 receipts within 50 ms');
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: printer.port });
    const waiting = printer.waitForReceipts(2, 2000);
    await transport.write(Uint8Array.of(0x41));
    await transport.write(Uint8Array.of(0x42));
    expect((await waiting).map(String)).toEqual(['A', 'B']);
  });
});
