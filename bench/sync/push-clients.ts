/**
 * A client process of the push benchmark (forked by push-phase.ts, TypeScript through tsx): a few
 * tills, each with its own local database holding its sales, replicating them to the server when
 * told to go. One process per group of tills keeps RxDB under its free tier's 13 open collections
 * per process, and keeps client work off the orchestrating process, the same way for both systems:
 *
 * - rxdb: the till's own stack: RxDB on Dexie storage (fake-indexeddb in Node), the sales
 *   collection with core's schema, `replicateRxCollection` with a push handler POSTing to the
 *   hub's `/sync/v1/sales/push` with the till's device token (batch size as the till's, 100),
 *   over node:http with one kept-alive connection per till (see http-post.ts).
 * - pouch: PouchDB with its default LevelDB adapter on disk, `bulkDocs` locally, then
 *   `replicate.to` the pouchdb-server database of the till's store.
 */
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { saleSchema, SCHEMA_VERSION_HEADER, type PushResponse, type SaleDoc } from '@pos/core';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import PouchDB from 'pouchdb';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { postJson } from './http-post';
import { benchSales } from './sale-docs';

export type ClientTill = {
  readonly storeId: string;
  readonly tillId: string;
  /** rxdb: the till's device token. */
  readonly token: string;
  /** rxdb: the hub's base URL; pouch: the URL of the store's database on pouchdb-server. */
  readonly target: string;
  /** The till's signing key (PKCS #8, base64; rxdb: the one it enrolled with): it seals its sales. */
  readonly key: string;
};

export type ToClients =
  | {
      readonly type: 'setup';
      readonly system: 'rxdb' | 'pouch';
      /** rxdb: its storage, memory (RxDB's own) or dexie (the till's, on fake-indexeddb in Node). */
      readonly rxStorage: RxStorageName;
      readonly run: string;
      readonly tills: readonly ClientTill[];
      readonly docsPerTill: number;
      readonly batchSize: number;
      readonly workDir: string;
    }
  | { readonly type: 'go' }
  | { readonly type: 'close' };

export type RxStorageName = 'memory' | 'dexie';

export type ClientStats = {
  readonly pushes: number;
  readonly conflicts: number;
  readonly errors: number;
  readonly failedAttempts: number;
  readonly written: number;
};

export type FromClients =
  | { readonly type: 'ready'; readonly prepareMs: number }
  | { readonly type: 'first-push'; readonly at: number }
  | { readonly type: 'synced'; readonly at: number; readonly stats: ClientStats }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'closed' };

type Client = { start(): Promise<void>; close(): Promise<void> };

const send = (message: FromClients) => process.send?.(message);

const stats = { pushes: 0, conflicts: 0, errors: 0, failedAttempts: 0, written: 0 };
let firstPushSent = false;
function firstPush(): void {
  if (firstPushSent) return;
  firstPushSent = true;
  send({ type: 'first-push', at: Date.now() });
}

type SalesDb = RxDatabase<{ sales: RxCollection<SaleDoc> }>;

