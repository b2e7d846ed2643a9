import { KeyRing, type FiscalCrypto, type KeyLookup, type SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';
import type { StepWrite } from './step-writes';

export type TillKeyRow = { readonly tillId: string; readonly keyId: string; readonly publicKey: string };

/**
 * The signing keys of every till of a store: those registered at enrollment and those verified
 * rotations introduced (till_keys). A record is checked against its own till's keys; knowing the
 * others tells a record signed by another till's key (a replay) from one signed by a key nobody
 * registered (maybe a rotation still on its way).
 */
export class StoreKeys {
  private readonly rings = new Map<string, KeyRing>();
  private readonly owners = new Map<string, string>();
  /** Keys admitted during this step, for till_keys. */
  readonly admitted: TillKeyRow[] = [];

  constructor(
    rows: readonly TillKeyRow[],
    private readonly crypto: FiscalCrypto,
  ) {
    const byTill = new Map<string, string[]>();
    for (const row of rows) {
      byTill.set(row.tillId, [...(byTill.get(row.tillId) ?? []), row.publicKey]);
      this.owners.set(row.keyId, row.tillId);
    }
    for (const [tillId, keys] of byTill) this.rings.set(tillId, new KeyRing(keys, crypto));
  }

  lookup(tillId: string): KeyLookup {
    return this.ring(tillId).lookup;
  }

  /** The till whose key this is, among the store's. */
  ownerOf(keyId: string): string | undefined {
    return this.owners.get(keyId);
  }

  /**
   * A verified record of the till: a `key.rotate` whose endorsement its old key made adds the
   * new key. Returns the problem of a rotation refused, or null.
   */
  admit(tillId: string, record: SealedRecord): string | null {
    const ring = this.ring(tillId);
    const before = ring.size;
    const problem = ring.admit(record);
    if (!problem && ring.size > before && record.chain === 'event' && record.payload.type === 'key.rotate') {
      const { keyId, publicKey } = record.payload;
      this.owners.set(keyId, tillId);
      this.admitted.push({ tillId, keyId, publicKey });
    }
    return problem;
  }

  private ring(tillId: string): KeyRing {
    let ring = this.rings.get(tillId);
    if (!ring) {
      ring = new KeyRing([], this.crypto);
      this.rings.set(tillId, ring);
    }
    return ring;
  }
}

export async function loadStoreKeys(tx: Queryable, storeId: string, crypto: FiscalCrypto): Promise<StoreKeys> {
  const rows = await tx.query<{ till_id: string; key_id: string; public_key: string }>(
    'SELECT till_id, key_id, public_key FROM till_keys WHERE store_id = $1',
    [storeId],
  );
  return new StoreKeys(
    rows.map((r) => ({ tillId: r.till_id, keyId: r.key_id, publicKey: r.public_key })),
    crypto,
  );
}

/** Keys verified rotations introduced: kept with the till's registered keys, for ever (a write of the verification step). */
export function rotatedKeysWrite(keys: readonly TillKeyRow[]): StepWrite | null {
  if (keys.length === 0) return null;
  return {
    sql: (rows) => `INSERT INTO till_keys (store_id, till_id, key_id, public_key, source)
     SELECT $1, k.till_id, k.key_id, k.public_key, 'rotation' FROM jsonb_to_recordset(${rows}) AS k(till_id text, key_id text, public_key text)
     ON CONFLICT (store_id, till_id, key_id) DO NOTHING`,
    rows: keys.map((k) => ({ till_id: k.tillId, key_id: k.keyId, public_key: k.publicKey })),
  };
}
