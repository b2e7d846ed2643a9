import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useSyncStore } from '../../renderer/src/state/sync-store';
import { freePort } from '../support/free-port';
import { issueEnrollmentCode } from '../../sync-server/src/auth/enrollment';
import type { Database } from '../../sync-server/src/db/database';
import { seedMigratedDataDir } from '../../sync-server/src/test-support/migrated-data-dir';
import { startHubProcess, type HubProcess } from './hub-process';
import { ensureStore, eventually, startTillPeer, type TillPeer } from './till-peer';

/** Store S001 with till T01, and the till's one-time enrollment code. */
async function enrollableTill(db: Database): Promise<string> {
  await ensureStore(db, 'S001', ['T01']);
  return (await issueEnrollmentCode(db, { storeId: 'S001', tillId: 'T01' })).code;
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the hub killed in the middle of a batch (${target.name})`, () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    });

    it('loses nothing and doubles nothing: the till retries and the hub converges', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-hub-crash-'));
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      let databaseUrl: string | undefined;
      // The store, the till and its code written before the hub starts (the command line is cli.test.ts's);
      // on PGlite in a directory filled from the migrated template, which spares the first start its initdb.
      let code: string;
      if (target.name === 'postgres') {
        const database = await target.open();
        databaseUrl = database.url ?? undefined;
        cleanup.push(() => database.close());
        code = await enrollableTill(database.db);
      } else {
        await seedMigratedDataDir(dataDir);
        const db = await openDatabase({ kind: 'pglite', dataDir });
        try {
          code = await enrollableTill(db);
        } finally {
          await db.close();
        }
      }
      const port = await freePort();
      const opts = { dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
      let hub: HubProcess = await startHubProcess({ port, ...opts });
      cleanup.push(() => hub.stop());
      const peer: TillPeer = await startTillPeer({ hubUrl: hub.url, code, storeId: 'S001', tillId: 'T01' });
      cleanup.push(() => peer.close());
      const sales = 250;
      for (let i = 0; i < sales; i++) await peer.sell([100 + (i % 40)]);
      await peer.startReplication();
      // Kill -9 while batches are going in.
      await eventually(
        async () => useSyncStore.getState().pending,
        (n) => n < sales,
        30_000,
      );
      await hub.kill9();
      hub = await startHubProcess({ port, ...opts });
      await eventually(
        async () => useSyncStore.getState().pending,
        (n) => n === 0,
        60_000,
      );
      await hub.stop();

      const db = await openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir });
      try {
        const rows = await db.query<{ n: number; distinct_ids: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM store_docs WHERE collection = 'sales'`,
        );
        expect(rows[0]).toEqual({ n: sales, distinct_ids: sales });
        expect(await db.query(`SELECT * FROM incidents`)).toEqual([]);
      } finally {
        await db.close();
      }
    });
  });
}
