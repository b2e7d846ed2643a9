/**
 * ZVT data fields ("bitmaps", BMPs): one byte names the field, the field's definition fixes its
 * length, or gives it an LL/LLL prefix (each length byte is F0–F9 and carries one decimal digit:
 * F1 F5 = 15 bytes), or BER-TLV length for BMP 06. Table from the ZVT specification (PA00P015 13.x),
 * as also listed by Portalum.Zvt BmpParser and wirelane/ecrterm packets/bitmaps.py (display-image
 * fields 70–75 from Portalum.Zvt only).
 *
 * A BMP missing from the table has no length anyone can know: reading stops there and keeps what it
 * read, with the reason in `stopped`; the bytes after it are left unread, never guessed at. Reading
 * also stops at a TLV container whose length is broken and at a field announcing more bytes than the
 * message holds. A TLV container is skipped whole by its length: nothing in it decides an outcome.
 * The caller judges whether what was read decides anything (status-information.ts does).
 */

export type BmpFormat =
  { readonly kind: 'fixed'; readonly length: number } | { readonly kind: 'LL' } | { readonly kind: 'LLL' } | { readonly kind: 'TLV' };

const fixed = (length: number): BmpFormat => ({ kind: 'fixed', length });
const LL: BmpFormat = { kind: 'LL' };
const LLL: BmpFormat = { kind: 'LLL' };

export const BMP = {
  timeout: 0x01,
  maxStatusInfos: 0x02,
  serviceByte: 0x03,
  amount: 0x04,
  tlv: 0x06,
  traceNumber: 0x0b,
  time: 0x0c,
  date: 0x0d,
  expiryDate: 0x0e,
  cardSequenceNumber: 0x17,
  paymentType: 0x19,
  pan: 0x22,
  resultCode: 0x27,
  terminalId: 0x29,
  vuNumber: 0x2a,
  aid: 0x3b,
  additionalText: 0x3c,
  currency: 0x49,
  receiptNumber: 0x87,
  turnoverNumber: 0x88,
  cardType: 0x8a,
  cardName: 0x8b,
  cardTypeId: 0x8c,
  resultCodeAs: 0xa0,
  dateYymmdd: 0xaa,
  aidParameter: 0xba,
} as const;

const textLines = (first: number): [number, BmpFormat][] => Array.from({ length: 8 }, (_, i) => [first + i, LL]);

export const BMP_FORMATS: ReadonlyMap<number, BmpFormat> = new Map<number, BmpFormat>([
  [0x01, fixed(1)],
  [0x02, fixed(1)],
  [0x03, fixed(1)],
  [0x04, fixed(6)],
  [0x05, fixed(1)],
  [0x06, { kind: 'TLV' }],
  [0x0b, fixed(3)],
  [0x0c, fixed(3)],
  [0x0d, fixed(2)],
  [0x0e, fixed(2)],
  [0x17, fixed(2)],
  [0x19, fixed(1)],
  [0x22, LL],
  [0x23, LL],
  [0x24, LLL],
  [0x27, fixed(1)],
  [0x29, fixed(4)],
  [0x2a, fixed(15)],
  [0x2d, LL],
  [0x2e, LLL],
  [0x37, fixed(3)],
  [0x3a, fixed(2)],
  [0x3b, fixed(8)],
  [0x3c, LLL],
  [0x3d, fixed(3)],
  [0x49, fixed(2)],
  [0x60, LLL],
  [0x70, fixed(4)],
  [0x71, fixed(4)],
  [0x72, fixed(1)],
  [0x73, fixed(1)],
  [0x74, fixed(1)],
  [0x75, fixed(1)],
  [0x87, fixed(2)],
  [0x88, fixed(3)],
  [0x8a, fixed(1)],
  [0x8b, LL],
  [0x8c, fixed(1)],
  [0x92, LLL],
  [0x9a, LLL],
  [0xa0, fixed(1)],
  [0xa7, LL],
  [0xaa, fixed(3)],
  [0xaf, LLL],
  [0xba, fixed(5)],
  [0xd0, fixed(1)],
  [0xd1, LL],
  [0xd2, fixed(1)],
  [0xd3, fixed(1)],
  // Display and input fields (Display Text, Input Request): E1–E8 text2 lines, F1–F8 text1 lines.
  [0xe0, fixed(1)],
  ...textLines(0xe1),
  [0xe9, fixed(1)],
  [0xea, fixed(1)],
  [0xeb, fixed(8)],
  [0xf0, fixed(1)],
  ...textLines(0xf1),
  [0xf9, fixed(1)],
  [0xfa, fixed(1)],
  [0xfb, fixed(1)],
  [0xfc, fixed(1)],
  [0xfd, fixed(1)],
]);

