import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import { customerView } from '../customers/customer-rows';
import { readCustomer } from '../customers/customer-write';
import type { Queryable } from '../db/database';
import { findDocuments } from '../sync/document-table';
import { CATALOG_SCOPE } from '../sync/scope';

type Params = {
  readonly storeId?: string;
  readonly staffId?: string;
  readonly id?: string;
  readonly promotionId?: string;
  readonly programId?: string;
};
type Loader = (db: Queryable, params: Params) => Promise<unknown>;

async function person(db: Queryable, { storeId, staffId }: Params): Promise<unknown> {
  const [row] = await db.query(
    'SELECT staff_id, display_name, role, badge_code, disabled, version FROM staff WHERE store_id = $1 AND staff_id = $2',
    [storeId, staffId],
  );
  return row ?? null;
}

async function product(db: Queryable, { id }: Params): Promise<unknown> {
  const stored = (await findDocuments(db, CATALOG_SCOPE, 'products', [id!])).get(id!);
  return stored ? { ...stored.doc, deleted: stored.deleted } : null;
}

async function promotion(db: Queryable, { promotionId }: Params): Promise<unknown> {
  const stored = (await findDocuments(db, CATALOG_SCOPE, 'promotions', [promotionId!])).get(promotionId!);
  return stored ? { ...stored.doc, deleted: stored.deleted } : null;
}

async function loyaltyProgram(db: Queryable, { programId }: Params): Promise<unknown> {
  const stored = (await findDocuments(db, CATALOG_SCOPE, 'loyalty_programs', [programId!])).get(programId!);
  return stored ? { ...stored.doc, deleted: stored.deleted } : null;
}

async function customer(db: Queryable, { id }: Params): Promise<unknown> {
  const row = await readCustomer(db, id!);
  return row ? customerView(row) : null;
}

/**
 * What an admin route is about to change, read just before it does: the audit log's `before`
 * (secrets go when the row is written, office/audit.ts). Routes not named here log no `before`.
 */
const LOADERS: Readonly<Record<string, Loader>> = {
  'PATCH /api/v1/admin/stores/:storeId/staff/:staffId': person,
  'PUT /api/v1/admin/stores/:storeId/staff/:staffId/pin': person,
  'PUT /api/v1/admin/stores/:storeId/roles': async (db, { storeId }) =>
    db.query('SELECT role, permissions FROM store_roles WHERE store_id = $1 ORDER BY role', [storeId]),
  'PUT /api/v1/admin/stores/:storeId/settings': async (db, { storeId }) => {
    const stored = (await findDocuments(db, { kind: 'store', storeId: storeId! }, 'store_settings', [STORE_SETTINGS_DOC_ID])).get(
      STORE_SETTINGS_DOC_ID,
    );
    return stored?.doc ?? null;
  },
  'PUT /api/v1/admin/products/:id': product,
  'PATCH /api/v1/admin/products/:id': product,
  'DELETE /api/v1/admin/products/:id': product,
  'PUT /api/v1/admin/promotions/:promotionId': promotion,
  'DELETE /api/v1/admin/promotions/:promotionId': promotion,
  'PUT /api/v1/admin/loyalty/programs/:programId': loyaltyProgram,
  'DELETE /api/v1/admin/loyalty/programs/:programId': loyaltyProgram,
  'PUT /api/v1/admin/customers/:id': customer,
  'POST /api/v1/admin/customers/:id/merge': customer,
};

/** The state before, or undefined when the route has no loader. */
export async function stateBefore(db: Queryable, route: string, params: Params): Promise<unknown> {
  const loader = LOADERS[route];
  return loader ? loader(db, params) : undefined;
}
