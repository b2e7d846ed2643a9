import { TypedEvents, type DeviceStatus, type DriverEvents } from '../common/device';
import { capitalized, openSerialLine, type SerialLine, type SerialSettings } from './serial-line';

export type SerialDeviceOptions = {
  readonly settings: SerialSettings;
  /** Names the device in messages: "the scale", "the customer display". */
  readonly device: string;
  readonly openTimeoutMs: number;
  readonly onData?: (bytes: Uint8Array) => void;
  /** Bytes sent right after each open (a display's reset). */
  readonly afterOpen?: (line: SerialLine) => Promise<void>;
};

export type ReadyLine = { readonly line: SerialLine } | { readonly message: string };

/**
 * The lifecycle both serial drivers share: open/close, a plain-words status, `disconnected` when the
 * port goes away on its own, and a reopen on the next use after that (a USB adapter plugged back
 * gets a fresh handle) until the host calls close().
 */
export function createSerialDevice<Data>(options: SerialDeviceOptions) {
  const { settings, device } = options;
  const events = new TypedEvents<DriverEvents<Data>>();
  let current: DeviceStatus = { state: 'closed' };
  let line: SerialLine | null = null;
  let opening: Promise<ReadyLine> | null = null;
  let closedByHost = true;

  const setStatus = (status: DeviceStatus) => {
    current = status;
    events.emit('status', status);
  };

  const connect = async (): Promise<ReadyLine> => {
    setStatus({ state: 'opening' });
    const opened = await openSerialLine(settings, device, options.openTimeoutMs, {
      onData: (bytes) => options.onData?.(bytes),
      onDisconnected: (reason) => {
        line = null;
        setStatus({ state: 'disconnected', message: `${reason}: check its cable or USB adapter.` });
        events.emit('disconnected', { reason });
      },
    });
    if ('message' in opened) {
      setStatus({ state: 'error', message: opened.message });
      return opened;
    }
    if (closedByHost) {
      // close() came while the port was opening.
      await opened.line.close();
      return { message: `${capitalized(device)} on ${settings.path} is closed.` };
    }
    line = opened.line;
    await options.afterOpen?.(opened.line);
    setStatus({ state: 'ready' });
    return { line: opened.line };
  };

  /** The open line, opening it if needed; a plain-words message when it cannot. */
  const ready = (): Promise<ReadyLine> => {
    if (closedByHost) return Promise.resolve({ message: `${capitalized(device)} on ${settings.path} is closed.` });
    if (line) return Promise.resolve({ line });
    opening ??= connect().finally(() => (opening = null));
    return opening;
  };

  return {
    events,
    status: (): DeviceStatus => current,
    ready,
    open: async (): Promise<void> => {
      closedByHost = false;
      await ready();
    },
    close: async (): Promise<void> => {
      closedByHost = true;
      await opening;
      const open = line;
      line = null;
      if (open) await open.close();
      setStatus({ state: 'closed' });
    },
  };
}
