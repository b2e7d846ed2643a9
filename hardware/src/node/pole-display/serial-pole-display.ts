import type { Driver, DriverEvents } from '../../common/device';
import { encodeCd5220Clear, encodeCd5220Init, encodeCd5220Lines, type Cd5220Brightness } from '../../common/pole-display/cd5220';
import { displayLines, type DisplayLines } from '../../common/pole-display/display-text';
import { oneAtATime } from '../one-at-a-time';
import { createSerialDevice } from '../serial-device';
import type { SerialDeviceOptions, WriteResult } from '../serial-line';

/** Line defaults: 9600 baud, 8 data bits, no parity, 1 stop bit (the CD5220's factory setting). */
export type SerialPoleDisplayOptions = SerialDeviceOptions & {
  /** Set at each open when given; otherwise the display keeps its own. */
  readonly brightness?: Cd5220Brightness;
  /** Time for the bytes of one screen to leave the port. Default 2 s. */
  readonly writeTimeoutMs?: number;
};

/** `data`: the two lines just sent to the display. */
export type PoleDisplayEvents = DriverEvents<DisplayLines>;

export type PoleDisplayResult = WriteResult;

export type SerialPoleDisplay = Driver<PoleDisplayEvents> & {
  /** Shows two lines (fitted to 20 columns, transliterated); never throws. */
  show(lines: readonly [string, string]): Promise<PoleDisplayResult>;
  clear(): Promise<PoleDisplayResult>;
};

/**
 * A CD5220 customer display on a serial port. It never answers, so "written" is all we can know;
 * a pulled cable shows as `disconnected` through the port itself.
 */
export function createSerialPoleDisplay(options: SerialPoleDisplayOptions): SerialPoleDisplay {
  const writeTimeoutMs = options.writeTimeoutMs ?? 2000;
  const queue = oneAtATime();
  const device = createSerialDevice<DisplayLines>({
    device: 'the customer display',
    openTimeoutMs: options.openTimeoutMs ?? 3000,
    settings: {
      path: options.path,
      baudRate: options.baudRate ?? 9600,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
    },
    afterOpen: async (line) => {
      // A failed reset shows on the first screen's write; nothing more to do here.
      await line.write(encodeCd5220Init({ brightness: options.brightness }), writeTimeoutMs);
    },
  });

  const send = (bytes: Uint8Array) =>
    queue(async (): Promise<PoleDisplayResult> => {
      const ready = await device.ready();
      if ('message' in ready) return { ok: false, message: ready.message };
      return ready.line.write(bytes, writeTimeoutMs);
    });

  return {
    open: device.open,
    close: device.close,
    status: device.status,
    on: (event, listener) => device.events.on(event, listener),
    show: async (lines) => {
      const fitted = displayLines(lines[0], lines[1]);
      const result = await send(encodeCd5220Lines(fitted[0], fitted[1]));
      if (result.ok) device.events.emit('data', fitted);
      return result;
    },
    clear: () => send(encodeCd5220Clear()),
  };
}
