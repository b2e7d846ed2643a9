/**
 * ZVT APDU framing over TCP (ZVT specification PA00P015, "Transport over TCP/IP"; Portalum.Zvt
 * ApduHelper): CLASS byte, INSTR byte, a length byte, then the data. A length of 255 or more is
 * written FF followed by 2 bytes little-endian. Over TCP there is no DLE/STX/CRC wrapping.
 */

export type Apdu = { readonly cls: number; readonly instr: number; readonly data: Uint8Array };

export type ApduRead = { readonly kind: 'apdu'; readonly apdu: Apdu; readonly next: number } | { readonly kind: 'incomplete' };

export type ApduParse = { readonly ok: true; readonly apdu: Apdu } | { readonly ok: false; readonly error: string };

export const MAX_APDU_DATA = 0xffff;
const EXTENDED_LENGTH = 0xff;

export function encodeApdu(apdu: Apdu): Uint8Array | null {
  const { cls, instr, data } = apdu;
  if (!isByte(cls) || !isByte(instr) || data.length > MAX_APDU_DATA) return null;
  const header =
    data.length < EXTENDED_LENGTH ? [cls, instr, data.length] : [cls, instr, EXTENDED_LENGTH, data.length & 0xff, data.length >> 8];
  const bytes = new Uint8Array(header.length + data.length);
  bytes.set(header);
  bytes.set(data, header.length);
  return bytes;
}

const isByte = (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xff;

/** Reads the APDU starting at `offset` of a stream buffer. Never throws. */
export function readApdu(bytes: Uint8Array, offset = 0): ApduRead {
  if (bytes.length - offset < 3) return { kind: 'incomplete' };
  const cls = bytes[offset] ?? 0;
  const instr = bytes[offset + 1] ?? 0;
  let length = bytes[offset + 2] ?? 0;
  let start = offset + 3;
  if (length === EXTENDED_LENGTH) {
    if (bytes.length - offset < 5) return { kind: 'incomplete' };
    length = (bytes[offset + 3] ?? 0) | ((bytes[offset + 4] ?? 0) << 8);
    start = offset + 5;
  }
  if (bytes.length < start + length) return { kind: 'incomplete' };
  return { kind: 'apdu', apdu: { cls, instr, data: bytes.slice(start, start + length) }, next: start + length };
}

/** Parses bytes that must hold exactly one APDU (a golden file, a recorded message). */
export function parseApdu(bytes: Uint8Array): ApduParse {
  const read = readApdu(bytes);
  if (read.kind === 'incomplete')
    return { ok: false, error: `truncated APDU: ${bytes.length} bytes do not hold the header and the data it announces` };
  if (read.next !== bytes.length) return { ok: false, error: `${bytes.length - read.next} bytes after the end of the APDU` };
  return { ok: true, apdu: read.apdu };
}

/** Cuts a TCP stream into APDUs; keeps a partial one until the rest arrives. */
export class ApduReader {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): Apdu[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const apdus: Apdu[] = [];
    let offset = 0;
    for (;;) {
      const read = readApdu(joined, offset);
      if (read.kind === 'incomplete') break;
      apdus.push(read.apdu);
      offset = read.next;
    }
    this.buffer = joined.slice(offset);
    return apdus;
  }

  /** Bytes of an APDU not yet complete (a truncated message when the connection closes). */
  get pending(): number {
    return this.buffer.length;
  }
}

export const hex = (bytes: Uint8Array): string => [...bytes].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');
