import { X509Certificate } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * `<data-dir>/hub.json`: written by a serving hub so the command line can reach it. PGlite lets
 * one process open a data directory, so while the hub runs, admin commands go through it. The
 * file holds a secret (the admin token): mode 0600, removed at shutdown.
 */
export type HubFile = {
  readonly url: string;
  readonly adminToken: string;
  readonly pid: number;
  /** SHA-256 fingerprint of the hub's certificate, pinned by the command line (HTTPS only). */
  readonly certFingerprint256?: string;
};

export const HUB_FILE = 'hub.json';

export function hubFilePath(dataDir: string): string {
  return path.join(dataDir, HUB_FILE);
}

export async function writeHubFile(dataDir: string, hub: HubFile): Promise<void> {
  const file = hubFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(hub, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

export async function readHubFile(dataDir: string): Promise<HubFile | null> {
  try {
    const value = JSON.parse(await readFile(hubFilePath(dataDir), 'utf8')) as Partial<HubFile>;
    if (typeof value.url !== 'string' || typeof value.adminToken !== 'string' || typeof value.pid !== 'number') return null;
    return value as HubFile;
  } catch {
    return null;
  }
}

export async function removeHubFile(dataDir: string): Promise<void> {
  await rm(hubFilePath(dataDir), { force: true });
}

export function certificateFingerprint(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The URL the command line should use on this machine: a hub listening on every address is reached on loopback. */
export function localUrl(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
