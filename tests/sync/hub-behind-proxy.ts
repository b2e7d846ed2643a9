import { afterAll, beforeAll } from 'vitest';
import { createHub, type Hub } from '../../sync-server/src/server';
import type { TestDatabase, TestTarget } from '../../sync-server/src/test-support/test-databases';
import { startFaultProxy, type FaultProxy } from '../rigs/fault-proxy';

export type HubBehindProxy = { readonly database: TestDatabase; readonly hub: Hub; readonly proxy: FaultProxy };

/**
 * For a describe block: an in-process hub on `target`'s database, reached by the tills through
 * the fault-injecting proxy (`proxy.url`), all closed after the block.
 */
export function useHubBehindProxy(target: TestTarget): () => HubBehindProxy {
  let state: HubBehindProxy | null = null;
  let database: TestDatabase | undefined;
  let hub: Hub | undefined;
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    database = await target.open();
    hub = await createHub({ database: database.db, port: 0 });
    const url = new URL(await hub.listen());
    proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port) });
    state = { database, hub, proxy };
  });
  afterAll(async () => {
    await proxy?.close();
    await hub?.close();
    await database?.close();
  });
  return () => {
    if (!state) throw new Error('The hub behind its proxy is not running');
    return state;
  };
}
