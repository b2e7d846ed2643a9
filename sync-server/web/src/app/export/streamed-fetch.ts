import { OfficeApiError } from '../../api/office-client';

/**
 * Fetches a file from the hub with the session's cookie (same origin; a GET needs no CSRF token)
 * and reads its body chunk by chunk, calling `onChunk` after each, so a page can show progress
 * on a download the hub streams. A refusal becomes OfficeApiError with the hub's code; a cut or
 * cancelled transfer (`signal`) throws, with `signal.aborted` telling which.
 */
export async function fetchStreamed(
  url: string,
  options: {
    readonly accept: string;
    readonly signal?: AbortSignal;
    readonly fetchImpl?: typeof fetch;
    /** The response's headers, once they are in, before the first chunk. */
    readonly onHeaders?: (headers: Headers) => void;
    readonly onChunk: (chunk: Uint8Array, received: number) => void;
  },
): Promise<{ readonly headers: Headers; readonly parts: BlobPart[] }> {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: 'same-origin',
      headers: { accept: options.accept },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new OfficeApiError('network', 0);
  }
  if (!response.ok) {
    const json: unknown = await response.json().catch(() => null);
    const code = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).error : undefined;
    throw new OfficeApiError(typeof code === 'string' ? code : 'unknown', response.status);
  }
  options.onHeaders?.(response.headers);
  const parts: BlobPart[] = [];
  const reader = response.body?.getReader();
  if (!reader) return { headers: response.headers, parts: [await response.blob()] };
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      options.onChunk(value, received);
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new OfficeApiError('network', 0);
  }
  return { headers: response.headers, parts };
}

/** Hands a finished file to the browser: an object URL clicked as a download link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
