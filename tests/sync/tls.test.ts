import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode } from '../../sync-server/src/auth/enrollment';
import { createHub, type Hub } from '../../sync-server/src/server';
import { makeCertificates } from '../../sync-server/src/test-support/certificates';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { ensureStore, eventually, startTillPeer, type TillPeer } from './till-peer';

/**
 * A chain running its own certificate authority: the hub serves HTTPS with a certificate it
 * signed, the till trusts that CA (POS_HUB_CA) and nothing else. One engine is enough here: TLS
 * sits in front of the database.
 */
const [target] = testTargets();

describe.skipIf(!target || target.skip)('a till and a hub over HTTPS with the chain’s own CA', () => {
  let database: TestDatabase;
  let hub: Hub;
  let dir: string;
  let caFile: string;
  let hubUrl: string;
  const peers: TillPeer[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pos-tls-'));
    const certificates = makeCertificates(dir);
    caFile = path.join(dir, 'chain-ca.pem');
    await writeFile(caFile, certificates.ca);
    database = await target!.open();
    hub = await createHub({ database: database.db, port: 0, tls: { cert: certificates.cert, key: certificates.key } });
    hubUrl = await hub.listen();
  });
  afterAll(async () => {
    for (const peer of peers) await peer.close();
    await hub?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS only', () => {
    expect(hubUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a till that does not trust the CA refuses the hub before sending anything; the code stays usable', async () => {
    await ensureStore(database.db, 'S001', ['T01']);
    const { code } = await issueEnrollmentCode(database.db, { storeId: 'S001', tillId: 'T01' });
    const refused = startTillPeer({ hubUrl, storeId: 'S001', tillId: 'T01', code });
    await expect(refused).rejects.toMatchObject({ code: 'HUB_UNREACHABLE', message: expect.stringMatching(/certificate/i) });
    // The code never reached the hub: the same code enrolls the till once it trusts the CA.
    const peer = await startTillPeer({ hubUrl, storeId: 'S001', tillId: 'T01', code, env: { POS_HUB_CA: caFile } });
    peers.push(peer);
    expect(await peer.bridge.invoke('hub.status')).toMatchObject({ enrolled: true, hubUrl, online: true });
  });

  it('pushes sales and receives the live streams over HTTPS, trusting only the chain’s CA', async () => {
    const peer = peers[0]!;
    await peer.sell();
    await peer.sell([300]);
    await peer.startReplication();
    await eventually(
      async () =>
        Number(
          (
            await database.db.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM store_docs WHERE store_id = 'S001' AND collection = 'sales'",
            )
          )[0]?.n ?? 0,
        ),
      (n) => n === 2,
    );
    // The streams (server-sent events over the same TLS) are up: the badge says online, no error.
    await eventually(
      () => peer.bridge.invoke('hub.status'),
      (s) => s.online && s.lastError === null,
    );
  });

  it('a CA file that cannot be read is a clear refusal, not a crash', async () => {
    await ensureStore(database.db, 'S001', ['T02']);
    const { code } = await issueEnrollmentCode(database.db, { storeId: 'S001', tillId: 'T02' });
    await expect(
      startTillPeer({ hubUrl, storeId: 'S001', tillId: 'T02', code, env: { POS_HUB_CA: path.join(dir, 'missing.pem') } }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/certificate authority .*missing\.pem cannot be read/),
    });
  });
});
