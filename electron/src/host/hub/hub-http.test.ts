import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubNetworkError, hubRequest } from './hub-http';

const ANSWER = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: keep-alive\r\n\r\n{"ok":true}';

/**
 * A hub whose first connection answers one request and then resets when it is used again, as a
 * kept-alive socket does once a network cut has dropped it on the other side; every later
 * connection answers. `resetAll` resets every request instead (the hub really is gone).
 */
function flakyHub() {
  let connections = 0;
  let requests = 0;
  let resetAll = false;
  const server = createServer((socket: Socket) => {
    connections += 1;
    const first = connections === 1;
    let served = 0;
    socket.on('data', (chunk: Buffer) => {
      if (!chunk.toString('latin1').includes('\r\n\r\n')) return;
      requests += 1;
      served += 1;
      if (resetAll || (first && served > 1)) socket.resetAndDestroy();
      else socket.write(ANSWER);
    });
    socket.on('error', () => undefined);
  });
  return {
    server,
    counts: () => ({ connections, requests }),
    resetEverything: () => (resetAll = true),
  };
}

describe('a request to the hub on a kept-alive socket the network dropped', () => {
  const hub = flakyHub();
  let url: URL;

  beforeAll(async () => {
    await new Promise<void>((resolve) => hub.server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(hub.server.address() as AddressInfo).port}/api/v1/till/ping`);
  });
  afterAll(() => new Promise<void>((resolve) => hub.server.close(() => resolve())));

  it('is sent again once on a new connection instead of reporting the hub unreachable', async () => {
    expect(await hubRequest('POST', url, {}, { id: 'r-1' })).toEqual({ status: 200, body: { ok: true } });
    // The same socket is reused for the second request, and reset by the other end.
    expect(await hubRequest('POST', url, {}, { id: 'r-2' })).toEqual({ status: 200, body: { ok: true } });
    expect(hub.counts()).toEqual({ connections: 2, requests: 3 });
  });

  it('still reports the hub unreachable when the new connection is reset too', async () => {
    hub.resetEverything();
    await expect(hubRequest('GET', url, {}, undefined)).rejects.toBeInstanceOf(HubNetworkError);
  });
});
