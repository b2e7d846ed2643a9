import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

let server: http.Server;
let proxy: FaultProxy;
let received: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(body);
      res.end('x'.repeat(10_000));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  proxy = await startFaultProxy({ host: '127.0.0.1', port: address.port });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function post(body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${proxy.url}/`, { method: 'POST', agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => (res.complete ? resolve(text) : reject(new Error('response cut'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('fault proxy', () => {
  it('passes traffic through', async () => {
    expect(await post('hello')).toHaveLength(10_000);
  });

  it('cuts a request midway: the server never gets the whole body', async () => {
    received = [];
    proxy.setPlan({ kind: 'cut-request', afterBytes: 60 }, 1);
    await expect(post('y'.repeat(1000))).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([]);
    expect(await post('after')).toHaveLength(10_000);
  });

  it('cuts a response midway: the server did the work, the client never hears it', async () => {
    received = [];
    proxy.setPlan({ kind: 'cut-response', afterBytes: 500 }, 1);
    await expect(post('done-but-unheard')).rejects.toThrow();
    expect(received).toEqual(['done-but-unheard']);
  });

  it('refuses connections while the network is "down"', async () => {
    proxy.setPlan({ kind: 'refuse' }, 1);
    await expect(post('x')).rejects.toThrow();
    expect(proxy.cuts).toBeGreaterThan(0);
  });
});
