import { afterAll, beforeAll } from 'vitest';
import { seedDemoStore } from '../../sync-server/src/demo/seed-demo-store';
import { createHub, type Hub } from '../../sync-server/src/server';
import type { TestDatabase, TestTarget } from '../../sync-server/src/test-support/test-databases';
import { startTillPeer, type TillPeer } from './till-peer';

export type DemoHubTill = { readonly database: TestDatabase; readonly hub: Hub; readonly peer: TillPeer };

/**
 * For a describe block: a hub on `target`'s database with the demo store seeded (its settings and
 * catalog), and one real till (S001/T01) enrolled with it, all closed after the block.
 */
export function useDemoHubTill(target: TestTarget): () => DemoHubTill {
  let state: DemoHubTill | null = null;
  let database: TestDatabase | undefined;
  let hub: Hub | undefined;
  let peer: TillPeer | undefined;
  beforeAll(async () => {
    database = await target.open();
    await seedDemoStore(database.db);
    hub = await createHub({ database: database.db, port: 0 });
    peer = await startTillPeer({ hubUrl: await hub.listen(), hubDb: database.db, storeId: 'S001', tillId: 'T01' });
    state = { database, hub, peer };
  });
  afterAll(async () => {
    await peer?.close();
    await hub?.close();
    await database?.close();
  });
  return () => {
    if (!state) throw new Error('The hub and its till are not running');
    return state;
  };
}
