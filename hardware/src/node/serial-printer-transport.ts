import type { PrintOutcome } from '@pos/core';
import type { SerialPortStream } from '@serialport/stream';
import { createSerialPort } from './serial-port';
import type { PrinterProfile, PrinterTransport } from '../common/printer';
import { createStatusCollector } from '../common/printer/status-collector';
import { oneAtATime } from './one-at-a-time';
import { errorMessage, failed, seconds, sent } from './print-outcome';
import { unsentStatusQuery, type PrinterStatusSource, type StatusReading } from './printer-status-source';

export type SerialPrinterOptions = {
  readonly path: string;
  /** Default 9600, the factory setting of most serial receipt printers. */
  readonly baudRate?: number;
  /** Hardware flow control: the printer holds CTS low while its buffer is full or it is offline. */
  readonly rtscts?: boolean;
  /** Default 3 s. */
  readonly openTimeoutMs?: number;
  /** Time allowed for the bytes to leave the port (tcdrain). Default 10 s. */
  readonly writeTimeoutMs?: number;
  /** The printer's command language, for its status request. Default ESC/POS. */
  readonly language?: PrinterProfile['language'];
  /** Time allowed for the answer to a status request. Default 2 s. */
  readonly statusTimeoutMs?: number;
};

/** The parts of serialport's port we use: tests may hand in a mock. */
export type SerialPortLike = Pick<SerialPortStream, 'open' | 'write' | 'drain' | 'flush' | 'close' | 'on' | 'off' | 'isOpen'>;

/**
 * A serial printer. The port opens on the first receipt and stays open; any failure closes it, so
 * the next receipt reopens it (a USB-serial adapter unplugged and plugged back gets a fresh handle).
 * With flow control, a printer that is offline stops the bytes and the write times out.
 */
export function createSerialPrinterTransport(
  options: SerialPrinterOptions,
  openPort: (o: { path: string; baudRate: number; rtscts: boolean }) => SerialPortLike = (o) => createSerialPort({ ...o, autoOpen: false }),
): PrinterTransport & PrinterStatusSource {
  const { path } = options;
  const baudRate = options.baudRate ?? 9600;
  const rtscts = options.rtscts ?? false;
  const openTimeoutMs = options.openTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 2000;
  const queue = oneAtATime();
  let port: SerialPortLike | null = null;
  let closed = false;

  const describeOpenError = (error: unknown): PrintOutcome => {
    const message = errorMessage(error);
    if (/no such file|ENOENT/i.test(message)) {
      return failed('unreachable', `There is no serial port ${path}: is the printer (or its USB adapter) plugged in?`);
    }
    if (/permission denied|EACCES/i.test(message)) {
      return failed('unreachable', `Not allowed to open ${path}: the till's user must be in the "dialout" group.`);
    }
    if (/lock|busy/i.test(message)) return failed('unreachable', `${path} is in use by another program.`);
    return failed('io', `Could not open the serial port ${path}: ${message}`);
  };

  /** Closes the port and forgets it, discarding unsent bytes so a stuck close cannot wait on them. */
  const drop = (current: SerialPortLike) => {
    if (port === current) port = null;
    if (!current.isOpen) return;
    current.flush(() => current.close(() => undefined));
  };

  const open = () =>
    new Promise<{ readonly port: SerialPortLike } | { readonly outcome: PrintOutcome }>((resolve) => {
      if (port?.isOpen) return resolve({ port });
      const candidate = openPort({ path, baudRate, rtscts });
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        drop(candidate);
        resolve({ outcome: failed('timeout', `The serial port ${path} did not open within ${seconds(openTimeoutMs)}.`) });
      }, openTimeoutMs);
      // Errors reach us through the open/write/drain callbacks; an unheard 'error' event would crash the till.
      candidate.on('error', () => undefined);
      candidate.on('close', () => {
        if (port === candidate) port = null;
      });
      candidate.open((error) => {
        clearTimeout(timer);
        if (settled) return drop(candidate);
        if (error) return resolve({ outcome: describeOpenError(error) });
        port = candidate;
        resolve({ port: candidate });
      });
    });

  const write = async (bytes: Uint8Array): Promise<PrintOutcome> => {
    if (closed) return failed('io', `The serial printer ${path} is closed.`);
    const opened = await open();
    if ('outcome' in opened) return opened.outcome;
    const current = opened.port;
    return new Promise<PrintOutcome>((resolve) => {
      let settled = false;
      const settle = (outcome: PrintOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (outcome.status === 'failed') drop(current);
        resolve(outcome);
      };
      const timer = setTimeout(
        () =>
          settle(
            failed(
              'timeout',
              `The printer on ${path} did not take the receipt within ${seconds(writeTimeoutMs)}: it may be offline or out of paper${rtscts ? '' : ', or the baud rate is wrong'}.`,
            ),
          ),
        writeTimeoutMs,
      );
      current.write(Buffer.from(bytes), (error) => {
        if (error) settle(failed('io', `Writing to ${path} failed: ${errorMessage(error)}`));
      });
      current.drain((error) => settle(error ? failed('io', `Writing to ${path} failed: ${errorMessage(error)}`) : sent(bytes.length)));
    });
  };

  /** DLE EOT (or Star's status request) on the open port, the replies read back from it. */
  const readStatus = async (): Promise<StatusReading> => {
    if (closed) return { ok: false, reason: 'io', message: `The serial printer ${path} is closed.` };
    const opened = await open();
    if ('outcome' in opened) return unsentStatusQuery(opened.outcome, `The printer on ${path} could not be asked for its status.`);
    const current = opened.port;
    const collector = createStatusCollector(options.language ?? 'esc-pos');
    return new Promise<StatusReading>((resolve) => {
      const finish = (reading: StatusReading) => {
        clearTimeout(timer);
        current.off('data', onData);
        resolve(reading);
      };
      const onData = (chunk: Buffer) => {
        if (!collector.push(chunk)) return;
        const collected = collector.result();
        finish(
          collected.ok
            ? collected
            : { ok: false, reason: 'io', message: `The printer on ${path} sent a status that makes no sense: ${collected.error}` },
        );
      };
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            reason: 'no-reply',
            message: `The printer on ${path} did not answer a status request within ${seconds(statusTimeoutMs)}: is it on, and is the baud rate right?`,
          }),
        statusTimeoutMs,
      );
      current.on('data', onData);
      current.write(Buffer.from(collector.request), (error) => {
        if (error) finish({ ok: false, reason: 'io', message: `Writing to ${path} failed: ${errorMessage(error)}` });
      });
    });
  };

  return {
    target: `serial:${path}?baud=${baudRate}&rtscts=${rtscts ? 1 : 0}`,
    queryStatus: () => queue(readStatus),
    write: (bytes) => queue(() => write(bytes)),
    probe: () =>
      queue(async () => {
        if (closed) return { reachable: false, message: `The serial printer ${path} is closed.` };
        const opened = await open();
        if ('port' in opened) return { reachable: true };
        return { reachable: false, message: opened.outcome.status === 'failed' ? opened.outcome.message : '' };
      }),
    close: async () => {
      closed = true;
      const current = port;
      port = null;
      if (current?.isOpen) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
}
