import { OfficeApiError } from '../../api/office-client';

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
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin', headers: { accept: 'application/zip' } });
  } catch {
    throw new OfficeApiError('network', 0);
  }
  if (!response.ok) {
    const json: unknown = await response.json().catch(() => null);
    const code = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).error : undefined;
    throw new OfficeApiError(typeof code === 'string' ? code : 'unknown', response.status);
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks, { type: 'application/zip' });
}

/** Whether a period is a valid archive request: from ≤ to, at most twelve months (the hub's rule). */
export function periodProblem(from: string, to: string): 'order' | 'tooLong' | null {
  if (!from || !to || from > to) return 'order';
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return new Date(`${to}T00:00:00Z`) >= limit ? 'tooLong' : null;
}
