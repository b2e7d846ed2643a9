import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { assertId } from './ids';
import { storeExists } from './stores';

export type NewTill = { readonly storeId: string; readonly tillId: string; readonly label?: string };

export async function createTill(db: Queryable, till: NewTill): Promise<{ storeId: string; tillId: string }> {
  const storeId = assertId('store', till.storeId);
  const tillId = assertId('till', till.tillId);
  if (!(await storeExists(db, storeId))) throw new HubError(404, 'not_found', `Store ${storeId} does not exist: create it first`);
  const rows = await db.query(
    'INSERT INTO tills (store_id, till_id, label) VALUES ($1, $2, $3) ON CONFLICT (store_id, till_id) DO NOTHING RETURNING till_id',
    [storeId, tillId, till.label ?? null],
  );
  if (rows.length === 0) throw new HubError(409, 'already_exists', `Till ${tillId} of store ${storeId} already exists`);
  return { storeId, tillId };
}

export async function tillExists(db: Queryable, storeId: string, tillId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM tills WHERE store_id = $1 AND till_id = $2', [storeId, tillId])).length > 0;
}
