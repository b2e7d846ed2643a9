const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Scanned bytes as text. Product codes are ASCII; 2D codes may carry UTF-8 (QR) or ISO 8859-1
 * (Code 128 extended, older DataMatrix): UTF-8 when the bytes are valid UTF-8, else Latin-1, so no
 * byte is ever lost or replaced.
 */
export function decodeScanBytes(bytes: Uint8Array): string {
  if (bytes.every((b) => b < 0x80)) return String.fromCharCode(...bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  }
}
