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

/** A store's routes answer 404 for a store the hub does not hold. */
export async function requireStore(db: Queryable, storeId: string): Promise<void> {
  if (!(await storeExists(db, storeId))) throw new HubError(404, 'not_found', `Store ${storeId} does not exist`);
}

/** The stores, by id: all of them (`only` null), or those of `only` (a head-office user's stores). */
export async function listStores(db: Queryable, only: readonly string[] | null): Promise<{ storeId: string; name: string }[]> {
  const rows = await db.query<{ store_id: string; name: string }>(
    only === null
      ? 'SELECT store_id, name FROM stores ORDER BY store_id'
      : 'SELECT store_id, name FROM stores WHERE store_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb))) ORDER BY store_id',
    only === null ? [] : [JSON.stringify(only)],
  );
  return rows.map((row) => ({ storeId: row.store_id, name: row.name }));
}
