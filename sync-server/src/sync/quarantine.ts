import { canonicalText } from '@pos/core';
import type { Queryable } from '../db/database';
import { sha256Hex } from '../auth/secrets';
import { hasUnstorableText, type RefusedRow } from './document-checks';

/**
 * Refused documents are kept for head office, never dropped. The key is derived from the content,
 * so a till retrying the same refused push is recorded once. The row lives in the pushing till's
 * store (the only store the request may write), whatever store the document claims.
 */
export async function quarantineRows(
  tx: Queryable,
  storeId: string,
  tillId: string,
  collection: string,
  refused: readonly RefusedRow[],
): Promise<void> {
  if (refused.length === 0) return;
  const rows = refused.map((r) => {
    // jsonb cannot hold some texts (NUL…): those documents are kept as their JSON text instead.
    const doc = r.document === undefined ? null : hasUnstorableText(r.document) ? JSON.stringify(r.document) : r.document;
    return {
      quarantine_id: sha256Hex(`${collection}\n${r.reason}\n${canonicalText({ doc })}`),
      doc_id: r.id || null,
      doc,
      reason: r.reason,
    };
  });
  await tx.query(
    `INSERT INTO quarantine (store_id, quarantine_id, collection, doc_id, till_id, doc, reason)
     SELECT $1, r.quarantine_id, $2, r.doc_id, $3, r.doc, r.reason
       FROM jsonb_to_recordset($4::jsonb) AS r(quarantine_id text, doc_id text, doc jsonb, reason text)
     ON CONFLICT (store_id, quarantine_id) DO NOTHING`,
    [storeId, collection, tillId, JSON.stringify(rows)],
  );
}
