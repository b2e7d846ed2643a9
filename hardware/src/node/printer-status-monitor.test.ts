import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '@pos/core';
import { createPrinterStatusMonitor, type PrinterStatusMonitor } from './printer-status-monitor';
import type { PrinterStatusSource, StatusReading } from './printer-status-source';

/** A source that answers what the test puts in `next`, counting the queries. */
function scriptedSource(first: StatusReading): PrinterStatusSource & { next: StatusReading; queries: number } {
  const source = {
    target: 'tcp://10.0.0.7:9100',
    next: first,
    queries: 0,
    queryStatus: async () => {
      source.queries += 1;
      await new Promise((r) => setTimeout(r, 5));
      return source.next;
    },
  };
  return source;
}

const FINE: StatusReading = {
  ok: true,
  sensors: { offline: false, coverOpen: false, paperEnd: false, paperNearEnd: false, drawerSignalHigh: false },
};

let monitor: PrinterStatusMonitor | undefined;
afterEach(async () => {
  await monitor?.close();
  monitor = undefined;
});

describe('printer status monitor', () => {
  it('reads at once on open, then every interval, and tells only changes', async () => {
    const source = scriptedSource(FINE);
    monitor = createPrinterStatusMonitor({ source, intervalMs: 30 });
    const seen: PrinterStatus[] = [];
    monitor.on('status', (s) => seen.push(s));
    await monitor.open();
    expect(monitor.status()).toEqual({ state: 'ready' });
    expect(monitor.printerStatus()).toMatchObject({ state: 'ready', conditions: [], target: 'tcp://10.0.0.7:9100' });
    source.next = { ok: true, sensors: { ...FINE.sensors, paperEnd: true, offline: true } } as StatusReading;
    await new Promise((r) => setTimeout(r, 110));
    expect(source.queries).toBeGreaterThanOrEqual(3);
    expect(seen.map((s) => [s.state, s.conditions])).toEqual([
      ['ready', []],
      ['offline', ['paper-end']],
    ]);
    expect(monitor.status()).toEqual({ state: 'error', message: 'The printer is out of paper: put in a new roll.' });
  });

  it('answers on demand, sharing a poll already under way', async () => {
    const source = scriptedSource({ ok: true, sensors: { coverOpen: true, offline: true } });
    monitor = createPrinterStatusMonitor({ source, intervalMs: 60_000 });
    const [a, b] = await Promise.all([monitor.refresh(), monitor.refresh()]);
    expect(source.queries).toBe(1);
    expect(a).toBe(b);
    expect(a).toMatchObject({ state: 'offline', conditions: ['cover-open'] });
  });

  it('reports a printer that stops answering as offline and disconnected, and its return', async () => {
    const source = scriptedSource(FINE);
    monitor = createPrinterStatusMonitor({ source, intervalMs: 60_000 });
    const disconnected: string[] = [];
    monitor.on('disconnected', ({ reason }) => disconnected.push(reason));
    await monitor.open();
    source.next = { ok: false, reason: 'unreachable', message: 'Nothing answers at 10.0.0.7:9100' };
    expect(await monitor.refresh()).toMatchObject({ state: 'offline', message: 'Nothing answers at 10.0.0.7:9100' });
    expect(monitor.status()).toEqual({ state: 'disconnected', message: 'Nothing answers at 10.0.0.7:9100' });
    expect(disconnected).toEqual(['Nothing answers at 10.0.0.7:9100']);
    source.next = FINE;
    expect(await monitor.refresh()).toMatchObject({ state: 'ready' });
  });

  it('reads the drawer with the polarity it is given, and an open drawer still prints', async () => {
    const source = scriptedSource({ ok: true, sensors: { drawerSignalHigh: false } });
    monitor = createPrinterStatusMonitor({ source, drawerOpenWhen: 'low' });
    expect(await monitor.refresh()).toMatchObject({ state: 'ready', conditions: ['drawer-open'], message: 'The cash drawer is open.' });
  });

  it('keeps polling when a source throws despite its contract', async () => {
    monitor = createPrinterStatusMonitor({
      source: { target: 'x', queryStatus: () => Promise.reject(new Error('bug')) },
    });
    expect(await monitor.refresh()).toMatchObject({ state: 'offline', message: expect.stringContaining('bug') });
  });
});
