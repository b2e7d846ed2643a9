import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  fromEnvelope,
  saleDocFromRecord,
  type CustomerDoc,
  type EventName,
  type HostEvents,
  type InvokeReply,
  type SealedRecord,
} from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createTillHost } from '../../electron/src/host/till-host';
import type { HostBridge } from '../../renderer/src/bridge';
import { createDocumentsDb, type DocumentsDb } from '../../renderer/src/db/documents-db';
import { startHubReplication } from '../../renderer/src/db/replication/hub-replication';
import { PushWatermarks } from '../../renderer/src/db/replication/push-watermarks';
import { createStore } from '../../sync-server/src/admin/stores';
import { createTill } from '../../sync-server/src/admin/tills';
import { issueEnrollmentCode } from '../../sync-server/src/auth/enrollment';
import type { Database } from '../../sync-server/src/db/database';

/**
 * A till as the hub sees it, minus the browser: the real till host (sealing, journal, hub client
 * with the device token) and the renderer's own RxDB database and replication code, on
 * fake-indexeddb, with the bridge wired straight to the host. The RxDB client is the hub's peer.
 */
export type TillPeer = {
  readonly storeId: string;
  readonly tillId: string;
  readonly host: Awaited<ReturnType<typeof createTillHost>>;
  readonly docs: DocumentsDb;
  readonly bridge: HostBridge;
  /** Seals a cash sale of demo products at the host and writes it locally, as the till does. */
  sell(products?: readonly number[], completedAt?: string): Promise<SealedRecord<'sale'>>;
  startReplication(): Promise<void>;
  stopReplication(): Promise<void>;
  close(): Promise<void>;
};

let peerCount = 0;

function bridgeTo(host: TillPeer['host']): HostBridge {
  const invoke = async (name: string, request?: unknown) => {
    const reply: InvokeReply = await host.invoke(name, request);
    if (reply.ok) return reply.value;
    throw fromEnvelope(reply.error);
  };
  return {
    kind: 'ipc',
    invoke: invoke as HostBridge['invoke'],
    on: <E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void) => host.on(event, listener),
    connection: () => 'connected',
    onConnection: () => () => undefined,
  };
}

export async function ensureStore(db: Database, storeId: string, tillIds: readonly string[]): Promise<void> {
  await createStore(db, { storeId, name: `Store ${storeId}` }).catch((e: Error) => {
    if (!/already exists/i.test(e.message)) throw e;
  });
  for (const tillId of tillIds) {
    await createTill(db, { storeId, tillId }).catch((e: Error) => {
      if (!/already exists/i.test(e.message)) throw e;
    });
  }
}

/**
 * A till enrolled with the hub at `hubUrl`, signed in as the manager. With `hubDb` the store, till
 * and enrollment code are made in the hub's database; otherwise `code` must be given.
 */
export async function startTillPeer(
  options: { hubUrl: string; storeId: string; tillId: string; env?: Record<string, string> } & ({ hubDb: Database } | { code: string }),
): Promise<TillPeer> {
  const { storeId, tillId } = options;
  if ('hubDb' in options) await ensureStore(options.hubDb, storeId, [tillId]);
  const dataDir = await mkdtemp(path.join(tmpdir(), `pos-peer-${storeId}-${tillId}-`));
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ storeId, tillId }));
  const host = await createTillHost({
    dataDir,
    mode: 'browser',
    demo: true,
    env: { POS_PRINTER: 'none', POS_TERMINAL_DELAY_MS: '1', ...options.env },
  });
  const bridge = bridgeTo(host);
  try {
    await bridge.invoke('session.signIn', { staffId: 'staff-sophie', pin: '5678' });
    const code = 'hubDb' in options ? (await issueEnrollmentCode(options.hubDb, { storeId, tillId })).code : options.code;
    await bridge.invoke('hub.enroll', { hubUrl: options.hubUrl, code });
  } catch (error) {
    // A refused enrollment is a test's expected outcome: leave nothing running behind it.
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const docs = await createDocumentsDb(`peer-${peerCount++}-${storeId.toLowerCase()}-${tillId.toLowerCase()}`, getRxStorageDexie({}));
  const watermarks = await PushWatermarks.open(docs);
  let replication: ReturnType<typeof startHubReplication> | null = null;
  let sold = 0;
  const peer: TillPeer = {
    storeId,
    tillId,
    host,
    docs,
    bridge,
    async sell(products = [100, 205], completedAt?: string) {
      sold += 1;
      const payload = cashSale({
        saleId: `${storeId}-${tillId}-sale-${sold}-${peerCount}`,
        storeId,
        tillId,
        staffId: 'staff-sophie',
        products,
        ...(completedAt ? { completedAt } : {}),
      });
      const record = (await bridge.invoke('fiscal.seal', { chain: 'sale', id: payload.saleId, payload })) as SealedRecord<'sale'>;
      await docs.sales.insert(saleDocFromRecord(record));
      return record;
    },
    async startReplication() {
      // The till's own code, retrying a lost or refused batch after 200 ms rather than its 5 s: the
      // tests cut the network on purpose and wait for the retry, not for the till's patience.
      replication ??= startHubReplication(docs, bridge, watermarks, { retryMs: 200 });
    },
    async stopReplication() {
      await replication?.stop();
      replication = null;
    },
    async close() {
      await replication?.stop();
      await docs.remove();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return peer;
}

/** Polls until `check` holds (or fails after `ms`), for effects that happen in the background. */
export async function eventually<T>(check: () => Promise<T>, accept: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await check();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await check();
  }
  return last;
}

/** A customer as a till writes it: every field stamped with the (till's) time `at`. */
export function customer(id: string, fields: Partial<CustomerDoc>, at: string, storeId = 'S001'): CustomerDoc {
  const base = { id, storeId, lastName: 'Durand', updatedAt: at, ...fields };
  const fieldTimes = Object.fromEntries(
    Object.keys(base)
      .filter((k) => k !== 'id')
      .map((k) => [k, at]),
  );
  return { ...base, fieldTimes } as CustomerDoc;
}
