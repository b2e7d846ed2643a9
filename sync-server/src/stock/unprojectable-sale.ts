import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';

/** Characters of the error kept with the incident. */
const MAX_MESSAGE = 500;

/**
 * A sale the stock projector could not apply, skipped: an `unprojectable_sale` incident for head
 * office with the error and the exact sealed lines, copied by the database from the stored sale
 * (read through JavaScript, a number beyond 2^53 would come back rounded). The sale itself stays
 * in store_docs; once the cause is fixed (a count that brings a level back in range), head office
 * can record its movements by hand. Keyed by sale and sequence: recorded once.
 */
export async function recordUnprojectableSale(
  tx: Queryable,
  storeId: string,
  sale: { readonly id: string; readonly seq: number },
  error: unknown,
): Promise<void> {
  const message = `This sale could not be projected into stock and was skipped: ${String((error as Error)?.message ?? error).slice(0, MAX_MESSAGE)}`;
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     SELECT d.store_id, $3, 'unprojectable_sale', 'sales', d.id, d.till_id,
            jsonb_build_object('seq', d.seq, 'message', $4::text, 'lines', d.doc #> '{record,payload,lines}')
       FROM store_docs d WHERE d.store_id = $1 AND d.collection = 'sales' AND d.id = $2
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [storeId, sale.id, sha256Hex(`unprojectable_sale\nsales\n${sale.id}\n${sale.seq}`), message],
  );
}
