import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { TillHost } from '../till-host-types';
import { parseSocketRequest, type SocketEvent, type SocketReply } from './socket-protocol';

export type BrowserServer = {
  readonly url: string;
  /** The customer display page (a second screen or browser window): it only shows the sale. */
  readonly customerUrl: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
};

export type BrowserServerOptions = {
  readonly port: number;
  readonly rendererDir: string;
  /** A fixed token for tests; by default a new random one each launch. */
  readonly token?: string;
};

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: serves the built renderer and the host contract over a WebSocket, on 127.0.0.1
 * only. The socket needs the per-launch token (given in the URL fragment, which browsers never
 * send to servers or put in logs) and our own origin; every request needs our own Host header,
 * so a web page elsewhere cannot reach the till through DNS rebinding.
 */
export async function startBrowserServer(host: TillHost, options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy(port));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 * 1024 } });
  // After the websocket plugin: its own onRequest hook must mark upgrades first, or a refused
  // upgrade leaves its socket open (and the server can never close).
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      await reply.code(421).send({ error: 'This till only answers on 127.0.0.1' });
    }
  });
  app.register(async (scope) => {
    scope.addHook('preValidation', async (request: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        await reply.code(403).send({ error: 'Foreign origin' });
        return;
      }
      if (!sameToken(request.query.token, token)) await reply.code(401).send({ error: 'Missing or wrong till token' });
    });
    scope.get('/host', { websocket: true }, (socket) => {
      const send = (message: SocketReply | SocketEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      const unsubscribe = host.onAny((event, payload) => send({ event, payload }));
      socket.on('message', async (data) => {
        const parsed = parseSocketRequest(data.toString());
        if ('error' in parsed) {
          if (parsed.id !== undefined)
            send({ id: parsed.id, reply: { ok: false, error: { code: 'INVALID_REQUEST', message: parsed.error } } });
          else socket.close(1003, parsed.error);
          return;
        }
        send({ id: parsed.id, reply: await host.invoke(parsed.method, parsed.request) });
      });
      socket.on('close', unsubscribe);
    });
  });

  // Lets a tab whose socket keeps failing tell "host down" from "host restarted with a new token".
  app.get('/token-check', async (request, reply) => reply.code(sameToken(request.headers['x-till-token'], token) ? 204 : 401).send());

  if (existsSync(path.join(options.rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(options.rendererDir), index: ['index.html'] });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The till screen is not built: run "npm run build" and restart.'),
    );
  }

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  if (typeof address === 'object' && address) port = address.port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    customerUrl: `http://127.0.0.1:${port}/?view=customer#token=${token}`,
    port,
    token,
    close: () => app.close(),
  };
}
