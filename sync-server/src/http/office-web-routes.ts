import { HubError } from '../errors/hub-error';
import type { HubApp } from './hub-app';
import { officeFiles, pickEncoding, type OfficeFiles } from './office-web-files';

/**
 * The back office's own policy, replacing the hub's "nothing at all" on its pages: scripts, styles,
 * images and API calls from the hub itself only; no inline script, no frame, no plug-in.
 */
export const OFFICE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Content-hashed names never change content: kept a year and never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built back office (sync-server/web → dist/office) at /office/: files precompressed
 * at build time sent as the browser accepts them, hashed assets cached for ever, index.html
 * revalidated every time (it names the current assets), and every other address under /office/
 * answered with index.html for the page's own router. `root` null: the hub was built without it.
 */
export function registerOfficeWebRoutes(app: HubApp, options: { root: string | null }): void {
  const files: OfficeFiles = options.root ? officeFiles(options.root) : new Map();
  const index = files.get('index.html');

  app.get('/office', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/office/', 301));
  app.get<{ Params: { '*': string } }>('/office/*', { schema: { hide: true } }, async (request, reply) => {
    if (!index) throw new HubError(404, 'not_found', 'The back office is not built into this hub: run npm run build -w sync-server');
    const wanted = request.params['*'];
    const asset = files.get(wanted);
    // A missing asset is a 404 (a stale page asking for last build's chunk must not get HTML as script).
    if (!asset && wanted.startsWith('assets/')) throw new HubError(404, 'not_found', `The back office has no file ${wanted}`);
    const file = (asset ?? index)();
    const encoding = pickEncoding(request.headers['accept-encoding'], file);
    reply
      .header('content-type', file.type)
      .header('cache-control', asset && wanted.startsWith('assets/') ? IMMUTABLE : 'no-cache')
      .header('content-security-policy', OFFICE_CSP)
      .header('vary', 'accept-encoding');
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? file.br : encoding === 'gzip' ? file.gz : file.raw);
  });
}
