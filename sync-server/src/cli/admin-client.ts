import http from 'node:http';
import tls from 'node:tls';
import type { SyncErrorBody } from '@pos/core';
import { HubError, type HubErrorCode } from '../errors/hub-error';
import type { HubFile } from './hub-file';

export type AdminResponse = { readonly status: number; readonly body: unknown };

/**
 * Over HTTPS the hub's certificate is pinned by its fingerprint from hub.json, checked before a
 * byte of the request (and its admin token) is sent: a self-signed certificate works, and nothing
 * else listening on that port ever sees the token.
 */
export function pinnedSocket(url: URL, fingerprint: string | undefined, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443), rejectUnauthorized: false, timeout: timeoutMs },
      () => {
        const seen = socket.getPeerCertificate().fingerprint256;
        if (!fingerprint || seen !== fingerprint) {
          socket.destroy();
          reject(new Error(`The hub at ${url.origin} does not present the certificate recorded in hub.json`));
        } else resolve(socket);
      },
    );
    socket.once('error', reject);
    socket.once('timeout', () => socket.destroy(new Error(`The hub at ${url.origin} did not answer`)));
  });
}

/** A body sent as it is (a CSV file), rather than as JSON. */
export type RawBody = { readonly contentType: string; readonly bytes: Buffer };

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && Buffer.isBuffer((body as Partial<RawBody>).bytes);
}

export async function adminRequest(
  hub: HubFile,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  pathname: string,
  body?: unknown,
  timeoutMs = 5000,
): Promise<AdminResponse> {
  const url = new URL(pathname, hub.url);
  const socket = url.protocol === 'https:' ? await pinnedSocket(url, hub.certFingerprint256, timeoutMs) : null;
  const payload = body === undefined ? undefined : isRaw(body) ? body.bytes : Buffer.from(JSON.stringify(body));
  const contentType = isRaw(body) ? body.contentType : 'application/json';
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        timeout: timeoutMs,
        headers: {
          authorization: `Bearer ${hub.adminToken}`,
          ...(payload ? { 'content-type': contentType, 'content-length': String(payload.length) } : {}),
        },
        ...(socket ? { createConnection: () => socket } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: text });
          }
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`The hub at ${url.origin} did not answer in time`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** The body of a 2xx answer, or the hub's refusal as a HubError (same words and details as a direct call). */
export async function adminCall<T>(
  hub: HubFile,
  pathname: string,
  body: unknown,
  options: { readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; readonly timeoutMs?: number } = {},
): Promise<T> {
  const response = await adminRequest(hub, options.method ?? 'POST', pathname, body, options.timeoutMs);
  if (response.status >= 200 && response.status < 300) return response.body as T;
  const refusal = (response.body ?? {}) as Partial<SyncErrorBody> & Record<string, unknown>;
  const { error, message, ...details } = refusal;
  throw new HubError(response.status, (error ?? 'internal') as HubErrorCode, message ?? `The hub answered ${response.status}`, details);
}

/** Whether a hub answers its health route at the address in hub.json, and if not, why. */
export async function probeHub(hub: HubFile): Promise<{ readonly answers: boolean; readonly problem?: string }> {
  try {
    const response = await adminRequest(hub, 'GET', '/health', undefined, 2000);
    return response.status === 200 ? { answers: true } : { answers: false, problem: `it answered ${response.status}` };
  } catch (error) {
    return { answers: false, problem: (error as Error).message };
  }
}
