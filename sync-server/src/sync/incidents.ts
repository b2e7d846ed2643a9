import { canonicalText } from '@pos/core';
import type { Queryable } from '../db/database';
import { sha256Hex } from '../auth/secrets';
import type { PlannedIncident } from './policy-outcome';

/** Flags for head office; keyed by content so a retried conflicting push is flagged once. */
export async function recordIncidents(
  tx: Queryable,
  storeId: string,
  tillId: string,
  collection: string,
  incidents: readonly PlannedIncident[],
): Promise<void> {
  if (incidents.length === 0) return;
  const rows = incidents.map((i) => ({
    incident_id: sha256Hex(`${i.kind}\n${collection}\n${i.docId}\n${canonicalText(i.details)}`),
    kind: i.kind,
    doc_id: i.docId,
    details: i.details,
  }));
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     SELECT $1, r.incident_id, r.kind, $2, r.doc_id, $3, r.details
       FROM jsonb_to_recordset($4::jsonb) AS r(incident_id text, kind text, doc_id text, details jsonb)
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [storeId, collection, tillId, JSON.stringify(rows)],
  );
}
