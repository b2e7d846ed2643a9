import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';

export type RawResponse = { readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: string };

/** A plain HTTP GET that may set any header, Host included (fetch may not). */
export function rawGet(port: number, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export type SocketAttempt =
  { readonly kind: 'open'; readonly socket: WebSocket } | { readonly kind: 'refused'; readonly status: number; readonly body: string };

/** Opens the host socket, or reports the HTTP status that refused the upgrade. */
export function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<SocketAttempt> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('open', () => resolve({ kind: 'open', socket }));
    socket.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      const done = () => {
        // With this listener, ws leaves the connection to us: hang up as a browser would.
        req.destroy();
        resolve({ kind: 'refused', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
      res.on('error', done);
    });
    socket.once('error', reject);
  });
}

/** Messages from the socket, parsed, and a way to wait for one. */
export function messages(socket: WebSocket) {
  const received: unknown[] = [];
  const waiters: { test: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  socket.on('message', (data) => {
    const message: unknown = JSON.parse(String(data));
    received.push(message);
    for (const w of [...waiters]) {
      if (w.test(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  return {
    received,
    next<T>(test: (m: T) => boolean, ms = 5000): Promise<T> {
      const found = received.find((m) => test(m as T));
      if (found) return Promise.resolve(found as T);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No matching message in time')), ms);
        waiters.push({ test: (m) => test(m as T), resolve: (m) => (clearTimeout(timer), resolve(m as T)) });
      });
    },
  };
}

/** Resolves with the close code and reason. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export type RawExchange = { readonly status: number; readonly text: string; readonly serverHungUp: boolean };

/**
 * Sends raw request bytes on a fresh TCP connection, reads the answer, and tells whether the
 * server hung up within `waitMs` (then the client hangs up itself).
 */
export function rawExchange(port: number, request: string, waitMs = 1000): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (serverHungUp: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text, serverHungUp });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error) => (settled ? undefined : reject(error)));
    socket.on('connect', () => socket.write(request));
  });
}

/** A WebSocket upgrade request with any Host header. */
export function upgradeRequest(pathname: string, hostHeader: string): string {
  return [
    `GET ${pathname} HTTP/1.1`,
    `Host: ${hostHeader}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  ].join('\r\n');
}
