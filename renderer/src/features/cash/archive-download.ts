import type { ArchiveChunk } from '@pos/core';
import { services } from '../../state/services';
import { bytesOf } from './download';

/** Pieces asked of the host at most: 4 GiB in 1 MiB pieces, the most a zip without ZIP64 holds. */
const MAX_PIECES = 4096;

/** An archive the host made, fetched piece by piece (`archive.download`) and joined into one zip the browser saves. */
export async function downloadArchive(file: string): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (let piece = 0; piece < MAX_PIECES; piece++) {
    const chunk: ArchiveChunk = await services().bridge.invoke('archive.download', { file, offset });
    const bytes = bytesOf(chunk.base64);
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= chunk.total || bytes.length === 0) return new Blob(parts, { type: chunk.mediaType });
  }
  throw new Error(`${file} has more pieces than an archive can`);
}
