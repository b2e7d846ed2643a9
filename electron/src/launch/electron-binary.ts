import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * Finds the Electron binary without `require('electron')`, which tries a download and throws
 * when it fails. If the binary is missing, one download attempt is made (electron's own
 * installer); on a machine that cannot reach Electron's servers this fails fast and we say why.
 */
export function findElectronBinary(options: { download: boolean; fromDir: string }): ElectronBinary {
  let electronDir: string;
  try {
    electronDir = path.dirname(createRequire(path.join(options.fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const located = locate(electronDir);
  if (located) return { ok: true, path: located };
  if (!options.download) return { ok: false, reason: 'the Electron binary has not been downloaded' };
  const attempt = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  const again = locate(electronDir);
  if (attempt.status === 0 && again) return { ok: true, path: again };
  const detail = `${attempt.stderr ?? ''}${attempt.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|fail/i.test(l));
  return { ok: false, reason: `the Electron binary could not be downloaded${detail ? ` (${detail.slice(0, 160)})` : ''}` };
}

function locate(electronDir: string): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
