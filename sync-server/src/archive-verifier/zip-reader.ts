import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { ArchiveSource } from '@pos/core/fiscal/archive/verify-archive';

/** One file of the zip, from its central directory entry. */
type ZipEntry = { readonly name: string; readonly method: number; readonly compressedSize: number; readonly headerOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * A zip read through its central directory (PKWARE APPNOTE §4.3): each file found by name, its
 * bytes streamed from the disk and inflated by Node's zlib as they are read, so an archive of
 * gigabytes never sits in memory and the manifest is read first wherever it is stored. Stored
 * (0) and deflated (8) files only, no ZIP64, as the hub writes them; a name given twice is refused.
 */
export async function openZip(path: string): Promise<ArchiveSource & { close(): Promise<void> }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = await readAt(file, Math.max(0, size - 65_557), Math.min(size, 65_557));
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    if (at < 0) throw new Error('not a zip file (no end of central directory)');
    const count = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (directorySize === ZIP64 || directoryOffset === ZIP64 || count === 0xffff)
      throw new Error('a ZIP64 archive, which this verifier does not read');
    const directory = await readAt(file, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new Error('the zip’s central directory is damaged');
      const nameLength = directory.readUInt16LE(p + 28);
      const name = directory.subarray(p + 46, p + 46 + nameLength).toString('utf8');
      const entry = {
        name,
        method: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        headerOffset: directory.readUInt32LE(p + 42),
      };
      if (entry.compressedSize === ZIP64 || entry.headerOffset === ZIP64)
        throw new Error(`${name} is stored as ZIP64, which this verifier does not read`);
      if (entries.has(name)) throw new Error(`the zip holds two files named ${name}`);
      entries.set(name, entry);
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }

    const dataStart = async (entry: ZipEntry) => {
      const header = await readAt(file, entry.headerOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new Error(`${entry.name}: its local header is damaged`);
      return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    };
    async function* chunks(name: string): AsyncIterable<Uint8Array> {
      const entry = entries.get(name);
      if (!entry) return;
      if (entry.method !== 0 && entry.method !== 8) throw new Error(`${name}: compression method ${entry.method} is not read`);
      const start = await dataStart(entry);
      if (entry.compressedSize === 0) return;
      const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
      if (entry.method === 0) {
        yield* raw as AsyncIterable<Buffer>;
        return;
      }
      const inflate = createInflateRaw({ chunkSize: 1 << 18 });
      raw.on('error', (error) => inflate.destroy(error));
      raw.pipe(inflate);
      yield* inflate as AsyncIterable<Buffer>;
    }
    return {
      names: [...entries.keys()],
      chunks,
      read: async (name) => {
        const parts: Uint8Array[] = [];
        for await (const chunk of chunks(name)) parts.push(chunk);
        return Buffer.concat(parts);
      },
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}
