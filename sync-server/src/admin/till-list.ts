import type { TillSummary } from '@pos/core';
import type { Queryable } from '../db/database';
import { requireStore } from './stores';

export type { TillSummary };

type Row = {
  till_id: string;
  label: string | null;
  app_version: string | null;
  created_at: Date | string;
  tokens: number | string;
  live_tokens: number | string;
  last_seen_at: Date | string | null;
  pending: number | string;
  quarantined: number | string;
};

const iso = (value: Date | string): string => new Date(value).toISOString();

/** A store's tills, from what the hub already keeps: tills (their app version), device tokens, pending records, quarantine. */
export async function listTills(db: Queryable, storeId: string): Promise<TillSummary[]> {
  await requireStore(db, storeId);
  const rows = await db.query<Row>(
    `SELECT t.till_id, t.label, t.app_version, t.created_at,
            (SELECT count(*) FROM device_tokens d WHERE d.store_id = t.store_id AND d.till_id = t.till_id) AS tokens,
            (SELECT count(*) FROM device_tokens d WHERE d.store_id = t.store_id AND d.till_id = t.till_id AND d.revoked_at IS NULL) AS live_tokens,
            (SELECT max(d.last_seen_at) FROM device_tokens d WHERE d.store_id = t.store_id AND d.till_id = t.till_id) AS last_seen_at,
            (SELECT count(*) FROM chain_pending p WHERE p.store_id = t.store_id AND p.till_id = t.till_id) AS pending,
            (SELECT count(*) FROM quarantine q WHERE q.store_id = t.store_id AND q.till_id = t.till_id) AS quarantined
       FROM tills t WHERE t.store_id = $1 ORDER BY t.till_id`,
    [storeId],
  );
  return rows.map((row) => ({
    tillId: row.till_id,
    label: row.label,
    createdAt: iso(row.created_at),
    revoked: Number(row.tokens) > 0 && Number(row.live_tokens) === 0,
    lastSeenAt: row.last_seen_at === null ? null : iso(row.last_seen_at),
    appVersion: row.app_version,
    syncBacklog: { pendingRecords: Number(row.pending), quarantined: Number(row.quarantined), unpushed: null },
  }));
}
