import type { PrinterCondition, PrinterStatus } from '@pos/core';
import { TypedEvents, type DeviceStatus, type Driver } from '../common/device';
import { conditionsOf, printerStateOf } from '../common/printer/printer-sensors';
import type { PrinterStatusSource, StatusReading } from './printer-status-source';

export type PrinterStatusMonitorOptions = {
  readonly source: PrinterStatusSource;
  /** Default 5 s. */
  readonly intervalMs?: number;
  /** The drawer switch level that means "open" (the profile's drawer.openWhen). Default 'high'. */
  readonly drawerOpenWhen?: 'high' | 'low';
  /** For tests. */
  readonly now?: () => Date;
};

export type PrinterStatusMonitorEvents = {
  /** The printer's status, each time its state, conditions or message change. */
  readonly status: PrinterStatus;
  /** Every reading, changed or not. */
  readonly data: StatusReading;
  /** The printer stopped answering (it was answering before). */
  readonly disconnected: { readonly reason: string };
};

export type PrinterStatusMonitor = Driver<PrinterStatusMonitorEvents> & {
  /** Asks now (a cashier pressed "check printer"); a poll already under way is shared, not doubled. */
  refresh(): Promise<PrinterStatus>;
  printerStatus(): PrinterStatus;
};

const CONDITION_WORDS: Record<PrinterCondition, string> = {
  'paper-end': 'The printer is out of paper: put in a new roll.',
  'cover-open': 'The printer cover is open: close it.',
  error:
    'The printer reports an error (cutter jam or mechanism): open the cover, clear it, close it; if it stays, switch the printer off and on.',
  offline: 'The printer is offline.',
  'paper-near-end': 'The paper roll is nearly finished.',
  'drawer-open': 'The cash drawer is open.',
};

/**
 * Polls a printer's status (DLE EOT 1–4 or Star ASB, through the source) every `intervalMs` and
 * on demand, and tells listeners when it changes. It owns no connection: the source decides how
 * to reach the printer (the confirming TCP printer shares its queue with the jobs).
 * `status()` is the monitor's own shape (device.ts): 'ready' while the printer can print,
 * 'error' while it reports a condition that stops printing, 'disconnected' while it does not answer.
 */
export function createPrinterStatusMonitor(options: PrinterStatusMonitorOptions): PrinterStatusMonitor {
  const { source } = options;
  const intervalMs = options.intervalMs ?? 5000;
  const now = options.now ?? (() => new Date());
  const events = new TypedEvents<PrinterStatusMonitorEvents>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<PrinterStatus> | null = null;
  let device: DeviceStatus = { state: 'closed' };
  let current: PrinterStatus = { state: 'none', target: source.target, checkedAt: now().toISOString() };
  let answered = false;

  const toStatus = (reading: StatusReading): PrinterStatus => {
    const checkedAt = now().toISOString();
    if (!reading.ok) return { state: 'offline', target: source.target, message: reading.message, checkedAt };
    const conditions = conditionsOf(reading.sensors, options.drawerOpenWhen ?? 'high');
    const state = printerStateOf(conditions);
    const words = conditions.map((c) => CONDITION_WORDS[c]).join(' ');
    return { state, conditions, target: source.target, ...(words ? { message: words } : {}), checkedAt };
  };

  const same = (a: PrinterStatus, b: PrinterStatus) =>
    a.state === b.state && a.message === b.message && (a.conditions ?? []).join() === (b.conditions ?? []).join();

  const poll = (): Promise<PrinterStatus> => {
    polling ??= (async () => {
      let reading: StatusReading;
      try {
        reading = await source.queryStatus();
      } catch (error) {
        // Sources never throw by contract; a bug in one must not stop the polling.
        reading = { ok: false, reason: 'io', message: `The printer status could not be read: ${String(error)}` };
      }
      events.emit('data', reading);
      const next = toStatus(reading);
      const changed = !same(current, next);
      current = next;
      if (device.state !== 'closed') {
        device = !reading.ok
          ? { state: 'disconnected', message: reading.message }
          : next.state === 'ready'
            ? { state: 'ready' }
            : { state: 'error', ...(next.message ? { message: next.message } : {}) };
      }
      if (!reading.ok && answered) events.emit('disconnected', { reason: reading.message });
      answered = reading.ok;
      if (changed) events.emit('status', current);
      return current;
    })().finally(() => {
      polling = null;
    });
    return polling;
  };

  return {
    async open() {
      if (timer) return;
      device = { state: 'opening' };
      timer = setInterval(() => void poll(), intervalMs);
      // The till keeps running without a printer: the poll must not hold the process open.
      timer.unref();
      await poll();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await polling;
      device = { state: 'closed' };
    },
    status: () => device,
    printerStatus: () => current,
    refresh: poll,
    on: (event, listener) => events.on(event, listener),
  };
}