async function rxdbClient(
  till: ClientTill,
  docs: readonly SaleDoc[],
  batchSize: number,
  index: number,
  storage: RxStorageName,
): Promise<Client> {
  const db: SalesDb = await createRxDatabase<{ sales: RxCollection<SaleDoc> }>({
    name: `bench-till-${index}-${till.storeId.toLowerCase()}-${till.tillId.toLowerCase()}`,
    storage: storage === 'memory' ? getRxStorageMemory() : getRxStorageDexie({ indexedDB, IDBKeyRange }),
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({ sales: { schema: saleSchema as unknown as RxJsonSchema<SaleDoc> } });
  // One write per sale, as a till completes them. A single bulkInsert would give every sale the
  // same write time (_meta.lwt), and RxDB's "changed since the checkpoint" query, ordered by that
  // time, would then read all of a till's sales again for each batch it pushes.
  for (const doc of docs) await db.sales.insert(doc);
  const url = new URL('/sync/v1/sales/push', till.target);
  const headers = { authorization: `Bearer ${till.token}`, [SCHEMA_VERSION_HEADER]: String(saleSchema.version) };
  // One kept-alive connection per till, as a till has.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let replication: RxReplicationState<SaleDoc, unknown> | null = null;
  return {
    async start() {
      replication = replicateRxCollection<SaleDoc, unknown>({
        collection: db.sales,
        replicationIdentifier: 'hub-sales-v0',
        live: true,
        retryTime: 1000,
        waitForLeadership: false,
        autoStart: true,
        push: {
          batchSize,
          handler: async (rows) => {
            firstPush();
            const answer = await postJson(agent, url, headers, JSON.stringify({ rows }));
            if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.body.slice(0, 300)}`);
            const body = JSON.parse(answer.body) as PushResponse;
            stats.pushes += 1;
            stats.conflicts += body.conflicts.length;
            stats.errors += body.errors.length;
            stats.written += rows.length - body.conflicts.length - body.errors.length;
            return body.conflicts as unknown as WithDeleted<SaleDoc>[];
          },
        },
      });
      replication.error$.subscribe((error) => {
        stats.failedAttempts += 1;
        process.stderr.write(`  rxdb till ${till.storeId}/${till.tillId}: ${(error as Error).message}\n`);
      });
      await replication.awaitInSync();
    },
    async close() {
      await replication?.cancel();
      agent.destroy();
      await db.remove();
    },
  };
}

async function pouchClient(till: ClientTill, docs: readonly SaleDoc[], batchSize: number, workDir: string): Promise<Client> {
  const local = new PouchDB(path.join(workDir, `${till.storeId}-${till.tillId}`));
  const results = await local.bulkDocs(docs.map((doc) => ({ _id: doc.id, ...doc })));
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) throw new Error(`PouchDB refused ${failed.length} sales locally (${failed[0]?.error ?? ''})`);
  return {
    async start() {
      // The remote through PouchDB's own fetch, noting the first batch sent (POST …/_bulk_docs).
      const remote = new PouchDB(till.target, {
        fetch: (url: string, init: unknown) => {
          if (String(url).includes('/_bulk_docs')) firstPush();
          return PouchDB.fetch(url, init);
        },
      });
      const replication = local.replicate.to(remote, { batch_size: batchSize });
      replication.on('change', () => (stats.pushes += 1));
      replication.on('denied', () => (stats.errors += 1));
      const result = await replication;
      stats.written += result.docs_written;
      stats.errors += result.doc_write_failures;
    },
    async close() {
      await local.close();
    },
  };
}

let clients: Client[] = [];

async function setup(message: Extract<ToClients, { type: 'setup' }>): Promise<void> {
  const started = Date.now();
  await mkdir(message.workDir, { recursive: true });
  clients = [];
  for (const [i, till] of message.tills.entries()) {
    const docs = benchSales(message.run, till, message.docsPerTill, till.key);
    clients.push(
      message.system === 'rxdb'
        ? await rxdbClient(till, docs, message.batchSize, i, message.rxStorage)
        : await pouchClient(till, docs, message.batchSize, message.workDir),
    );
  }
  send({ type: 'ready', prepareMs: Date.now() - started });
}

async function go(): Promise<void> {
  await Promise.all(clients.map((c) => c.start()));
  send({ type: 'synced', at: Date.now(), stats: { ...stats } });
}

async function close(): Promise<void> {
  for (const client of clients) await client.close().catch(() => undefined);
  send({ type: 'closed' });
  process.exit(0);
}

const fail = (error: unknown) => send({ type: 'failed', message: (error as Error).stack ?? String(error) });

process.on('message', (message: ToClients) => {
  if (message.type === 'setup') setup(message).catch(fail);
  else if (message.type === 'go') go().catch(fail);
  else if (message.type === 'close') void close();
});
// The orchestrator gone (killed, Ctrl+C): nothing left to measure.
process.on('disconnect', () => process.exit(0));
