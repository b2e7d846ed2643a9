import type { FiscalCrypto } from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import type { Queryable } from '../db/database';
import { saleRulesOf, SETTINGS_COLUMNS, type SettingsRow, type StoreSaleRules } from './sale-arithmetic';
import { PROMOTIONS_SEQ } from './sale-promotions';
import { StoreKeys } from './store-keys';

/** What a verification step reads before its transaction, besides the records. */
export type StepInputs = {
  /** The checkpoint as committed (the store sequence last read), without waiting for a verifier at work. */
  readonly seq: number;
  /** The store's tills' keys (till_keys). */
  readonly keys: StoreKeys;
  /** The store's rules for sales (saleRulesOf). */
  readonly rules: StoreSaleRules;
  /** The promotions' catalog sequence (hubPromotions reads the rules again when it moved). */
  readonly promotionsSeq: number;
};

type Row = {
  seq: number | string | null;
  keys: { till_id: string; key_id: string; public_key: string }[] | null;
  settings: SettingsRow | null;
  promotions_seq: number | string | null;
};

/** The step's inputs in one statement (they were four round trips a step, a hundred stores a second under load). */
export async function stepInputs(db: Queryable, storeId: string, crypto: FiscalCrypto): Promise<StepInputs> {
  const [row] = await db.query<Row>(
    `SELECT (SELECT seq FROM chain_verification WHERE store_id = $1) AS seq,
            (SELECT jsonb_agg(jsonb_build_object('till_id', till_id, 'key_id', key_id, 'public_key', public_key))
               FROM till_keys WHERE store_id = $1) AS keys,
            (SELECT to_jsonb(s) FROM (SELECT ${SETTINGS_COLUMNS} FROM store_docs d
               WHERE d.store_id = $1 AND d.collection = 'store_settings' AND d.id = $2 AND NOT d.deleted) s) AS settings,
            ${PROMOTIONS_SEQ} AS promotions_seq`,
    [storeId, STORE_SETTINGS_DOC_ID],
  );
  return {
    seq: Number(row?.seq ?? 0),
    keys: new StoreKeys(
      (row?.keys ?? []).map((k) => ({ tillId: k.till_id, keyId: k.key_id, publicKey: k.public_key })),
      crypto,
    ),
    rules: saleRulesOf(row?.settings ?? undefined),
    promotionsSeq: Number(row?.promotions_seq ?? 0),
  };
}