export type Bmp = { readonly id: number; readonly value: Uint8Array };

/** The BMPs read, in order; `stopped` says why reading ended before the last byte, if it did. */
export type BmpParse = { readonly bmps: readonly Bmp[]; readonly stopped?: string };

const hexByte = (byte: number) => `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;

/** Reads the F-nibble length prefix (LL: 2 bytes, LLL: 3 bytes); null if a byte is not F0–F9. */
export function readDigitLength(data: Uint8Array, offset: number, digits: number): number | null {
  let length = 0;
  for (let i = 0; i < digits; i++) {
    const byte = data[offset + i] ?? 0;
    if (byte >> 4 !== 0x0f || (byte & 0x0f) > 9) return null;
    length = length * 10 + (byte & 0x0f);
  }
  return length;
}

/** BER-TLV length: 1 byte < 0x80, or 0x81 + 1 byte, or 0x82 + 2 bytes big-endian. */
function readBerLength(data: Uint8Array, offset: number): { length: number; size: number } | null {
  const first = data[offset];
  if (first === undefined) return null;
  if (first < 0x80) return { length: first, size: 1 };
  if (first === 0x81 && offset + 1 < data.length) return { length: data[offset + 1] ?? 0, size: 2 };
  if (first === 0x82 && offset + 2 < data.length) return { length: ((data[offset + 1] ?? 0) << 8) | (data[offset + 2] ?? 0), size: 3 };
  return null;
}

/** Reads the BMPs of an APDU's data from `offset` on, as far as their lengths can be known. Never throws. */
export function parseBmps(data: Uint8Array, offset = 0): BmpParse {
  const bmps: Bmp[] = [];
  const stop = (stopped: string): BmpParse => ({ bmps, stopped });
  let position = offset;
  while (position < data.length) {
    const id = data[position] ?? 0;
    const format = BMP_FORMATS.get(id);
    if (!format) return stop(`unknown field (BMP ${hexByte(id)}) at byte ${position}: its length cannot be known`);
    let start = position + 1;
    let length: number;
    if (format.kind === 'fixed') {
      length = format.length;
    } else if (format.kind === 'TLV') {
      const ber = readBerLength(data, start);
      if (!ber) return stop(`BMP ${hexByte(id)} at byte ${position}: bad TLV length`);
      length = ber.length;
      start += ber.size;
    } else {
      const digits = format.kind === 'LL' ? 2 : 3;
      if (start + digits > data.length) return stop(`BMP ${hexByte(id)} at byte ${position}: truncated length`);
      const read = readDigitLength(data, start, digits);
      if (read === null) return stop(`BMP ${hexByte(id)} at byte ${position}: length bytes must be F0–F9`);
      length = read;
      start += digits;
    }
    if (start + length > data.length)
      return stop(`BMP ${hexByte(id)} at byte ${position} announces ${length} bytes, only ${data.length - start} remain`);
    bmps.push({ id, value: data.slice(start, start + length) });
    position = start + length;
  }
  return { bmps };
}

/** One BMP with its prefix; null if the value does not fit the field's definition. */
export function encodeBmp(id: number, value: Uint8Array): Uint8Array | null {
  const format = BMP_FORMATS.get(id);
  if (!format) return null;
  let prefix: number[];
  if (format.kind === 'fixed') {
    if (value.length !== format.length) return null;
    prefix = [];
  } else if (format.kind === 'TLV') {
    if (value.length > 0xffff) return null;
    prefix =
      value.length < 0x80 ? [value.length] : value.length <= 0xff ? [0x81, value.length] : [0x82, value.length >> 8, value.length & 0xff];
  } else {
    const digits = format.kind === 'LL' ? 2 : 3;
    if (value.length >= 10 ** digits) return null;
    prefix = [...String(value.length).padStart(digits, '0')].map((digit) => 0xf0 | Number(digit));
  }
  const bytes = new Uint8Array(1 + prefix.length + value.length);
  bytes[0] = id;
  bytes.set(prefix, 1);
  bytes.set(value, 1 + prefix.length);
  return bytes;
}

export const findBmp = (bmps: readonly Bmp[], id: number): Uint8Array | undefined => bmps.find((bmp) => bmp.id === id)?.value;

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
