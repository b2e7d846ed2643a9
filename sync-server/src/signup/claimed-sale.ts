import { joinProof, offersJoin } from '@pos/core/signup/join-link';
import { sameReceiptKey, type SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';
import { verified } from '../receipts/digital-receipt-lookup';

const HASH = /^[0-9a-f]{64}$/;

/** A sale as a sign-up sees it: whether a proof is its own, whether it may be claimed, whether the chain verifier verified it. */
export type ClaimableSale = {
  readonly record: SealedRecord<'sale'>;
  readonly proof: string;
  /** A sale without a member (core's offersJoin): never a return, a training ticket or a member's sale. */
  readonly claimable: boolean;
};

/** The sale as the till pushed it, when the hub holds it and it is shaped like a sealed sale; null otherwise. */
export async function storedSale(db: Queryable, storeId: string, saleId: string): Promise<ClaimableSale | null> {
  const [row] = await db.query<{ record: SealedRecord<'sale'> | null }>(
    `SELECT doc -> 'record' AS record FROM store_docs WHERE store_id = $1 AND collection = 'sales' AND id = $2 AND NOT deleted`,
    [storeId, saleId],
  );
  const record = row?.record;
  if (!record || record.chain !== 'sale' || record.storeId !== storeId || record.id !== saleId) return null;
  if (typeof record.hash !== 'string' || !HASH.test(record.hash)) return null;
  return { record, proof: joinProof(record.hash), claimable: typeof record.payload === 'object' && offersJoin(record) };
}

export function isProofOf(sale: ClaimableSale, proof: string): boolean {
  return sameReceiptKey(sale.proof, proof);
}

/** Whether the chain verifier verified this very record (projections use verified records only). */
export function isVerified(db: Queryable, sale: ClaimableSale): Promise<boolean> {
  return verified(db, sale.record);
}
