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

/**
 * The built files, read once at start: the whole back office is a few hundred kilobytes, and
 * serving from memory never touches the disk nor follows a path a request makes up. Keys are
 * paths under /office/ with forward slashes ("index.html", "assets/index-abc123.js").
 */
export function loadOfficeFiles(root: string): ReadonlyMap<string, OfficeFile> {
  const files = new Map<string, OfficeFile>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, full).split(path.sep).join('/');
    const copy = (suffix: string) =>
      existsSync(`${full}${suffix}`) ? { [suffix === '.br' ? 'br' : 'gz']: readFileSync(`${full}${suffix}`) } : {};
    files.set(key, {
      type: TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
      raw: readFileSync(full),
      ...copy('.br'),
      ...copy('.gz'),
    });
  }
  return files;
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
