import { SerialPort } from 'serialport';
import { Cd5220Screen } from './cd5220-screen';

export type Cd5220EmulatorOptions = {
  /** The display's end of the serial line (the other pty of a socat pair). */
  readonly path: string;
  /** Default 9600 8N1, the CD5220's factory setting. */
  readonly baudRate?: number;
};

export type Cd5220Emulator = {
  readonly screen: Cd5220Screen;
  /** Resolves once the screen shows these two rows; rejects with what it shows after `timeoutMs`. */
  whenShowing(lines: readonly [string, string], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

/** A CD5220 pole display on a serial port: it only listens, as the real one does. */
export async function startCd5220Emulator(options: Cd5220EmulatorOptions): Promise<Cd5220Emulator> {
  const screen = new Cd5220Screen();
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate ?? 9600,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    autoOpen: false,
  });
  const watchers = new Set<() => void>();
  port.on('error', () => undefined);
  port.on('data', (chunk: Buffer) => {
    screen.push(new Uint8Array(chunk));
    for (const watcher of [...watchers]) watcher();
  });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

  const showing = (lines: readonly [string, string]) => screen.lines[0] === lines[0] && screen.lines[1] === lines[1];

  return {
    screen,
    whenShowing: (lines, timeoutMs = 2000) =>
      new Promise<void>((resolve, reject) => {
        if (showing(lines)) return resolve();
        const watcher = () => {
          if (!showing(lines)) return;
          clearTimeout(timer);
          watchers.delete(watcher);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(watcher);
          reject(
            new Error(
              `the display shows ${JSON.stringify(screen.lines)}, not ${JSON.stringify(lines)}; errors: ${JSON.stringify(screen.errors)}`,
            ),
          );
        }, timeoutMs);
        watchers.add(watcher);
      }),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
