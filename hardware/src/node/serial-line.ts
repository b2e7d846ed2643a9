import { createSerialPort } from './serial-port';

export type SerialSettings = {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 5 | 6 | 7 | 8;
  readonly parity: 'none' | 'even' | 'odd';
  readonly stopBits: 1 | 2;
};

/** A serial device's options: its port, line settings over the device's own defaults, open timeout (default 3 s). */
export type SerialDeviceOptions = { readonly path: string } & Partial<Omit<SerialSettings, 'path'>> & { readonly openTimeoutMs?: number };

export type SerialLineHandlers = {
  readonly onData: (bytes: Uint8Array) => void;
  /** The port went away without close(): cable pulled, USB adapter removed, device powered off. */
  readonly onDisconnected: (reason: string) => void;
};

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** An open serial port, reduced to what the scale and display drivers need. */
export type SerialLine = {
  write(bytes: Uint8Array, timeoutMs: number): Promise<WriteResult>;
  close(): Promise<void>;
};

export type OpenResult = { readonly line: SerialLine } | { readonly message: string };

/** "the scale" → "The scale", for a message that starts with the device. */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why a port did not open, in words a manager can act on. `device` names the thing: "the scale". */
export function describeOpenError(path: string, device: string, error: unknown): string {
  const message = errorText(error);
  if (/no such file|ENOENT/i.test(message)) return `There is no serial port ${path}: is ${device} (or its USB adapter) plugged in?`;
  if (/permission denied|EACCES/i.test(message)) return `Not allowed to open ${path}: the till's user must be in the "dialout" group.`;
  if (/lock|busy/i.test(message)) return `${path} is in use by another program.`;
  return `Could not open the serial port ${path} for ${device}: ${message}`;
}

/**
 * Opens a serial port and keeps reading it, so a pulled cable is noticed even on a device that never
 * speaks (serialport reports a lost port only through a failed read or write). Never rejects.
 */
export function openSerialLine(
  settings: SerialSettings,
  device: string,
  openTimeoutMs: number,
  handlers: SerialLineHandlers,
): Promise<OpenResult> {
  const { path } = settings;
  const port = createSerialPort({ ...settings, autoOpen: false });
  const Device = capitalized(device);
  let closing = false;
  let gone = false;

  const lost = (reason: string) => {
    if (closing || gone) return;
    gone = true;
    handlers.onDisconnected(reason);
  };
  // An unheard 'error' event would crash the till; errors reach us through callbacks and 'close'.
  port.on('error', () => undefined);
  port.on('data', (chunk: Buffer) => handlers.onData(new Uint8Array(chunk)));
  port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
    lost(error?.disconnected ? `${Device} on ${path} was disconnected (${error.message})` : `${path} was closed`);
  });
  port.on('end', () => {
    lost(`${Device} on ${path} stopped answering: the port was closed at the other end`);
    if (port.isOpen) port.close(() => undefined);
  });

  const write = (bytes: Uint8Array, timeoutMs: number) =>
    new Promise<WriteResult>((resolve) => {
      if (gone || !port.isOpen) return resolve({ ok: false, message: `${Device} on ${path} is not connected.` });
      const timer = setTimeout(
        () => resolve({ ok: false, message: `${Device} on ${path} did not take the bytes within ${timeoutMs} ms.` }),
        timeoutMs,
      );
      port.write(Buffer.from(bytes), (error) => {
        if (error) {
          clearTimeout(timer);
          resolve({ ok: false, message: `Writing to ${device} on ${path} failed: ${errorText(error)}` });
        }
      });
      port.drain((error) => {
        clearTimeout(timer);
        resolve(error ? { ok: false, message: `Writing to ${device} on ${path} failed: ${errorText(error)}` } : { ok: true });
      });
    });

  const close = () =>
    new Promise<void>((resolve) => {
      closing = true;
      if (!port.isOpen) return resolve();
      // Unsent bytes are dropped so a device that stopped reading cannot hold the close.
      port.flush(() => port.close(() => resolve()));
    });

  return new Promise<OpenResult>((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      closing = true;
      resolve({ message: `The serial port ${path} for ${device} did not open within ${openTimeoutMs} ms.` });
    }, openTimeoutMs);
    port.open((error) => {
      clearTimeout(timer);
      if (settled) {
        if (port.isOpen) port.close(() => undefined);
        return;
      }
      if (error) return resolve({ message: describeOpenError(path, device, error) });
      resolve({ line: { write, close } });
    });
  });
}
