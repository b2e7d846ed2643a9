import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One built file of the back office, with the brotli and gzip copies the build made beside it. */
export type OfficeFile = { readonly type: string; readonly raw: Buffer; readonly br?: Buffer; readonly gz?: Buffer };

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Where the built back office is: `dist/office` of the hub's package, found from this file whether
 * it runs from the sources (src/http) or from the bundle (dist/cli.cjs); null when it is not built.
 */
export function defaultOfficeWebRoot(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, 'office'), path.join(dir, 'dist', 'office')])
      if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The built files by path under /office/ ("index.html", "assets/index-abc123.js"), each read on first use. */
export type OfficeFiles = ReadonlyMap<string, () => OfficeFile>;

/**
 * The list is made once at start, so a request can only name a file the build made (never a path
 * it makes up); each file is read on its first request and kept in memory, its source map and the
 * QR code's chunk only if someone asks for them.
 */
export function officeFiles(root: string): OfficeFiles {
  const files = new Map<string, () => OfficeFile>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, full).split(path.sep).join('/');
    let read: OfficeFile | null = null;
    files.set(key, () => (read ??= readOfficeFile(full)));
  }
  return files;
}

function readOfficeFile(full: string): OfficeFile {
  const copy = (suffix: '.br' | '.gz') => (existsSync(`${full}${suffix}`) ? readFileSync(`${full}${suffix}`) : undefined);
  const br = copy('.br');
  const gz = copy('.gz');
  return {
    type: TYPES[path.extname(full)] ?? 'application/octet-stream',
    raw: readFileSync(full),
    ...(br ? { br } : {}),
    ...(gz ? { gz } : {}),
  };
}

/** The encoding to send from what the browser accepts (Accept-Encoding, q=0 refusing one): brotli, then gzip. */
export function pickEncoding(acceptEncoding: string | undefined, file: OfficeFile): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (file.br && accepts('br')) return 'br';
  if (file.gz && accepts('gzip')) return 'gzip';
  return null;
}
