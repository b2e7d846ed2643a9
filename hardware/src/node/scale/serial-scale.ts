import type { Driver, DriverEvents } from '../../common/device';
import { Mettler8217FrameReader, type Mettler8217FrameEvent } from '../../common/scale/frame-reader';
import {
  encodeScaleCommand,
  METTLER_8217_SERIAL,
  parseMettler8217Frame,
  type Mettler8217Reply,
  type ScaleCommand,
} from '../../common/scale/mettler-8217';
import { commandOutcome, readingFromReply, type ScaleCommandOutcome, type WeightReading } from '../../common/scale/weight-reading';
import { oneAtATime } from '../one-at-a-time';
import { createSerialDevice } from '../serial-device';
import type { SerialDeviceOptions } from '../serial-line';

/** Line defaults: the 8217 protocol's 9600 baud, 7 data bits, even parity, 1 stop bit. */
export type SerialScaleOptions = SerialDeviceOptions & {
  /** Time the scale has to answer a command. Default 1 s. */
  readonly answerTimeoutMs?: number;
};

/** `data` carries every weight the scale reports: answers to readWeight(), and frames it sends unasked (its PRINT key). */
export type ScaleEvents = DriverEvents<WeightReading>;

export type SerialScale = Driver<ScaleEvents> & {
  /** Asks for the weight; never throws: a refusal or a fault comes back as a reading with a message. */
  readWeight(): Promise<WeightReading>;
  zero(): Promise<ScaleCommandOutcome>;
  tare(): Promise<ScaleCommandOutcome>;
};

type Answer = { readonly reply: Mettler8217Reply } | { readonly failure: string };

type Pending = { readonly settle: (answer: Answer) => void; noise: number; broken: string | null };

/** A Mettler Toledo 8217 scale on a serial port (see common/scale/mettler-8217.ts for the protocol). */
export function createSerialScale(options: SerialScaleOptions): SerialScale {
  const answerTimeoutMs = options.answerTimeoutMs ?? 1000;
  const reader = new Mettler8217FrameReader();
  const queue = oneAtATime();
  let pending: Pending | null = null;

  const device = createSerialDevice<WeightReading>({
    device: 'the scale',
    openTimeoutMs: options.openTimeoutMs ?? 3000,
    settings: {
      path: options.path,
      baudRate: options.baudRate ?? METTLER_8217_SERIAL.baudRate,
      dataBits: options.dataBits ?? METTLER_8217_SERIAL.dataBits,
      parity: options.parity ?? METTLER_8217_SERIAL.parity,
      stopBits: options.stopBits ?? METTLER_8217_SERIAL.stopBits,
    },
    onData: (bytes) => {
      for (const event of reader.push(bytes)) heard(event);
    },
  });

  device.events.on('disconnected', ({ reason }) => pending?.settle({ failure: `${reason}: check its cable or USB adapter.` }));

  const heard = (event: Mettler8217FrameEvent) => {
    if (event.kind === 'noise') {
      // Noise alone does not end a request: the real answer may still follow. It explains a timeout.
      if (pending) pending.noise += event.count;
      else
        device.events.emit('data', {
          kind: 'error',
          message: `The scale sent ${event.count} unexpected byte(s): check the port settings (9600 baud, 7 data bits, even parity).`,
        });
      return;
    }
    if (event.kind === 'broken') {
      // The next STX re-synchronises: a whole answer may follow within the same request.
      if (pending) pending.broken = event.message;
      else device.events.emit('data', { kind: 'error', message: event.message });
      return;
    }
    const reply = parseMettler8217Frame(event.frame);
    if (pending) return pending.settle({ reply });
    // Unasked: the cashier pressed the scale's PRINT key, or a late answer to a timed-out request.
    device.events.emit('data', readingFromReply(reply));
  };

  const ask = async (command: ScaleCommand): Promise<Answer> => {
    const ready = await device.ready();
    if ('message' in ready) return { failure: ready.message };
    reader.reset();
    const answer = new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => {
        const heardSomething = (pending?.noise ?? 0) > 0 || pending?.broken || reader.inFrame;
        pending = null;
        resolve({
          failure: heardSomething
            ? `The scale's answer was incomplete or garbled: try again; if it persists, check the cable and the port settings (9600 baud, 7 data bits, even parity).`
            : `The scale did not answer within ${answerTimeoutMs / 1000} s: check that it is switched on and its cable is plugged in.`,
        });
      }, answerTimeoutMs);
      pending = {
        noise: 0,
        broken: null,
        settle: (result) => {
          clearTimeout(timer);
          pending = null;
          resolve(result);
        },
      };
    });
    const written = await ready.line.write(encodeScaleCommand(command), answerTimeoutMs);
    if (!written.ok) pending?.settle({ failure: written.message });
    return answer;
  };

  const readWeight = () =>
    queue(async (): Promise<WeightReading> => {
      const answer = await ask('weight');
      const reading: WeightReading = 'failure' in answer ? { kind: 'error', message: answer.failure } : readingFromReply(answer.reply);
      device.events.emit('data', reading);
      return reading;
    });

  const command = (name: 'zero' | 'tare') =>
    queue(async (): Promise<ScaleCommandOutcome> => {
      const answer = await ask(name);
      return 'failure' in answer ? { ok: false, message: answer.failure } : commandOutcome(name, answer.reply);
    });

  return {
    open: device.open,
    close: async () => {
      pending?.settle({ failure: 'The scale was closed.' });
      await device.close();
    },
    status: device.status,
    on: (event, listener) => device.events.on(event, listener),
    readWeight,
    zero: () => command('zero'),
    tare: () => command('tare'),
  };
}
