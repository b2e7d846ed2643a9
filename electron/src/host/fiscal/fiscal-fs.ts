import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The calls the journal, its checkpoint and the key store make on an open file (Node's FileHandle has them all). */
export type FiscalFileHandle = {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * The file system as the fiscal code uses it, so tests can make a write, a datasync or a
 * truncation fail at the exact step that matters.
 */
export type FiscalFs = {
  open(file: string, flags: string, mode?: number): Promise<FiscalFileHandle>;
  readFile(file: string): Promise<Buffer>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string, options: { readonly recursive: true; readonly mode?: number }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
};

export const nodeFiscalFs: FiscalFs = {
  open: (file, flags, mode) => open(file, flags, mode),
  readFile: (file) => readFile(file),
  readdir: (dir) => readdir(dir),
  mkdir: (dir, options) => mkdir(dir, options),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
};

/** A regular file may take a write in several pieces; a short write is not an error. */
export async function writeAll(handle: FiscalFileHandle, bytes: Uint8Array, position: number | null): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position === null ? null : position + done);
    if (bytesWritten <= 0) throw new Error('the disk accepted no bytes');
    done += bytesWritten;
  }
}

/** A new, renamed or removed entry survives a power cut only once its folder is flushed too. */
export async function syncDirectory(fs: FiscalFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` (and its parents) and makes its entry durable in the folder above. */
export async function makeDirectoryDurably(fs: FiscalFs, dir: string, mode?: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true, ...(mode === undefined ? {} : { mode }) });
  await syncDirectory(fs, path.dirname(dir));
}

/**
 * Replaces `file` so that after a power cut it holds either the old bytes or the new ones, never a
 * mix or nothing: a temporary file written and flushed, renamed over the old one, then the folder
 * flushed so the rename itself is durable.
 */
export async function writeFileDurably(fs: FiscalFs, file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temporary = `${file}.tmp`;
  // A temporary left by a crash may carry another mode; a fresh one gets `mode` (0600 for secrets).
  await fs.unlink(temporary).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const handle = await fs.open(temporary, 'wx', mode);
  try {
    await writeAll(handle, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  await syncDirectory(fs, path.dirname(file));
}

/** Cuts `file` back to `length` bytes and flushes the cut. */
export async function truncateDurably(fs: FiscalFs, file: string, length: number): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
