import { demoStoreProfile, digitalReceiptKey, sameReceiptKey, type SealedRecord, type StoreProfile } from '@pos/core';
import { STORE_SETTINGS_DOC_ID, type StoreSettings } from '@pos/core/sync/store-settings';
import type { Queryable } from '../db/database';

export type DigitalReceipt = {
  readonly record: SealedRecord<'sale'>;
  readonly profile: StoreProfile;
  /** The version the till ran when it sealed the sale (its last start before), a mention of the receipt. */
  readonly softwareVersion: string;
  /** The cashier's name as head office keeps it; absent for a person the hub does not know (a till's own first manager). */
  readonly cashierName?: string;
};

/** Printed when the hub holds no start of the till before the sale (its events not pushed yet). */
export const UNKNOWN_SOFTWARE_VERSION = '?';

const SIGNATURE = /^[0-9a-f]{128}$/;

/**
 * The name of the person who sold, from the store's staff at the hub: looked up by id, never
 * sealed (a name is personal data: the signed payload holds the id only).
 */
export async function cashierNameOf(db: Queryable, storeId: string, staffId: unknown): Promise<string | undefined> {
  if (typeof staffId !== 'string' || staffId.length === 0 || staffId.length > 64) return undefined;
  const [row] = await db.query<{ name: string }>(`SELECT display_name AS name FROM staff WHERE store_id = $1 AND staff_id = $2`, [
    storeId,
    staffId,
  ]);
  return row?.name;
}

/**
 * Whether the chain verifier verified this very record (this document, this hash) on its till's
 * sale chain. Each journal of the till (epoch) is probed on the primary key, so the answer costs
 * a few index lookups however long the chain.
 */
export async function verified(db: Queryable, record: SealedRecord<'sale'>): Promise<boolean> {
  const [head] = await db.query<{ epoch: number }>(
    `SELECT epoch FROM chain_heads WHERE store_id = $1 AND till_id = $2 AND chain = 'sale'`,
    [record.storeId, record.tillId],
  );
  if (!head) return false;
  const epochs = Array.from({ length: head.epoch }, (_, i) => i + 1);
  const [row] = await db.query<{ ok: number }>(
    `SELECT 1 AS ok FROM chain_records
      WHERE store_id = $1 AND till_id = $2 AND chain = 'sale' AND epoch = ANY($3::int[]) AND seq = $4
        AND collection = 'sales' AND doc_id = $5 AND hash = $6 AND status = 'verified'`,
    [record.storeId, record.tillId, epochs, record.seq, record.id, record.hash],
  );
  return row !== undefined;
}

/**
 * The store as the till printed the receipt: its settings at the hub over the defaults a till
 * uses without any (as the verifier checks sales), with the till's identity.
 */
export async function storeProfile(db: Queryable, storeId: string, tillId: string): Promise<StoreProfile> {
  const [row] = await db.query<{ doc: Partial<StoreSettings> }>(
    `SELECT doc FROM store_docs WHERE store_id = $1 AND collection = 'store_settings' AND id = $2 AND NOT deleted`,
    [storeId, STORE_SETTINGS_DOC_ID],
  );
  return { ...demoStoreProfile(storeId, tillId), ...(row?.doc ?? {}), storeId, tillId };
}

/**
 * The software version that sealed a sale: the `appVersion` of the till's last `till.start` sealed
 * at or before it, as the till pushed it (newest first, so a recent sale's start is found at once).
 */
export async function softwareVersionAt(db: Queryable, storeId: string, tillId: string, sealedAt: string): Promise<string> {
  const [row] = await db.query<{ version: unknown }>(
    `SELECT doc #>> '{record,payload,appVersion}' AS version FROM store_docs
      WHERE store_id = $1 AND collection = 'till_records' AND till_id = $2
        AND doc #>> '{record,payload,type}' = 'till.start' AND doc #>> '{record,sealedAt}' <= $3
      ORDER BY seq DESC LIMIT 1`,
    [storeId, tillId, sealedAt],
  );
  return typeof row?.version === 'string' && row.version.length > 0 && row.version.length <= 40 ? row.version : UNKNOWN_SOFTWARE_VERSION;
}

/**
 * A sale's digital receipt, when the link's key is the one hashed from the sale's signature and
 * the hub holds the sale verified. Null otherwise, whatever the reason (not arrived yet, not
 * verified, wrong key): a link never tells a stranger which sales exist.
 */
export async function findDigitalReceipt(db: Queryable, storeId: string, saleId: string, key: string): Promise<DigitalReceipt | null> {
  const [row] = await db.query<{ record: SealedRecord<'sale'> | null }>(
    `SELECT doc -> 'record' AS record FROM store_docs WHERE store_id = $1 AND collection = 'sales' AND id = $2 AND NOT deleted`,
    [storeId, saleId],
  );
  const record = row?.record;
  if (!record || record.chain !== 'sale' || record.storeId !== storeId || record.id !== saleId) return null;
  if (typeof record.signature !== 'string' || !SIGNATURE.test(record.signature)) return null;
  if (!sameReceiptKey(digitalReceiptKey(record.signature), key)) return null;
  if (!(await verified(db, record))) return null;
  const cashierName = await cashierNameOf(db, storeId, record.payload.staffId);
  return {
    record,
    profile: await storeProfile(db, storeId, record.tillId),
    softwareVersion: await softwareVersionAt(db, storeId, record.tillId, record.sealedAt),
    ...(cashierName !== undefined ? { cashierName } : {}),
  };
}
