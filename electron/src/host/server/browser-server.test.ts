import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InvokeReply } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { closed, messages, openSocket, rawExchange, rawGet, upgradeRequest } from '../test-support/http-client';
import { hostPool, tempDirs, type TestHost } from '../test-support/host-harness';
import { startBrowserServer, type BrowserServer } from './browser-server';

const TOKEN = 'test-token-0123456789abcdef';
const dirs = tempDirs('pos-server-');
const hosts = hostPool();
const sockets: WebSocket[] = [];
let host: TestHost;
let server: BrowserServer;
let rendererDir: string;

beforeAll(async () => {
  const root = await dirs.make();
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Caisse</title><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("till")');
  await writeFile(path.join(root, 'secret.txt'), 'not for the web');
  host = await hosts.start(path.join(root, 'data'));
  server = await startBrowserServer(host, { port: 0, rendererDir, token: TOKEN });
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await server.close();
  await hosts.closeAll();
  await dirs.cleanup();
});

const socketUrl = (token?: string) =>
  `ws://127.0.0.1:${server.port}/host${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

async function connected(): Promise<WebSocket> {
  const attempt = await openSocket(socketUrl(TOKEN));
  if (attempt.kind !== 'open') throw new Error(`Refused with ${attempt.status}`);
  sockets.push(attempt.socket);
  return attempt.socket;
}

describe('the server itself', () => {
  it('listens on 127.0.0.1 with the token in the URL fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('makes a new random token each launch when none is given', async () => {
    const a = await startBrowserServer(host, { port: 0, rendererDir });
    const b = await startBrowserServer(host, { port: 0, rendererDir });
    try {
      expect(a.token).not.toBe(b.token);
      expect(a.token.length).toBeGreaterThanOrEqual(24);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('the socket refuses strangers before the upgrade', () => {
  it('without a token: 401', async () => {
    expect(await openSocket(socketUrl())).toMatchObject({ kind: 'refused', status: 401 });
  });

  it.each([['wrong'], [''], [`${TOKEN}x`], [TOKEN.slice(0, -1)], [TOKEN.toUpperCase()]])('with token %j: 401', async (token) => {
    expect(await openSocket(socketUrl(token))).toMatchObject({ kind: 'refused', status: 401 });
  });

  it('with the token twice in the query: 401, not a crash', async () => {
    const attempt = await openSocket(`${socketUrl(TOKEN)}&token=${TOKEN}`);
    expect(attempt).toMatchObject({ kind: 'refused', status: 401 });
  });

  it.each([['http://evil.example'], ['https://127.0.0.1'], ['null'], ['http://127.0.0.1.evil.example']])(
    'from Origin %s: 403 even with the token',
    async (origin) => {
      expect(await openSocket(socketUrl(TOKEN), { origin })).toMatchObject({ kind: 'refused', status: 403 });
    },
  );

  it('from a foreign origin on the right port but another scheme: 403', async () => {
    expect(await openSocket(socketUrl(TOKEN), { origin: `https://127.0.0.1:${server.port}` })).toMatchObject({
      kind: 'refused',
      status: 403,
    });
  });

  /** A server of its own: a connection it fails to close would keep the shared one from closing. */
  async function ownServer(): Promise<BrowserServer> {
    return startBrowserServer(host, { port: 0, rendererDir, token: TOKEN });
  }
  const closesWithin = (s: BrowserServer, ms: number) =>
    Promise.race([s.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open'), ms))]);

  it('with a foreign Host header (DNS rebinding): 421, even with the token', async () => {
    const own = await ownServer();
    const attempt = await openSocket(`ws://127.0.0.1:${own.port}/host?token=${TOKEN}`, { headers: { host: `evil.example:${own.port}` } });
    expect(attempt).toMatchObject({ kind: 'refused', status: 421 });
    void closesWithin(own, 500);
  });

  it('hangs up after refusing an upgrade without the token (and closes cleanly)', async () => {
    const own = await ownServer();
    const answer = await rawExchange(own.port, upgradeRequest('/host', `127.0.0.1:${own.port}`));
    expect(answer).toMatchObject({ status: 401, serverHungUp: true });
    expect(await closesWithin(own, 2000)).toBe('closed');
  });

  it('hangs up after refusing an upgrade with a foreign Host, leaving no connection open', async () => {
    const own = await ownServer();
    const answer = await rawExchange(own.port, upgradeRequest(`/host?token=${TOKEN}`, `evil.example:${own.port}`));
    expect(answer.status).toBe(421);
    // Each such request from a rebinding page would otherwise hold a socket for ever, and the
    // host could no longer shut down: close() waits for it.
    expect({ serverHungUp: answer.serverHungUp, close: await closesWithin(own, 2000) }).toEqual({ serverHungUp: true, close: 'closed' });
  });

  it('accepts our own origin with the token, as 127.0.0.1 and as localhost', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const attempt = await openSocket(socketUrl(TOKEN), { origin });
      expect(attempt.kind).toBe('open');
      if (attempt.kind === 'open') sockets.push(attempt.socket);
    }
  });
});

