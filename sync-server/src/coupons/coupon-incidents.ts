import { canonicalText } from '@pos/core';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';

/** What the hub found wrong with a coupon use it still recorded (the sale is sealed: it is never refused). */
export type CouponIncidentKind =
  /** A single-use code used by two sales (two tills' blocks by mistake, a reservation run out and taken meanwhile). */
  | 'coupon_used_twice'
  /** More uses than the shared code's limit, or more discount than its budget. */
  | 'coupon_over_limit'
  | 'coupon_over_budget'
  /** A code accepted offline that is not in the till's block. */
  | 'coupon_not_in_block';

/** Flags a coupon use for head office, once per content (a retried push flags it once). */
export async function recordCouponIncident(
  tx: Queryable,
  where: { readonly storeId: string; readonly tillId: string },
  kind: CouponIncidentKind,
  saleId: string,
  details: Readonly<Record<string, unknown>>,
): Promise<void> {
  const incidentId = sha256Hex(`${kind}\ncoupons\n${saleId}\n${canonicalText(details)}`);
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     VALUES ($1, $2, $3, 'coupons', $4, $5, $6) ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [where.storeId, incidentId, kind, saleId, where.tillId, JSON.stringify(details)],
  );
}
