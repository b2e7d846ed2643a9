import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type PngInfo = { width: number; height: number; bitDepth: number; colourType: number };

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Reads a PNG the strict way: signature, every chunk's CRC, IHDR first and IEND last, and image data that
 * inflates to exactly the size the header promises (non-interlaced, 8-bit, no palette). Throws otherwise.
 */
export function readPng(bytes: Buffer): PngInfo {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const body = bytes.subarray(offset + 4, offset + 8 + length);
    if (body.length !== 4 + length) throw new Error('truncated chunk');
    if (crc32(body) !== bytes.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${body.subarray(0, 4).toString('latin1')}`);
    chunks.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4) });
    offset += 12 + length;
  }
  if (chunks[0]?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND') throw new Error('IHDR must come first and IEND last');
  const header = chunks[0].data;
  const info = { width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8]!, colourType: header[9]! };
  const channels = CHANNELS[info.colourType];
  if (info.bitDepth !== 8 || channels === undefined || header[12] !== 0) throw new Error('expected a non-interlaced 8-bit grey/RGB(A) PNG');
  const pixels = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  if (pixels.length !== info.height * (1 + info.width * channels)) throw new Error('image data does not match the header');
  return info;
}
