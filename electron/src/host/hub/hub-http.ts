import http from 'node:http';
import https from 'node:https';

export type HubHttpOptions = {
  /** Extra certificate authority to trust (a store's own CA), PEM. */
  readonly ca?: string;
  readonly timeoutMs?: number;
};

export type HubResponse = { readonly status: number; readonly body: unknown };

export type HubMethod = 'GET' | 'POST' | 'PUT';

export class HubNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubNetworkError';
  }
}

function transport(url: URL) {
  if (url.protocol === 'https:') return https;
  if (url.protocol === 'http:') return http;
  throw new HubNetworkError(`The hub address must start with http:// or https://, got ${url.protocol}`);
}

/**
 * One JSON request to the hub over node:http(s), so a store's own certificate authority can be
 * trusted. Network failures and timeouts throw HubNetworkError (the till is offline); any HTTP
 * answer, even an error status, comes back as a response.
 *
 * Node keeps connections alive, so after a network cut the first request may go out on a socket
 * the other end already dropped and be reset before any answer: that one request is sent again
 * once, on a new connection (every request to the hub is idempotent by the ids it carries), rather
 * than telling the cashier the hub is unreachable just as it came back.
 */
export async function hubRequest(
  method: HubMethod,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
  options: HubHttpOptions = {},
): Promise<HubResponse> {
  try {
    return await hubRequestOnce(method, url, headers, body, options);
  } catch (e) {
    if (!(e instanceof StaleSocketError)) throw e;
    return hubRequestOnce(method, url, headers, body, options);
  }
}

/** A reset of a kept-alive socket reused for this request, before any answer came. */
class StaleSocketError extends HubNetworkError {}

function hubRequestOnce(
  method: HubMethod,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
  options: HubHttpOptions,
): Promise<HubResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = transport(url).request(
      url,
      {
        method,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...headers,
        },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // A proxy's HTML error page: keep the text for the message.
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', (e) => reject(new HubNetworkError(`The hub's answer was cut: ${e.message}`)));
      },
    );
    request.on('timeout', () =>
      request.destroy(new HubNetworkError(`The hub did not answer within ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`)),
    );
    request.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof HubNetworkError) return reject(e);
      const message = `The hub cannot be reached at ${url.origin}: ${e.message}`;
      const stale = request.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
      reject(stale ? new StaleSocketError(message) : new HubNetworkError(message));
    });
    request.end(payload);
  });
}

export type EventStream = { close(): void };

/**
 * A server-sent-events connection: calls `onData` with each event's data, `onOpen` when the hub
 * accepted the stream, `onClose` when it ends for any reason (the caller reconnects).
 */
export function openEventStream(
  url: URL,
  headers: Record<string, string>,
  handlers: { onOpen(): void; onData(data: string): void; onClose(reason: string): void },
  options: HubHttpOptions = {},
): EventStream {
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(reason);
  };
  const request = transport(url).request(
    url,
    { method: 'GET', headers: { accept: 'text/event-stream', ...headers }, ...(options.ca ? { ca: options.ca } : {}) },
    (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        finish(`the hub refused the stream (HTTP ${response.statusCode})`);
        return;
      }
      handlers.onOpen();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).replace(/^ /, ''))
            .join('\n');
          if (data) handlers.onData(data);
        }
      });
      response.on('end', () => finish('the hub ended the stream'));
      response.on('error', (e) => finish(e.message));
    },
  );
  request.on('error', (e) => finish(e.message));
  request.end();
  return {
    close() {
      closed = true;
      request.destroy();
    },
  };
}
