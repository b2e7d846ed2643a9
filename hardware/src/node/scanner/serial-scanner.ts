import type { SerialPortStream } from '@serialport/stream';
import { createSerialPort } from '../serial-port';
import { TypedEvents, type DeviceStatus } from '../../common/device';
import { SerialScanFramer, type ScanSuffix } from '../../common/scanner/serial-scan-framer';
import type { ScanData, ScannerDriver, ScannerEvents } from '../../common/scanner/scanner-types';
import { errorMessage } from './hid-scanner-messages';

export type SerialScannerOptions = {
  readonly path: string;
  /** Default 9600, the factory setting of most serial scanners (USB-CDC ignores it). */
  readonly baudRate?: number;
  /** Default CR, the factory suffix of Honeywell, Zebra and Datalogic serial interfaces. */
  readonly suffix?: ScanSuffix;
  /** The scanner is set to prefix codes with their AIM identifier. Default false. */
  readonly aimPrefix?: boolean;
  /** Default 4096. */
  readonly maxFrameBytes?: number;
  /** How often to try the port again after it went away. Default 1 s. */
  readonly reconnectIntervalMs?: number;
};

/** The parts of serialport's port we use: tests may hand in another. */
export type ScannerPortLike = Pick<SerialPortStream, 'open' | 'close' | 'on' | 'isOpen'>;

function openFailedMessage(path: string, error: unknown): string {
  const message = errorMessage(error);
  if (/no such file|ENOENT/i.test(message)) return `There is no serial port ${path}: is the scanner (or its USB adapter) plugged in?`;
  if (/permission denied|EACCES/i.test(message)) return `Not allowed to open ${path}: the till's user must be in the "dialout" group.`;
  if (/lock|busy/i.test(message)) return `${path} is in use by another program.`;
  return `Could not open the serial port ${path}: ${message}`;
}

/**
 * A scanner on a serial port or a USB-CDC (virtual COM) port: one code per line, ended by its
 * suffix. Garbled input becomes an `error` status, never a code; a port that goes away emits
 * `disconnected` and is reopened every `reconnectIntervalMs` until close().
 */
export function createSerialScanner(
  options: SerialScannerOptions,
  openPort: (o: { path: string; baudRate: number }) => ScannerPortLike = (o) => createSerialPort({ ...o, autoOpen: false }),
): ScannerDriver {
  const { path } = options;
  const baudRate = options.baudRate ?? 9600;
  const suffix = options.suffix ?? 'CR';
  const reconnectIntervalMs = options.reconnectIntervalMs ?? 1000;
  const framer = new SerialScanFramer({ suffix, aimPrefix: options.aimPrefix ?? false, maxFrameBytes: options.maxFrameBytes ?? 4096 });
  const events = new TypedEvents<ScannerEvents>();
  const readyMessage = `Scanner on ${path} ready (${baudRate} baud, suffix ${suffix}).`;
  let status: DeviceStatus = { state: 'closed' };
  let port: ScannerPortLike | null = null;
  let closed = true;
  let retryTimer: NodeJS.Timeout | null = null;

  const setStatus = (next: DeviceStatus) => {
    if (next.state === status.state && next.message === status.message) return;
    status = next;
    events.emit('status', next);
  };

  const onBytes = (chunk: Buffer) => {
    for (const frame of framer.push(chunk)) {
      if (!frame.ok) {
        setStatus({ state: 'error', message: frame.message });
        continue;
      }
      setStatus({ state: 'ready', message: readyMessage });
      const data: ScanData = {
        code: frame.code,
        source: 'serial',
        ...(frame.aim ? { aim: frame.aim } : {}),
        ...(frame.symbology ? { symbology: frame.symbology } : {}),
      };
      events.emit('data', data);
    }
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!closed && !port) void tryOpen();
    }, reconnectIntervalMs);
  };

  const onLost = (candidate: ScannerPortLike, error: unknown) => {
    if (port !== candidate || closed) return;
    port = null;
    const midScan = framer.pendingBytes > 0;
    framer.reset();
    const cause = error ? ` (${errorMessage(error)})` : '';
    const reason = midScan
      ? `The scanner on ${path} was disconnected in the middle of a code${cause}: the partial code was dropped.`
      : `The scanner on ${path} was disconnected${cause}.`;
    events.emit('disconnected', { reason });
    setStatus({ state: 'disconnected', message: `${reason} Waiting for it to come back.` });
    scheduleRetry();
  };

  const tryOpen = () =>
    new Promise<void>((resolve) => {
      let candidate: ScannerPortLike;
      try {
        candidate = openPort({ path, baudRate });
      } catch (error) {
        setStatus({ state: 'error', message: openFailedMessage(path, error) });
        scheduleRetry();
        return resolve();
      }
      // Errors reach us through open() and 'close'; an unheard 'error' event would crash the till.
      candidate.on('error', () => undefined);
      candidate.on('data', onBytes);
      candidate.on('close', (error?: Error | null) => onLost(candidate, error));
      candidate.open((error) => {
        if (error || closed) {
          if (!error && candidate.isOpen) candidate.close(() => undefined);
          if (error && !closed) {
            // A port that went away and is not back yet stays "disconnected", with the reason it went.
            if (status.state !== 'disconnected') setStatus({ state: 'error', message: openFailedMessage(path, error) });
            scheduleRetry();
          }
          return resolve();
        }
        port = candidate;
        framer.reset();
        setStatus({ state: 'ready', message: readyMessage });
        resolve();
      });
    });

  return {
    mode: 'serial',
    open: async () => {
      if (!closed) return;
      closed = false;
      setStatus({ state: 'opening' });
      await tryOpen();
    },
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = port;
      port = null;
      framer.reset();
      if (current?.isOpen) await new Promise<void>((resolve) => current.close(() => resolve()));
      setStatus({ state: 'closed' });
    },
    status: () => status,
    on: (event, listener) => events.on(event, listener),
  };
}
