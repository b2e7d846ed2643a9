import http from 'node:http';
import https from 'node:https';

/** A minimal server-sent-events reader over real sockets, as a till's host would open one. */
export type SseStream = {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Every `data:` payload so far, in order. */
  readonly events: string[];
  readonly comments: string[];
  /** Resolves with the n-th event (0-based) once it has arrived. */
  event(n: number, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
};

export function openSse(url: string, headers: Record<string, string>, options: { ca?: string } = {}): Promise<SseStream> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      { headers: { accept: 'text/event-stream', ...headers }, ...(options.ca ? { ca: options.ca } : {}) },
      (response) => {
        const events: string[] = [];
        const comments: string[] = [];
        const waiters: (() => void)[] = [];
        let buffer = '';
        let endResolve: () => void = () => undefined;
        const ended = new Promise<void>((r) => (endResolve = r));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let blank = buffer.indexOf('\n\n');
          while (blank >= 0) {
            const block = buffer.slice(0, blank);
            buffer = buffer.slice(blank + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart());
            if (data.length > 0) events.push(data.join('\n'));
            for (const line of block.split('\n')) if (line.startsWith(':')) comments.push(line.slice(1).trim());
            blank = buffer.indexOf('\n\n');
          }
          for (const w of waiters.splice(0)) w();
        });
        const finish = () => {
          endResolve();
          for (const w of waiters.splice(0)) w();
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          events,
          comments,
          ended,
          event(n, timeoutMs = 3000) {
            return new Promise((res, rej) => {
              const timer = setTimeout(
                () => rej(new Error(`no event #${n} within ${timeoutMs} ms (got ${JSON.stringify(events)})`)),
                timeoutMs,
              );
              const check = () => {
                if (events.length > n) {
                  clearTimeout(timer);
                  res(events[n]!);
                } else waiters.push(check);
              };
              check();
            });
          },
          close() {
            request.destroy();
            response.destroy();
          },
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Plain JSON request over a real socket. */
export function requestJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; ca?: string } = {},
): Promise<{ status: number; body: unknown; headers: http.IncomingHttpHeaders }> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: init.method ?? 'GET',
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...init.headers },
        ...(init.ca ? { ca: init.ca } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
