import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PosError } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostEventBus } from '../host-events';
import { HubClient } from './hub-client';
import { saveHubCredentials } from './hub-credentials';

/** What the online path's requests get, whatever the route: an answer, a coded refusal, or none in time. */
describe('the till host’s online path to the hub', () => {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      if (request.url === '/api/v1/till/slow') return; // never answers
      const refused = request.url === '/api/v1/till/points/reservations';
      response.writeHead(refused ? 409 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          refused
            ? { statusCode: 409, error: 'insufficient_points', message: 'The customer has 120 points', values: { available: 120, x: {} } }
            : {
                method: request.method,
                url: request.url,
                authorization: request.headers.authorization,
                body: body ? JSON.parse(body) : null,
              },
        ),
      );
    });
  });
  let dataDir = '';
  let client: HubClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dataDir = await mkdtemp(path.join(tmpdir(), 'hub-client-send-'));
    const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await saveHubCredentials(dataDir, { hubUrl, storeId: 'S1', tillId: 'T1', token: 'S1.token' });
    client = await HubClient.open({ dataDir, events: new HostEventBus(), identity: { storeId: 'S1', tillId: 'T1' } });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends the request with the device token and gives back the answer', async () => {
    expect(await client.send('PUT', '/api/v1/till/customers/c-1', { lastName: 'Durand' })).toEqual({
      method: 'PUT',
      url: '/api/v1/till/customers/c-1',
      authorization: 'Bearer S1.token',
      body: { lastName: 'Durand' },
    });
  });

  it('passes the hub’s refusal code and its figures through for the page to word', async () => {
    const refusal = await client.send('POST', '/api/v1/till/points/reservations', { points: 500 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PosError);
    expect((refusal as PosError).toEnvelope()).toMatchObject({
      code: 'HUB_REFUSED',
      details: { status: 409, hubCode: 'insufficient_points', values: { available: 120 } },
    });
  });

  it('says the hub is out of reach when it does not answer in time, and the status follows', async () => {
    const started = Date.now();
    const late = await client.send('GET', '/api/v1/till/slow', undefined, 200).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((late as PosError).code).toBe('HUB_UNREACHABLE');
    expect(client.status().online).toBe(false);
  });
});
