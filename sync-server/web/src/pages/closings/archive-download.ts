import { fetchStreamed } from '../../app/export/streamed-fetch';

export type Progress = { readonly received: number; readonly total: number | null };

/**
 * Downloads the signed archive, counting bytes as they arrive: the hub streams the zip as it writes
 * it and sends no Content-Length today, so `total` is null (an indeterminate bar) unless it does.
 */
export async function downloadArchive(
  url: string,
  onProgress: (progress: Progress) => void,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<Blob> {
  let total: number | null = null;
  const { parts } = await fetchStreamed(url, {
    accept: 'application/zip',
    fetchImpl,
    onHeaders: (headers) => {
      const length = Number(headers.get('content-length'));
      total = Number.isFinite(length) && length > 0 ? length : null;
      onProgress({ received: 0, total });
    },
    onChunk: (_chunk, received) => onProgress({ received, total }),
  });
  return new Blob(parts, { type: 'application/zip' });
}

/** Whether a period is a valid archive request: from ≤ to, at most twelve months (the hub's rule). */
export function periodProblem(from: string, to: string): 'order' | 'tooLong' | null {
  if (!from || !to || from > to) return 'order';
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return new Date(`${to}T00:00:00Z`) >= limit ? 'tooLong' : null;
}
