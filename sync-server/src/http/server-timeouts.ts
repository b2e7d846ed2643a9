import http from 'node:http';
import type { Socket } from 'node:net';
import type { SyncErrorBody } from '@pos/core';
import type { HubApp } from './hub-app';

export type RequestTimeouts = {
  /** The request line and headers must arrive within this (default 15 s). */
  readonly headersMs: number;
  /**
   * The whole request, body included (default 120 s: a 5 MiB push over 0.5 Mbit/s, a 64 MiB CSV
   * import over 5 Mbit/s). Counts until the request is received, so event streams are not concerned.
   */
  readonly requestMs: number;
  /** A client that takes none of the bytes waiting for it for this long is disconnected (default 60 s). */
  readonly stalledReaderMs: number;
  /** The body of the one route anyone may call, enrollment (a few bytes), must arrive within this (default 10 s). */
  readonly enrollBodyMs: number;
};

export const DEFAULT_TIMEOUTS: RequestTimeouts = { headersMs: 15_000, requestMs: 120_000, stalledReaderMs: 60_000, enrollBodyMs: 10_000 };

/**
 * Node's http server options for the timeouts. Fastify turns Node's request timeout off by
 * default (0): a body sent a byte a minute would hold its connection for ever. Node checks the
 * timeouts every `connectionsCheckingInterval` (30 s by default, as long as a short timeout):
 * at most a second here.
 */
export function serverTimeoutOptions(timeouts: RequestTimeouts): {
  readonly requestTimeout: number;
  readonly nodeOptions: { readonly headersTimeout: number; readonly connectionsCheckingInterval: number };
} {
  const headersTimeout = Math.min(timeouts.headersMs, timeouts.requestMs);
  const connectionsCheckingInterval = Math.max(25, Math.min(1000, Math.floor(headersTimeout / 4)));
  return { requestTimeout: timeouts.requestMs, nodeOptions: { headersTimeout, connectionsCheckingInterval } };
}

function rawAnswer(status: number, body: SyncErrorBody): string {
  const text = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(text)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`
  );
}

/**
 * What Node reports before any route runs (a request too slow to arrive, malformed, headers too
 * large), answered with the hub's `{error, message}` instead of Fastify's own body.
 */
export function clientErrorHandler(timeouts: RequestTimeouts) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    let answer: string;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      answer = rawAnswer(408, {
        error: 'request_timeout',
        message: `The request did not arrive in time (headers within ${timeouts.headersMs / 1000} s, all of it within ${timeouts.requestMs / 1000} s): send it again`,
      });
    else if (error.code === 'HPE_HEADER_OVERFLOW')
      answer = rawAnswer(431, { error: 'bad_request', message: 'The request headers are too large' });
    else answer = rawAnswer(400, { error: 'bad_request', message: 'Malformed HTTP request' });
    if (socket.writable) socket.write(answer);
    socket.destroy();
  };
}

/**
 * A client that stops reading keeps what the hub wrote for it in the hub's memory. Once the
 * socket has bytes waiting and none of them has been taken for `ms`, it is disconnected. A
 * request the hub is still working on (nothing written yet) is left alone, however long it takes.
 */
export function dropStalledReaders(app: HubApp, ms: number): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.setTimeout(ms, () => {
      if (reply.raw.writableLength > 0) {
        request.log.warn({ bufferedBytes: reply.raw.writableLength }, 'client disconnected: it stopped reading its answer');
        reply.raw.destroy();
      }
    });
  });
}
