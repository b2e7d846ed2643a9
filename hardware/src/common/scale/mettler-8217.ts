/**
 * The Mettler Toledo 8217 scale protocol ("8213/8217 ECR" protocol of POS scales and scanner-scales):
 * the till sends one ASCII letter, the scale answers one frame `STX … CR`.
 *
 * Sources (no public Mettler specification exists; these agree with one another):
 * - Salter Brecknell 67xxU service manual §7.6 (8213-SCP03 and 8217 layouts): `W` → `STX weight CR`,
 *   or `STX ? status CR` when the weight is invalid; `Z` → `STX ? status CR`; status bits 0–4 below,
 *   bits 5 and 6 "always 1", bit 7 parity.
 * - Rice Lake BenchPro manual: the same status bits.
 * - Odoo's Toledo 8217 driver (iot_drivers serial_scale_driver): 9600 7E1, weight pattern
 *   `STX \s*[0-9.]+ N? CR` (N = net weight), `W`/`Z`/`T` commands, status bits 0–4 as below but
 *   bit 5 = net weight and bit 6 = bad command.
 * Where the sources differ (bits 5 and 6) we read neither: only bits 0–4 decide.
 * Assumption: the scale weighs in kilograms ("01.250"); the frame carries no unit.
 */

export const STX = 0x02;
export const CR = 0x0d;

/** Serial settings of the protocol (the scale's factory setting). */
export const METTLER_8217_SERIAL = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 } as const;

export type ScaleCommand = 'weight' | 'zero' | 'tare';

const COMMAND_LETTER: Record<ScaleCommand, string> = { weight: 'W', zero: 'Z', tare: 'T' };

/** One letter, no terminator: the 8217 scale acts on the byte alone. */
export function encodeScaleCommand(command: ScaleCommand): Uint8Array {
  return Uint8Array.of(COMMAND_LETTER[command].charCodeAt(0));
}

export type ScaleStatus = {
  readonly motion: boolean;
  readonly overCapacity: boolean;
  readonly underZero: boolean;
  readonly outsideZeroCaptureRange: boolean;
  readonly centerOfZero: boolean;
};

const STATUS_BITS: Record<keyof ScaleStatus, number> = {
  motion: 0x01,
  overCapacity: 0x02,
  underZero: 0x04,
  outsideZeroCaptureRange: 0x08,
  centerOfZero: 0x10,
};

/** Bits 5 and 6 are "always 1" in the Brecknell/Rice Lake tables: that keeps the byte printable. */
const ALWAYS_SET = 0x60;

export function decodeStatusByte(byte: number): ScaleStatus {
  return {
    motion: (byte & STATUS_BITS.motion) !== 0,
    overCapacity: (byte & STATUS_BITS.overCapacity) !== 0,
    underZero: (byte & STATUS_BITS.underZero) !== 0,
    outsideZeroCaptureRange: (byte & STATUS_BITS.outsideZeroCaptureRange) !== 0,
    centerOfZero: (byte & STATUS_BITS.centerOfZero) !== 0,
  };
}

export function encodeStatusByte(status: Partial<ScaleStatus>): number {
  let byte = ALWAYS_SET;
  for (const [flag, bit] of Object.entries(STATUS_BITS) as [keyof ScaleStatus, number][]) if (status[flag]) byte |= bit;
  return byte;
}

/** `STX ? status CR`: the scale's answer when it has no weight to give, and to Z and T. */
export function encodeStatusReply(status: Partial<ScaleStatus>): Uint8Array {
  return Uint8Array.of(STX, 0x3f, encodeStatusByte(status), CR);
}

/** `STX 01.250 CR` (`…N CR` for a net weight): kilograms with three decimals, leading zeros kept. */
export function encodeWeightReply(grams: number, options: { readonly net?: boolean } = {}): Uint8Array {
  const kilograms = Math.floor(grams / 1000);
  const text = `${String(kilograms).padStart(2, '0')}.${String(grams % 1000).padStart(3, '0')}${options.net ? 'N' : ''}`;
  return Uint8Array.from([STX, ...[...text].map((c) => c.charCodeAt(0)), CR]);
}

/** One frame as the scale sent it, understood; never thrown: a bad frame is `garbled`. */
export type Mettler8217Reply =
  | { readonly kind: 'weight'; readonly grams: number; readonly net: boolean }
  | { readonly kind: 'status'; readonly status: ScaleStatus; readonly byte: number }
  | { readonly kind: 'garbled'; readonly message: string };

const WEIGHT_TEXT = /^ *(\d{1,4})\.(\d{1,3}) *(N?)$/;
const MAX_FRAME = 16;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

const garbled = (frame: Uint8Array, why: string): Mettler8217Reply => ({
  kind: 'garbled',
  message: `The scale sent a garbled answer (${why}: ${hex(frame.subarray(0, MAX_FRAME))}).`,
});

/** Parses one whole frame, `STX` to `CR` included. */
export function parseMettler8217Frame(frame: Uint8Array): Mettler8217Reply {
  if (frame.length < 3 || frame[0] !== STX || frame[frame.length - 1] !== CR) return garbled(frame, 'not an STX … CR frame');
  if (frame.length > MAX_FRAME) return garbled(frame, 'too long');
  const body = frame.subarray(1, -1);
  if (body[0] === 0x3f) {
    if (body.length !== 2) return garbled(frame, 'a status answer has one status byte');
    const byte = body[1]!;
    if (byte > 0x7f) return garbled(frame, 'status byte outside 7-bit ASCII');
    return { kind: 'status', status: decodeStatusByte(byte), byte };
  }
  // Parity errors reach us as NUL or 8-bit bytes: anything but the expected characters is noise.
  const text = String.fromCharCode(...body);
  const match = WEIGHT_TEXT.exec(text);
  if (!match) return garbled(frame, 'not a weight');
  const grams = Number(match[1]) * 1000 + Number(match[2]!.padEnd(3, '0'));
  return { kind: 'weight', grams, net: match[3] === 'N' };
}
