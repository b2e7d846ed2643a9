import { createHash } from 'node:crypto';

/** The files of a pass by name (pass.json, images), as the zip will hold them. */
export type PassFiles = Readonly<Record<string, Uint8Array>>;

/**
 * manifest.json: each file's SHA-1 in hex, by name (Apple's "Building a pass"). SHA-1 is what the
 * wallet checks here; the signature over the manifest is what protects the pass.
 */
export function passManifest(files: PassFiles): Uint8Array {
  const hashes = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, createHash('sha1').update(bytes).digest('hex')]));
  return new TextEncoder().encode(JSON.stringify(hashes));
}
