/**
 * Concert link layer (the French caisse ↔ TPE protocol over serial), pure bytes.
 *
 * Sources, read not copied: PayXpert "USB/RS232 - Specifications" and "Concert V2 - Legacy" (7 data bits,
 * even parity, control bytes ENQ 05 / ACK 06 / NAK 15 / STX 02 / ETX 03 / EOT 04, data bytes ASCII
 * 0x20–0x7F, LRC over the bytes after STX up to and including ETX); Ousret/pyTeliumManager
 * `telium/payment.py` (lrc = XOR of data + ETX) and akretion/pypostelium (the same LRC and handshake).
 */
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ENQ = 0x05;
export const ACK = 0x06;
export const NAK = 0x15;

export type ControlByte = typeof ENQ | typeof ACK | typeof NAK | typeof EOT;

export const CONTROL_NAMES: Readonly<Record<ControlByte, 'ENQ' | 'ACK' | 'NAK' | 'EOT'>> = {
  [ENQ]: 'ENQ',
  [ACK]: 'ACK',
  [NAK]: 'NAK',
  [EOT]: 'EOT',
};

export function isControlByte(byte: number): byte is ControlByte {
  return byte === ENQ || byte === ACK || byte === NAK || byte === EOT;
}

/** Data bytes are printable 7-bit ASCII: anything else cannot cross a 7E1 line intact. */
export function isDataByte(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7f;
}

/** XOR of the data bytes and the closing ETX (not the STX). Always 7-bit when the data is. */
export function lrc(data: Uint8Array): number {
  let sum = ETX;
  for (const byte of data) sum ^= byte;
  return sum;
}

export type FrameError =
  | { readonly ok: false; readonly reason: 'missing-stx'; readonly message: string }
  | { readonly ok: false; readonly reason: 'missing-etx'; readonly message: string }
  | { readonly ok: false; readonly reason: 'truncated'; readonly message: string }
  | { readonly ok: false; readonly reason: 'bad-byte'; readonly message: string }
  | { readonly ok: false; readonly reason: 'bad-lrc'; readonly message: string }
  | { readonly ok: false; readonly reason: 'trailing-bytes'; readonly message: string };

export type FrameResult = { readonly ok: true; readonly data: Uint8Array } | FrameError;

/** STX data ETX LRC. Refuses (by result, never by throw) data that a 7E1 line cannot carry. */
export function encodeFrame(
  data: Uint8Array,
): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string } {
  const bad = data.findIndex((byte) => !isDataByte(byte));
  if (bad >= 0)
    return {
      ok: false,
      message: `Byte ${bad} (0x${data[bad]!.toString(16).padStart(2, '0')}) is not printable ASCII: Concert frames carry 0x20–0x7F only.`,
    };
  const bytes = new Uint8Array(data.length + 3);
  bytes[0] = STX;
  bytes.set(data, 1);
  bytes[data.length + 1] = ETX;
  bytes[data.length + 2] = lrc(data);
  return { ok: true, bytes };
}

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/** Parses exactly one whole frame. Every failure says what was wrong, so the driver can NAK and log it. */
export function parseFrame(bytes: Uint8Array): FrameResult {
  if (bytes.length === 0) return { ok: false, reason: 'truncated', message: 'Empty frame: nothing was received.' };
  if (bytes[0] !== STX) return { ok: false, reason: 'missing-stx', message: `The frame starts with ${hex(bytes[0]!)}, not STX.` };
  const etxAt = bytes.indexOf(ETX, 1);
  for (let i = 1; i < (etxAt < 0 ? bytes.length : etxAt); i++) {
    if (!isDataByte(bytes[i]!))
      return { ok: false, reason: 'bad-byte', message: `Byte ${i} of the frame is ${hex(bytes[i]!)}, not printable ASCII.` };
  }
  if (etxAt < 0) return { ok: false, reason: 'missing-etx', message: `The frame of ${bytes.length} bytes has no ETX: it was cut short.` };
  if (etxAt + 1 >= bytes.length) return { ok: false, reason: 'truncated', message: 'The frame ends at ETX: its LRC is missing.' };
  if (etxAt + 2 < bytes.length)
    return { ok: false, reason: 'trailing-bytes', message: `${bytes.length - etxAt - 2} bytes follow the frame's LRC.` };
  const data = bytes.slice(1, etxAt);
  const expected = lrc(data);
  const got = bytes[etxAt + 1]!;
  if (got !== expected)
    return { ok: false, reason: 'bad-lrc', message: `Bad LRC: the frame says ${hex(got)}, its bytes give ${hex(expected)}.` };
  return { ok: true, data };
}