describe('the contract over the socket', () => {
  it('answers a request with the same id', async () => {
    const socket = await connected();
    const inbox = messages(socket);
    socket.send(JSON.stringify({ id: 7, method: 'host.hello' }));
    const message = await inbox.next<{ id?: number; reply?: InvokeReply }>((m) => m.id === 7);
    expect(message.reply).toMatchObject({ ok: true, value: { storeId: 'S001', tillId: 'T01', mode: 'browser' } });
  });

  it('answers requests independently, by id', async () => {
    const socket = await connected();
    const inbox = messages(socket);
    socket.send(JSON.stringify({ id: 1, method: 'store.profile' }));
    socket.send(JSON.stringify({ id: 2, method: 'nope' }));
    socket.send(JSON.stringify({ id: 3, method: 'receipt.print', request: { saleId: 'sale-1' } }));
    const [a, b, c] = await Promise.all([1, 2, 3].map((id) => inbox.next<{ id: number; reply: InvokeReply }>((m) => m.id === id)));
    expect(a!.reply.ok).toBe(true);
    expect(b!.reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(c!.reply).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('answers a message with an id but no method with INVALID_REQUEST', async () => {
    const socket = await connected();
    const inbox = messages(socket);
    socket.send(JSON.stringify({ id: 11 }));
    socket.send(JSON.stringify({ id: 12, method: 42 }));
    expect(await inbox.next<{ id: number; reply: InvokeReply }>((m) => m.id === 11)).toMatchObject({
      reply: { ok: false, error: { code: 'INVALID_REQUEST' } },
    });
    expect(await inbox.next<{ id: number; reply: InvokeReply }>((m) => m.id === 12)).toMatchObject({
      reply: { ok: false, error: { code: 'INVALID_REQUEST' } },
    });
  });

  it.each([
    ['not json'],
    ['{"id": 1, "method": '],
    ['[1,2]'],
    ['42'],
    ['null'],
    ['{"id":"1","method":"host.hello"}'],
    ['{"id":1.5,"method":"host.hello"}'],
  ])('closes the socket with 1003 on %j', async (raw) => {
    const socket = await connected();
    const done = closed(socket);
    socket.send(raw);
    expect((await done).code).toBe(1003);
  });

  it('forwards the events the host emits', async () => {
    const socket = await connected();
    const inbox = messages(socket);
    host.context.events.emit('host.notice', { level: 'warning', message: 'Papier bientôt épuisé' });
    expect(await inbox.next<{ event?: string }>((m) => m.event === 'host.notice')).toEqual({
      event: 'host.notice',
      payload: { level: 'warning', message: 'Papier bientôt épuisé' },
    });
  });

  it('sends events to every open socket, and stops at a closed one', async () => {
    const a = await connected();
    const b = await connected();
    const inboxA = messages(a);
    const inboxB = messages(b);
    b.close();
    await closed(b);
    host.context.events.emit('printer.status', { state: 'offline', target: 'none', checkedAt: new Date(0).toISOString() });
    await inboxA.next<{ event?: string }>((m) => m.event === 'printer.status');
    expect(inboxB.received).toEqual([]);
  });
});

describe('HTTP', () => {
  it('serves the index page with a CSP and nosniff', async () => {
    const res = await rawGet(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Caisse</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the same headers', async () => {
    const res = await rawGet(server.port, '/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it.each([['/../secret.txt'], ['/%2e%2e/secret.txt'], ['/assets/..%2f..%2fsecret.txt'], ['/..%5csecret.txt']])(
    'does not serve files outside the renderer: %s',
    async (pathname) => {
      const res = await rawGet(server.port, pathname);
      expect(res.body).not.toContain('not for the web');
      expect(res.status).toBeGreaterThanOrEqual(400);
    },
  );

  it.each([['evil.example'], [`evil.example:PORT`], ['127.0.0.1'], ['127.0.0.1:1'], ['localhost.evil.example:PORT']])(
    'answers 421 to Host %j',
    async (hostHeader) => {
      const res = await rawGet(server.port, '/', { host: hostHeader.replace('PORT', String(server.port)) });
      expect(res.status).toBe(421);
      expect(res.body).not.toContain('Caisse');
    },
  );

  it('answers 421 to a request with no Host at all (HTTP/1.0)', async () => {
    const answer = await rawExchange(server.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(421);
  });

  it('answers 421 to a foreign Host on /token-check too', async () => {
    expect((await rawGet(server.port, '/token-check', { host: `evil.example:${server.port}`, 'x-till-token': TOKEN })).status).toBe(421);
  });

  it('accepts localhost as the Host', async () => {
    expect((await rawGet(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('tells a tab whether its token is still the host’s: 204 or 401', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/token-check`, { headers: { 'x-till-token': TOKEN } })).status).toBe(204);
    expect((await fetch(`http://127.0.0.1:${server.port}/token-check`, { headers: { 'x-till-token': 'old-token' } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${server.port}/token-check`)).status).toBe(401);
  });

  it('says how to build the screen when the renderer is not built', async () => {
    const empty = await dirs.make();
    const bare = await startBrowserServer(host, { port: 0, rendererDir: empty, token: TOKEN });
    try {
      const res = await rawGet(bare.port, '/');
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/npm run build/);
      expect(res.headers['content-security-policy']).toContain(`ws://127.0.0.1:${bare.port}`);
    } finally {
      await bare.close();
    }
  });
});
