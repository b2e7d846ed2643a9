import type { DownloadFile } from '@pos/core';

/** Bytes the host sent as base64. */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The host's document (base64) as a file the browser can save. */
export function fileBlob(file: DownloadFile): Blob {
  return new Blob([bytesOf(file.base64)], { type: file.mediaType });
}

/** A link that saves the file under its name; the caller revokes the URL when the link goes. */
export function downloadUrl(file: DownloadFile): string {
  return URL.createObjectURL(fileBlob(file));
}
