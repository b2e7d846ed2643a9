import {
  SCHEMA_VERSION_HEADER,
  findSyncCollection,
  type PullResponse,
  type PushResponse,
  type SealedRecord,
  type SyncCollectionName,
} from '@pos/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createStore } from '../admin/stores';
import { createTill } from '../admin/tills';
import { enrollDevice, issueEnrollmentCode } from '../auth/enrollment';
import type { Database } from '../db/database';
import { createHub, type Hub, type HubOptions } from '../server';
import type { TestDatabase, TestTarget } from './test-databases';
import { pushRows, recordDoc, TestChains } from './sealed-records';
import { enrollmentRequest, newTillKey } from './till-keys';

export type TestContext = {
  readonly target: TestTarget;
  readonly database: TestDatabase;
  readonly db: Database;
  readonly hub: Hub;
};

/**
 * One database and one hub per describe block (per engine), emptied before each test. Use inside
 * `describe.skipIf(target.skip)(…)`.
 */
export function useTestHub(target: TestTarget, options: Omit<HubOptions, 'database'> = {}): () => TestContext {
  let context: TestContext | null = null;
  // A database that cannot be opened (PostgreSQL required by CI but not configured) fails every
  // test of the block, rather than leaving them skipped behind a failed hook.
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      const database = await target.open();
      const hub = await createHub({ database: database.db, port: 0, ...options });
      context = { target, database, db: database.db, hub };
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    if (!context) return;
    await context.hub.close();
    await context.database.close();
  });
  beforeEach(async () => {
    // The last test's records may still be on their way through the verifier into the stock ledger.
    await context?.hub.catchUp();
    await context?.database.truncate();
  });
  return () => {
    if (failure) throw failure;
    if (!context) throw new Error('The test hub is not open');
    return context;
  };
}

/** An enrolled till: its device token, and its chains, sealed with the key it enrolled with. */
export type Device = { readonly storeId: string; readonly tillId: string; readonly token: string; readonly chains: TestChains };

/** A store with its tills, each enrolled with a key of its own: their device tokens and chains. */
export async function enrolledTills(db: Database, storeId: string, tillIds: readonly string[]): Promise<Device[]> {
  await createStore(db, { storeId, name: `Store ${storeId}` }).catch((e: Error) => {
    if (!/already exists/.test(e.message)) throw e;
  });
  const devices: Device[] = [];
  for (const tillId of tillIds) {
    await createTill(db, { storeId, tillId });
    const { code } = await issueEnrollmentCode(db, { storeId, tillId });
    const key = newTillKey();
    const { token } = await enrollDevice(db, enrollmentRequest(code, key));
    devices.push({ storeId, tillId, token, chains: new TestChains(storeId, tillId, key) });
  }
  return devices;
}

export function syncHeaders(token: string | null, collection: string, version?: number | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const v = version === undefined ? (findSyncCollection(collection)?.schemaVersion ?? 0) : version;
  if (v !== null) headers[SCHEMA_VERSION_HEADER] = String(v);
  return headers;
}

/** Thin client over fastify.inject, for the protocol's happy paths. */
export function client(hub: Hub, device: { readonly token: string }) {
  return {
    async pull(collection: SyncCollectionName, checkpoint: number, limit: number): Promise<PullResponse> {
      const res = await hub.app.inject({
        method: 'GET',
        url: `/sync/v1/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
        headers: syncHeaders(device.token, collection),
      });
      if (res.statusCode !== 200) throw new Error(`pull ${collection}: ${res.statusCode} ${res.body}`);
      return res.json<PullResponse>();
    },
    async push(collection: SyncCollectionName, rows: readonly unknown[]): Promise<PushResponse> {
      const res = await hub.app.inject({
        method: 'POST',
        url: `/sync/v1/${collection}/push`,
        headers: syncHeaders(device.token, collection),
        payload: { rows },
      });
      if (res.statusCode !== 200) throw new Error(`push ${collection}: ${res.statusCode} ${res.body}`);
      return res.json<PushResponse>();
    },
    /** Sealed records, pushed as the till pushes them: sales to `sales`, the others to `till_records`. */
    async pushRecords(records: readonly SealedRecord[]): Promise<PushResponse[]> {
      const sales = records.filter((r) => r.chain === 'sale');
      const others = records.filter((r) => r.chain !== 'sale');
      return [
        ...(sales.length > 0 ? [await this.push('sales', pushRows(sales))] : []),
        ...(others.length > 0 ? [await this.push('till_records', pushRows(others))] : []),
      ];
    },
    /** Pulls pages until the end; returns every document in order and each page's size. */
    async pullAll(collection: SyncCollectionName, from: number, limit: number) {
      const documents: PullResponse['documents'][number][] = [];
      const pages: PullResponse[] = [];
      let checkpoint = from;
      for (;;) {
        const page = await this.pull(collection, checkpoint, limit);
        pages.push(page);
        documents.push(...page.documents);
        if (page.documents.length === 0) break;
        checkpoint = page.checkpoint!.seq;
        if (page.remaining === 0) break;
      }
      return { documents, pages, checkpoint };
    },
  };
}

/** Chains of tills a test did not enroll (documents for another store or till), sealed with keys the hub never saw. */
const strangers = new Map<string, TestChains>();

/** The chains a device seals with: an enrolled till's own, or a stranger's. */
export function chainsOf(device: { readonly storeId: string; readonly tillId: string; readonly chains?: TestChains }): TestChains {
  if (device.chains) return device.chains;
  const key = `${device.storeId}\u0000${device.tillId}`;
  let chains = strangers.get(key);
  if (!chains) {
    chains = new TestChains(device.storeId, device.tillId, newTillKey());
    strangers.set(key, chains);
  }
  return chains;
}

/**
 * A sale as a till pushes it: the next record of the till's sale chain, sealed with its key
 * (one piece of one product), in its document; `extra` changes the document (not the record).
 */
export function saleDoc(device: { storeId: string; tillId: string; chains?: TestChains }, id: string, extra: Record<string, unknown> = {}) {
  return { ...recordDoc(chainsOf(device).sale(id)), ...extra };
}
