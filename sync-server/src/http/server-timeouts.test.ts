import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../server';
import { neverReadingClient, rawConnection, requestHead, whenClosed } from '../test-support/raw-client';
import { openSse } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

/** Resolves with what the hub sent before closing, or rejects when it is still open after `ms`. */
function closedWithin(closed: Promise<string>, ms: number): Promise<string> {
  return Promise.race([closed, sleep(ms).then(() => Promise.reject(new Error(`the hub kept the connection open for ${ms} ms`)))]);
}

/** Sends `text` a byte every `everyMs` until the socket closes. */
function dribble(socket: Socket, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) clearInterval(timer);
    else socket.write(text[at++]!);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

function connectionCount(hub: Hub): Promise<number> {
  return new Promise((resolve, reject) => hub.app.server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`request timeouts on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const hubs: Hub[] = [];
    const sockets: Socket[] = [];
    afterEach(async () => {
      for (const s of sockets.splice(0)) s.destroy();
      for (const h of hubs.splice(0)) await h.close();
    });

    async function hubWith(timeouts: Parameters<typeof createHub>[0]['timeouts'], heartbeatMs?: number): Promise<string> {
      const hub = await createHub({ database: ctx().db, port: 0, rateLimit: false, timeouts, ...(heartbeatMs ? { heartbeatMs } : {}) });
      hubs.push(hub);
      return hub.listen();
    }

    async function slowPost(
      url: string,
      path: string,
      headers: Record<string, string>,
      body: string,
    ): Promise<{ closed: Promise<string> }> {
      const { socket, host } = await rawConnection(url);
      sockets.push(socket);
      const closed = whenClosed(socket);
      socket.write(
        requestHead('POST', path, host, {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        }),
      );
      dribble(socket, body, 100);
      return { closed };
    }

    it('an enrollment body sent a byte at a time: 408 request_timeout and the connection closed', async () => {
      const url = await hubWith({ enrollBodyMs: 300 });
      const started = Date.now();
      const answer = await closedWithin(
        (await slowPost(url, '/api/v1/enroll', {}, JSON.stringify({ code: 'ABCD-EFGH-JKLM' }))).closed,
        3000,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/"error":"request_timeout"/);
    });

    it('any other request whose body dribbles is cut at the request timeout, with the hub’s error body', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const url = await hubWith({ requestMs: 400 });
      const body = JSON.stringify({ rows: [{ newDocumentState: { id: 'c1', storeId: 'S1', lastName: 'Martin', fieldTimes: {} } }] });
      const answer = await closedWithin(
        (await slowPost(url, '/sync/v1/customers/push', syncHeaders(till!.token, 'customers'), body)).closed,
        3000,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        error: 'request_timeout',
        message: expect.stringContaining('did not arrive in time'),
      });
    });

    it('headers sent a byte at a time are cut at the headers timeout', async () => {
      const url = await hubWith({ headersMs: 300 });
      const { socket, host } = await rawConnection(url);
      sockets.push(socket);
      const closed = whenClosed(socket);
      socket.write(`GET /health HTTP/1.1\r\nHost: ${host}\r\n`);
      dribble(socket, `x-slow: ${'a'.repeat(100)}\r\n\r\n`, 100);
      expect(await closedWithin(closed, 3000)).toMatch(/^HTTP\/1\.1 408 /);
    });

    it('event streams outlive every timeout: they are not requests still arriving, and their reader keeps up', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const url = await hubWith({ headersMs: 200, requestMs: 200, stalledReaderMs: 200 }, 50);
      const stream = await openSse(`${url}/sync/v1/customers/stream`, syncHeaders(till!.token, 'customers'));
      try {
        expect(await stream.event(0)).toBe('RESYNC');
        await sleep(1000);
        expect(hubs[0]!.streams.connectionCount).toBe(1);
        expect(stream.comments.length).toBeGreaterThan(5);
      } finally {
        stream.close();
      }
    });

    it('a client that stops reading its answers is disconnected once nothing moves for the stalled-reader time', async () => {
      const url = await hubWith({ stalledReaderMs: 300 });
      // Pipelined requests for the OpenAPI document, never read: the kernel's buffers fill, then the hub's.
      const socket = await neverReadingClient(url, '/openapi.json');
      sockets.push(socket);
      const { host } = new URL(url);
      for (let i = 0; i < 400; i++) socket.write(requestHead('GET', '/openapi.json', host, {}));
      await expect.poll(() => connectionCount(hubs[0]!), { timeout: 10_000, interval: 100 }).toBe(0);
    }, 20_000);
  });
}
