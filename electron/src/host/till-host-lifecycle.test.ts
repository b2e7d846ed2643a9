import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CashCountResult, type DownloadFile, type EventPayload, type SealedRecord } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { saveHubCredentials } from './hub/hub-credentials';
import { hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/**
 * The till's own life on the event chain (NF525 JET): a clean stop (40), the hub lost and found
 * again (70 / 120), a new version (250), fiscal settings changed (270), a data export (110).
 */
const dirs = tempDirs();
const hosts = hostPool();
const servers: http.Server[] = [];
afterEach(async () => {
  await hosts.closeAll();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await dirs.cleanup();
});

async function events(host: TestHost): Promise<EventPayload[]> {
  const { records } = valueOf<{ records: SealedRecord<'event'>[] }>(
    await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 5000 }),
  );
  return records.map((r) => r.payload);
}

async function types(host: TestHost): Promise<string[]> {
  return (await events(host)).map((e) => e.type);
}

async function until(test: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`Not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A hub answering the till's streams (kept open) and its store settings; anything else 404. */
function fakeHub(profile: Record<string, unknown> | null): http.Server {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://hub');
    if (pathname.endsWith('/stream')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': open\n\n');
      return;
    }
    if (pathname === '/sync/v1/store_settings/pull') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ documents: profile ? [{ id: 'profile', ...profile }] : [], checkpoint: null, remaining: 0 }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found', message: 'not here' }));
  });
  servers.push(server);
  return server;
}

function listen(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const probe = http.createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function enroll(dir: string, port: number): Promise<void> {
  await saveHubCredentials(dir, { hubUrl: `http://127.0.0.1:${port}`, storeId: 'S001', tillId: 'T01', token: 'test-token' });
}

describe('a clean stop (JET 40)', () => {
  it('seals till.stop before the journal closes; the next start follows it', async () => {
    const dir = await dirs.make();
    const first = await hosts.start(dir);
    await first.close();
    const second = await hosts.start(dir);
    expect(await types(second)).toEqual(['till.start', 'till.stop', 'till.start']);
  });
});

describe('a new version (JET 250)', () => {
  it('seals app.version (from, to) once, at the first start of the new version', async () => {
    const dir = await dirs.make();
    await (await hosts.start(dir, { appVersion: '1.4.0' })).close();
    await (await hosts.start(dir, { appVersion: '1.5.0' })).close();
    const host = await hosts.start(dir, { appVersion: '1.5.0' });
    const sealed = await events(host);
    expect(sealed.filter((e) => e.type === 'app.version')).toEqual([{ type: 'app.version', from: '1.4.0', to: '1.5.0' }]);
    // Right after the start of the new version.
    expect(sealed.map((e) => e.type).slice(0, 4)).toEqual(['till.start', 'till.stop', 'till.start', 'app.version']);
  });
});

describe('fiscal settings changed (JET 270)', () => {
  it('seals settings.change for a store.json changed between two starts, with the settings changed, once', async () => {
    const dir = await dirs.make();
    await (await hosts.start(dir)).close();
    await writeFile(
      path.join(dir, 'store.json'),
      JSON.stringify({ varianceLimit: 800, fiscalYearStartMonth: 7, receiptFooter: ['Merci'] }),
    );
    await (await hosts.start(dir)).close();
    const host = await hosts.start(dir);
    const changes = (await events(host)).filter((e) => e.type === 'settings.change');
    expect(changes).toEqual([
      {
        type: 'settings.change',
        source: 'local',
        changes: [
          { setting: 'varianceLimit', after: '800' },
          { setting: 'fiscalYearStartMonth', after: '7' },
        ],
        settings: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(host.context.profile.varianceLimit).toBe(800);
  });

  it('seals the hub’s new settings before they are in force', async () => {
    const dir = await dirs.make();
    await (await hosts.start(dir)).close();
    const port = await listen(fakeHub({ varianceLimit: 900, cashSession: 'required' }));
    await enroll(dir, port);
    const host = await hosts.start(dir);
    await until(async () => host.context.profile.varianceLimit === 900);
    const changes = (await events(host)).filter((e) => e.type === 'settings.change');
    expect(changes).toEqual([
      {
        type: 'settings.change',
        source: 'hub',
        changes: [
          { setting: 'cashSession', after: '"required"' },
          { setting: 'varianceLimit', after: '900' },
        ],
        settings: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    // Restarted with the hub's profile cached: nothing changed since, nothing sealed again.
    await host.close();
    const again = await hosts.start(dir);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await types(again)).filter((t) => t === 'settings.change')).toHaveLength(1);
  });
});

describe('the hub lost and found again (JET 70 / 120)', () => {
  it('seals hub.offline once when the hub stays unreachable beyond the debounce, then hub.online once with the duration', async () => {
    const dir = await dirs.make();
    const port = await freePort();
    await enroll(dir, port);
    const host = await hosts.start(dir, { hubOfflineMs: 150, staffPullMs: 50 });
    await until(async () => (await types(host)).includes('hub.offline'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const offline = (await events(host)).filter((e) => e.type === 'hub.offline');
    expect(offline).toHaveLength(1);

    await listen(fakeHub(null), port);
    await until(async () => (await types(host)).includes('hub.online'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sealed = await events(host);
    const online = sealed.filter((e) => e.type === 'hub.online');
    expect(online).toHaveLength(1);
    const since = (offline[0] as Extract<EventPayload, { type: 'hub.offline' }>).since;
    expect(online[0]).toMatchObject({ type: 'hub.online', offlineSince: since });
    expect((online[0] as Extract<EventPayload, { type: 'hub.online' }>).offlineMs).toBeGreaterThanOrEqual(150);
    expect(sealed.filter((e) => e.type === 'hub.offline')).toHaveLength(1);
  });

  it('seals nothing for a till with no hub', async () => {
    const host = await hosts.start(await dirs.make(), { hubOfflineMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await types(host)).toEqual(['till.start']);
  });
});

describe('a data export (JET 110)', () => {
  it('seals data.export naming the Z before its PDF is given', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host, '5678');
    const float = { '2000': 5 };
    valueOf(await host.invoke('cash.open', { count: float }));
    const counted = valueOf<CashCountResult>(await host.invoke('cash.count', { cash: float }));
    const z = counted.z!;
    expect(z).toBeDefined();
    expect((await types(host)).includes('data.export')).toBe(false);
    const pdf = valueOf<DownloadFile>(await host.invoke('closing.pdf', { seq: z.record.seq }));
    expect(pdf.mediaType).toBe('application/pdf');
    const sealed = await events(host);
    expect(sealed.at(-1)).toEqual({
      type: 'data.export',
      what: 'z-report',
      format: 'pdf',
      staffId: 'staff-sophie',
      records: [{ chain: 'closing', seq: z.record.seq, id: z.record.id }],
    });
  });
});
