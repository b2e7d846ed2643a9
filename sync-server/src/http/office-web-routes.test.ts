import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandlers } from './error-handler';
import type { HubApp } from './hub-app';
import { pickEncoding } from './office-web-files';
import { IMMUTABLE, OFFICE_CSP, registerOfficeWebRoutes } from './office-web-routes';
import { installSecurityHeaders } from './security-headers';

const INDEX = '<!doctype html><html lang="fr"><script type="module" src="/office/assets/index-abc123.js"></script></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

/** A built back office as the Vite build leaves it: index.html, hashed assets, .br and .gz copies of the big ones. */
function builtOffice(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'office-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), INDEX);
  const script = path.join(root, 'assets', 'index-abc123.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(path.join(root, 'assets', 'index-def456.css'), 'body{margin:0}');
  return root;
}

async function hubLike(root: string | null): Promise<HubApp> {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await installSecurityHeaders(app);
  installErrorHandlers(app);
  registerOfficeWebRoutes(app, { root });
  await app.ready();
  return app;
}

describe('the back office served by the hub', () => {
  let app: HubApp;
  beforeAll(async () => {
    app = await hubLike(builtOffice());
  });
  afterAll(() => app.close());

  it('index.html is revalidated every time, under a policy that allows only the hub itself', async () => {
    const page = await app.inject({ url: '/office/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(OFFICE_CSP);
    expect(OFFICE_CSP).toContain("script-src 'self'");
    expect(OFFICE_CSP).not.toMatch(/unsafe|\*|https?:/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toBe(INDEX);
    expect((await app.inject({ url: '/office' })).headers.location).toBe('/office/');
  });

  it('hashed assets are cached for ever and sent precompressed as the browser accepts: brotli, else gzip, else plain', async () => {
    const br = await app.inject({ url: '/office/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await app.inject({ url: '/office/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    expect(gz.rawPayload.length).toBeLessThan(SCRIPT.length / 10);

    const plain = await app.inject({ url: '/office/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    const css = await app.inject({ url: '/office/assets/index-def456.css', headers: { 'accept-encoding': 'br' } });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('any other address under /office/ is the app (its router shows the page); a missing asset is a 404, never HTML', async () => {
    for (const url of ['/office/sales', '/office/catalog/P-1?tab=prices', '/office/..%2F..%2Fpackage.json']) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toBe(INDEX);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const missing = await app.inject({ url: '/office/assets/index-old999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    expect(missing.headers['cache-control']).toBe('no-store');
    // The hub's other answers keep their policy of nothing at all.
    expect((await app.inject({ url: '/api/v1/nowhere' })).headers['content-security-policy']).toMatch(/^default-src 'none'/);
  });

  it('a hub built without the back office says so with a code', async () => {
    const bare = await hubLike(null);
    const answer = await bare.inject({ url: '/office/' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('npm run build -w sync-server') });
    await bare.close();
  });

  it('reads q-values and wildcards in Accept-Encoding', () => {
    const file = { type: 'text/plain', raw: Buffer.from('x'), br: Buffer.from('b'), gz: Buffer.from('g') };
    expect(pickEncoding(undefined, file)).toBeNull();
    expect(pickEncoding('*', file)).toBe('br');
    expect(pickEncoding('*;q=0, gzip', file)).toBe('gzip');
    expect(pickEncoding('br;q=0.0, gzip;q=0', file)).toBeNull();
    expect(pickEncoding('br', { type: 'text/plain', raw: Buffer.from('x') })).toBeNull();
  });
});
