import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

type Row = { key_id: string; secret: string };

async function oldestKey(db: Queryable): Promise<Row | undefined> {
  const [row] = await db.query<Row>('SELECT key_id, secret FROM hub_link_keys ORDER BY created_at, key_id LIMIT 1');
  return row;
}

/**
 * The hub's link key (hub_link_keys), made on first use. Two instances making it at once both
 * converge on the oldest row, so every instance of one database signs and checks with one key.
 * Read at each use (one row by its index): never a copy in memory that a restored database or
 * another instance would contradict.
 */
export async function loadOrCreateLinkKey(db: Queryable): Promise<Buffer> {
  let row = await oldestKey(db);
  if (!row) {
    const keyId = randomBytes(8).toString('hex');
    await db.query('INSERT INTO hub_link_keys (key_id, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      keyId,
      randomBytes(32).toString('hex'),
    ]);
    row = await oldestKey(db);
    if (row && row.key_id !== keyId) await db.query('DELETE FROM hub_link_keys WHERE key_id = $1', [keyId]);
  }
  if (!row) throw new Error('The hub could not keep its link key');
  return Buffer.from(row.secret, 'hex');
}
