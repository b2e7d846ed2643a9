import type { PrinterStatus } from '@pos/core';
import { buildDrawerKickJob, buildPrintJob, ESC_POS_80, trailingProcessId } from '@pos/hardware/common';
import { createConfirmingTcpPrinter, createPrinterStatusMonitor, type ConfirmingTcpPrinter } from '@pos/hardware/node';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReceipt } from '../../hardware/src/common/test-support/sample-receipt';
import { startFakePrinter, stopFakePrinter, type FakePrinterRig } from './fake-printer';

/*
 * Printer faults, end to end on 127.0.0.1: the confirming TCP printer and the status monitor
 * against the fake network printer. Each test is one fault.
 */
let printer: FakePrinterRig | undefined;
let transport: ConfirmingTcpPrinter | undefined;
afterEach(async () => {
  await transport?.close();
  await stopFakePrinter(printer);
  printer = undefined;
  transport = undefined;
});

const cashJob = (id = '0001') => buildPrintJob(sampleReceipt(42), ESC_POS_80, { processId: id, openDrawer: true });

async function setUp(options: Parameters<typeof startFakePrinter>[0] = {}, timeouts = { completionTimeoutMs: 400 }) {
  printer = await startFakePrinter({ printDelayMs: 5, ...options });
  transport = createConfirmingTcpPrinter({
    host: '127.0.0.1',
    port: printer.port,
    connectTimeoutMs: 500,
    writeTimeoutMs: 1000,
    statusTimeoutMs: 500,
    ...timeouts,
  });
  return { printer, transport };
}

describe('printer faults against the fake network printer', () => {
  it('completion confirmed: the printer answers our process ID → printed', async () => {
    const { printer, transport } = await setUp();
    const job = cashJob('0042');
    expect(trailingProcessId(job.bytes)).toBe('0042');
    expect(await transport.write(job.bytes)).toEqual({ status: 'printed', bytes: job.bytes.length });
    expect(printer.confirmed).toEqual(['0042']);
    expect(Buffer.from(job.bytes).equals((await printer.waitForReceipts(1))[0]!)).toBe(true);
  });

  it('no confirmation: a printer that ignores GS ( H → sent after the completion timeout, and never sent again', async () => {
    const { printer, transport } = await setUp({ answersProcessId: false }, { completionTimeoutMs: 150 });
    const job = cashJob('0007');
    const started = Date.now();
    expect(await transport.write(job.bytes)).toEqual({ status: 'sent', bytes: job.bytes.length });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(printer.receipts).toHaveLength(1);
    expect(printer.confirmed).toEqual([]);
  });

  it('a printer that goes offline for no reason it reports: the ASB stops the wait → sent, not printed', async () => {
    const { printer, transport } = await setUp({ status: { offline: true } }, { completionTimeoutMs: 5000 });
    const started = Date.now();
    expect((await transport.write(cashJob().bytes)).status).toBe('sent');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(printer.confirmed).toEqual([]);
  });

  it('paper out: status conditions are ["paper-end"] and the job is not "printed"', async () => {
    const { printer, transport } = await setUp({ status: { paperOut: true } }, { completionTimeoutMs: 5000 });
    const monitor = createPrinterStatusMonitor({ source: transport, intervalMs: 60_000 });
    expect(await monitor.refresh()).toMatchObject({ state: 'offline', conditions: ['paper-end'] });
    const started = Date.now();
    const outcome = await transport.write(cashJob().bytes);
    expect(outcome.status).toBe('sent');
    // The ASB turned on by the job said "paper end" at once: no wait for the completion timeout.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(printer.confirmed).toEqual([]);
  });

  it('cover open: status conditions are ["cover-open"]', async () => {
    const { transport } = await setUp({ status: { coverOpen: true } });
    const monitor = createPrinterStatusMonitor({ source: transport });
    expect(await monitor.refresh()).toMatchObject({ state: 'offline', conditions: ['cover-open'] });
  });

  it('printer unreachable (connection refused) → failed unreachable, for jobs and status', async () => {
    const { transport } = await setUp({ mode: { kind: 'refuse' } });
    expect(await transport.write(cashJob().bytes)).toMatchObject({ status: 'failed', reason: 'unreachable' });
    const monitor = createPrinterStatusMonitor({ source: transport });
    expect(await monitor.refresh()).toMatchObject({ state: 'offline', message: expect.stringContaining('connection refused') });
  });

  it('connection reset mid-receipt → failed io, and the receipt is not sent again', async () => {
    const { printer, transport } = await setUp({ mode: { kind: 'reset-after-bytes', bytes: 200 } });
    const job = cashJob();
    expect(await transport.write(job.bytes)).toMatchObject({ status: 'failed', reason: 'io' });
    await new Promise((r) => setTimeout(r, 100));
    expect(printer.cutOff).toHaveLength(1);
    expect(printer.receipts).toEqual([]);
  });

  it('drawer kick: ESC p reaches the fake, and the monitor then reports drawer-open', async () => {
    const { printer, transport } = await setUp();
    const monitor = createPrinterStatusMonitor({ source: transport, drawerOpenWhen: ESC_POS_80.drawer?.openWhen ?? 'high' });
    const seen: PrinterStatus[] = [];
    monitor.on('status', (s) => seen.push(s));
    expect(await monitor.refresh()).toMatchObject({ state: 'ready', conditions: [] });
    expect(await transport.write(buildDrawerKickJob(ESC_POS_80)!)).toMatchObject({ status: 'sent' });
    expect(printer.drawerKicks).toEqual([{ pin: 2, onMs: 100, offMs: 500 }]);
    expect(await monitor.refresh()).toMatchObject({ state: 'ready', conditions: ['drawer-open'] });
    printer.setStatus({ drawerOpen: false });
    await monitor.refresh();
    expect(seen.map((s) => s.conditions)).toEqual([[], ['drawer-open'], []]);
  });

  it('the monitor polls every interval through the same queue as the jobs', async () => {
    const { printer, transport } = await setUp();
    const monitor = createPrinterStatusMonitor({ source: transport, intervalMs: 50 });
    await monitor.open();
    const printing = transport.write(cashJob('0100').bytes);
    printer.setStatus({ paperNearEnd: true });
    expect(await printing).toMatchObject({ status: 'printed' });
    await new Promise((r) => setTimeout(r, 150));
    // The cash job kicked the drawer open.
    expect(monitor.printerStatus()).toMatchObject({ state: 'ready', conditions: ['paper-near-end', 'drawer-open'] });
    expect(printer.statusQueries).toBeGreaterThanOrEqual(2);
    expect(printer.receipts).toHaveLength(1);
    await monitor.close();
  });
});
