import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_VERSION_HEADER } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostEventBus } from '../host-events';
import { HubClient } from './hub-client';
import { saveHubCredentials } from './hub-credentials';

describe('the till host tells the hub its version', () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ documents: [], checkpoint: null, remaining: 0 }));
  });
  let dataDir = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dataDir = await mkdtemp(path.join(tmpdir(), 'hub-client-version-'));
    const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await saveHubCredentials(dataDir, { hubUrl, storeId: 'S1', tillId: 'T1', token: 'S1.token' });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  const pullWith = async (appVersion: string | undefined) => {
    const options = { dataDir, events: new HostEventBus(), identity: { storeId: 'S1', tillId: 'T1' } };
    const client = await HubClient.open(appVersion === undefined ? options : { ...options, appVersion });
    await client.pull('products', null, 10);
    return seen.at(-1)!;
  };

  it('sends X-Pos-App-Version on its sync requests, beside its token and schema version', async () => {
    const headers = await pullWith('1.4.0');
    expect(headers[APP_VERSION_HEADER]).toBe('1.4.0');
    expect(headers.authorization).toBe('Bearer S1.token');
  });

  it('sends no version it has not, nor one the hub could not read', async () => {
    expect((await pullWith(undefined))[APP_VERSION_HEADER]).toBeUndefined();
    expect((await pullWith('1.0 beta\u00e9'))[APP_VERSION_HEADER]).toBeUndefined();
  });
});
