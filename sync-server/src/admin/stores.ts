import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { assertId } from './ids';

export type NewStore = { readonly storeId: string; readonly name: string; readonly profile?: unknown };

export async function createStore(db: Queryable, store: NewStore): Promise<{ storeId: string; name: string }> {
  const storeId = assertId('store', store.storeId);
  const name = store.name.trim();
  if (!name) throw new HubError(400, 'bad_request', 'A store needs a name');
  const rows = await db.query(
    'INSERT INTO stores (store_id, name, profile) VALUES ($1, $2, $3::jsonb) ON CONFLICT (store_id) DO NOTHING RETURNING store_id',
    [storeId, name, store.profile === undefined ? null : JSON.stringify(store.profile)],
  );
  if (rows.length === 0) throw new HubError(409, 'already_exists', `Store ${storeId} already exists`);
  return { storeId, name };
}

export async function storeExists(db: Queryable, storeId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM stores WHERE store_id = $1', [storeId])).length > 0;
}
