import { SerialPort } from 'serialport';
import { divideRoundHalfAwayFromZero } from '@pos/core';
import { CR, encodeStatusReply, encodeWeightReply, METTLER_8217_SERIAL, STX, type ScaleStatus } from '../../common/scale/mettler-8217';

/**
 * How the simulated scale answers: `normal`, `silent` (switched off), `garbled` (parity noise inside
 * the answer, and stray bytes before it), `truncated` (the answer loses its CR).
 */
export type SimulatedScaleMode = 'normal' | 'silent' | 'garbled' | 'truncated';

export type Mettler8217SimulatorOptions = {
  /** The scale's end of the serial line (the other pty of a socat pair, or a real port). */
  readonly path: string;
  readonly baudRate?: number;
  /** Default 15 kg, a common counter scale. */
  readonly capacityGrams?: number;
  /** The scale's resolution; weights are rounded to it. Default 5 g. */
  readonly divisionGrams?: number;
  /** How far from its zero the scale accepts the Z command. Default 2 % of capacity. */
  readonly zeroRangeGrams?: number;
};

export type Mettler8217Simulator = {
  /** The gross weight from the scale's current zero, in grams (negative: it was zeroed with something now gone). */
  setWeight(grams: number, options?: { readonly stable?: boolean }): void;
  setMode(mode: SimulatedScaleMode): void;
  /** Every command letter the scale received, in order. */
  readonly commands: readonly string[];
  readonly tareGrams: number;
  close(): Promise<void>;
};

/** A Mettler Toledo 8217 scale speaking the real bytes on a serial port, for tests and demos. */
export async function startMettler8217Simulator(options: Mettler8217SimulatorOptions): Promise<Mettler8217Simulator> {
  const capacity = options.capacityGrams ?? 15_000;
  const division = options.divisionGrams ?? 5;
  const zeroRange = options.zeroRangeGrams ?? capacity / 50;
  const port = new SerialPort({
    ...METTLER_8217_SERIAL,
    path: options.path,
    baudRate: options.baudRate ?? METTLER_8217_SERIAL.baudRate,
    autoOpen: false,
  });
  const commands: string[] = [];
  let load = 0;
  let stable = true;
  let zeroOffset = 0;
  let tare = 0;
  let mode: SimulatedScaleMode = 'normal';
  let echoing = false;

  const gross = () => load - zeroOffset;
  const shown = (grams: number) => divideRoundHalfAwayFromZero(grams, division) * division;
  const status = (): Partial<ScaleStatus> => ({
    motion: !stable,
    overCapacity: gross() > capacity,
    underZero: shown(gross() - tare) < 0,
    centerOfZero: shown(gross()) === 0,
  });

  const send = (bytes: Uint8Array) => {
    if (mode === 'silent') return;
    if (mode === 'truncated') return void port.write(Buffer.from(bytes.subarray(0, -1)));
    if (mode === 'garbled') {
      // A parity error reads as NUL on Linux; a flipped high bit gives an 8-bit byte.
      const noisy = Uint8Array.from(bytes, (b, i) => (i === 2 ? 0x00 : i === 3 ? b | 0x80 : b));
      return void port.write(Buffer.from([0x7e, 0x13, ...noisy]));
    }
    port.write(Buffer.from(bytes));
  };

  const weigh = () => {
    const now = status();
    if (now.motion || now.overCapacity || now.underZero) return send(encodeStatusReply(now));
    send(encodeWeightReply(shown(gross() - tare), { net: tare !== 0 }));
  };

  const zero = () => {
    const now = status();
    // Like the real scale: no zero while moving, overloaded or too far from zero; the status tells.
    if (!now.motion && !now.overCapacity && Math.abs(gross()) <= zeroRange) {
      zeroOffset = load;
      tare = 0;
    }
    send(encodeStatusReply(status()));
  };

  const takeTare = () => {
    const now = status();
    if (!now.motion && !now.overCapacity && gross() >= 0) tare = gross();
    send(encodeStatusReply(status()));
  };

  const answer = (byte: number) => {
    if (echoing) {
      // The echo probe (E … F) that POS software uses to find the scale.
      if (byte === 0x46) echoing = false;
      else port.write(Buffer.of(byte));
      return;
    }
    if (byte === CR || byte === 0x0a) return;
    const letter = String.fromCharCode(byte);
    commands.push(letter);
    if (letter === 'W') return weigh();
    if (letter === 'Z') return zero();
    if (letter === 'T') return takeTare();
    if (letter === 'E') {
      echoing = true;
      return send(Uint8Array.of(STX, 0x45, CR));
    }
    send(encodeStatusReply(status()));
  };

  port.on('error', () => undefined);
  port.on('data', (chunk: Buffer) => {
    for (const byte of chunk) answer(byte);
  });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

  return {
    setWeight: (grams, weightOptions = {}) => {
      load = grams + zeroOffset;
      stable = weightOptions.stable ?? true;
    },
    setMode: (next) => {
      mode = next;
    },
    commands,
    get tareGrams() {
      return tare;
    },
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
