import { OFFICE_ACTIONS, ROLE_ACTIONS, type OfficeAction } from '@pos/core';
import type { OfficeRole, OfficeUser } from './roles';

/**
 * The one place that decides what a head-office user may do, and where (issue 13). Every admin
 * route maps to an action below (ADMIN_ROUTE_ACTIONS); a route missing from the map is refused to
 * every office session, whatever the role: forgetting a route fails closed. The actions and each
 * role's are core's (core/src/sync/head-office-users.ts), shared with the back office.
 */
export type { OfficeAction };
export { OFFICE_ACTIONS };

const STORE_ACTIONS: ReadonlySet<OfficeAction> = new Set(['store.read', 'store.archive', 'store.staff', 'store.settings', 'store.stock']);

/** Does the role allow `action` somewhere (an API key's scopes are bounded by this)? */
export function roleAllows(role: OfficeRole, action: OfficeAction): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** Is `action` done in a store (it then needs a store the user covers)? */
export function isStoreAction(action: OfficeAction): boolean {
  return STORE_ACTIONS.has(action);
}

/**
 * Store actions a route may do without a store in its path, narrowing to the caller's stores
 * itself (an office session's, or an API key's ∩ its owner's): store.read is the list of stores
 * (GET /stores) and the dashboard (visibleStores); store.stock a transfer (POST /stock-transfers),
 * whose route checks both of its stores (mayMoveStockIn).
 */
export function routeNarrowsStores(action: OfficeAction): boolean {
  return action === 'store.read' || action === 'store.stock';
}

/** May `user` do `action` (in `storeId`, for a store's action)? Admins: everything, everywhere. */
export function can(user: Pick<OfficeUser, 'role' | 'stores'>, action: OfficeAction, storeId?: string): boolean {
  if (!ROLE_ACTIONS[user.role].includes(action)) return false;
  if (user.role === 'admin') return true;
  // The only chain-wide action other roles have: reading the catalog they sell from.
  if (!STORE_ACTIONS.has(action)) return action === 'catalog.read';
  if (storeId === undefined) return routeNarrowsStores(action);
  return user.stores.includes(storeId);
}

/**
 * `METHOD url` of each admin route → its action. Routes naming their store in the body rather
 * than the path (tills, enrollments, revocations) are chain-wide: administrators only.
 */
export const ADMIN_ROUTE_ACTIONS: Readonly<Record<string, OfficeAction>> = {
  'POST /api/v1/admin/stores': 'chain.admin',
  'GET /api/v1/admin/stores': 'store.read',
  // Without a store in the path: the route narrows the stores to the user's (403 store_not_covered outside them).
  'GET /api/v1/admin/reports/dashboard': 'store.read',
  'POST /api/v1/admin/tills': 'chain.admin',
  'POST /api/v1/admin/enrollments': 'chain.admin',
  'POST /api/v1/admin/revocations': 'chain.admin',
  'GET /api/v1/admin/tokens': 'chain.admin',
  'POST /api/v1/admin/tokens': 'chain.admin',
  'DELETE /api/v1/admin/tokens/:id': 'chain.admin',
  'PUT /api/v1/admin/products/:id': 'chain.admin',
  'PATCH /api/v1/admin/products/:id': 'chain.admin',
  'DELETE /api/v1/admin/products/:id': 'chain.admin',
  'POST /api/v1/admin/imports/products': 'chain.admin',
  'GET /api/v1/admin/products': 'catalog.read',
  'GET /api/v1/admin/products/:id': 'catalog.read',
  'GET /api/v1/admin/categories': 'catalog.read',
  'GET /api/v1/admin/vat-rates': 'catalog.read',
  'GET /api/v1/admin/price-lists': 'catalog.read',
  'GET /api/v1/admin/price-lists/:listId': 'catalog.read',
  'PUT /api/v1/admin/price-lists/:listId': 'chain.admin',
  'DELETE /api/v1/admin/price-lists/:listId': 'chain.admin',
  'GET /api/v1/admin/promotions': 'catalog.read',
  'GET /api/v1/admin/promotions/:promotionId': 'catalog.read',
  'PUT /api/v1/admin/promotions/:promotionId': 'chain.admin',
  'DELETE /api/v1/admin/promotions/:promotionId': 'chain.admin',
  // Coupon codes are the chain's: generating, exporting and giving tills blocks of them, administrators only.
  'POST /api/v1/admin/promotions/:promotionId/coupon-codes': 'chain.admin',
  'GET /api/v1/admin/promotions/:promotionId/coupon-codes': 'chain.admin',
  'POST /api/v1/admin/promotions/:promotionId/coupon-blocks': 'chain.admin',
  // The web shop's basket (for now an API key or a session that reads the catalog).
  'POST /api/v1/baskets/price': 'catalog.read',
  'GET /api/v1/admin/stock/exceptions': 'chain.admin',
  'GET /api/v1/admin/users': 'chain.admin',
  'POST /api/v1/admin/users': 'chain.admin',
  'PATCH /api/v1/admin/users/:userId': 'chain.admin',
  'POST /api/v1/admin/users/:userId/password-reset': 'chain.admin',
  'GET /api/v1/admin/audit': 'audit.read',
  'GET /api/v1/admin/stores/:storeId/archive': 'store.archive',
  'GET /api/v1/admin/stores/:storeId/closings': 'store.read',
  'GET /api/v1/admin/stores/:storeId/closings/:tillId/:seq': 'store.read',
  'GET /api/v1/admin/stores/:storeId/jet': 'store.read',
  'GET /api/v1/admin/stores/:storeId/chains': 'store.read',
  'GET /api/v1/admin/stores/:storeId/chain-breaks': 'store.read',
  'GET /api/v1/admin/stores/:storeId/staff': 'store.read',
  'POST /api/v1/admin/stores/:storeId/staff': 'store.staff',
  'PATCH /api/v1/admin/stores/:storeId/staff/:staffId': 'store.staff',
  'PUT /api/v1/admin/stores/:storeId/staff/:staffId/pin': 'store.staff',
  'GET /api/v1/admin/stores/:storeId/roles': 'store.read',
  'GET /api/v1/admin/stores/:storeId/settings': 'store.read',
  'GET /api/v1/admin/stores/:storeId/tills': 'store.read',
  'GET /api/v1/admin/stores/:storeId/sales': 'store.read',
  'GET /api/v1/admin/stores/:storeId/sales/:saleId': 'store.read',
  'PUT /api/v1/admin/stores/:storeId/roles': 'store.staff',
  'PUT /api/v1/admin/stores/:storeId/settings': 'store.settings',
  'POST /api/v1/admin/stores/:storeId/stock-movements': 'store.stock',
  'GET /api/v1/admin/stores/:storeId/stock': 'store.read',
  'GET /api/v1/admin/stores/:storeId/stock/movements': 'store.read',
  'GET /api/v1/admin/stores/:storeId/stock/exceptions': 'store.read',
  'POST /api/v1/admin/stock-transfers': 'store.stock',
  // The chain's customers: personal data of every store, so administrators only (no role reads it chain-wide yet).
  'GET /api/v1/admin/customers': 'chain.admin',
  'GET /api/v1/admin/customers/duplicates': 'chain.admin',
  'GET /api/v1/admin/customers/:id': 'chain.admin',
  'PUT /api/v1/admin/customers/:id': 'chain.admin',
  'POST /api/v1/admin/customers/:id/merge': 'chain.admin',
  // Loyalty and cards are the chain's (a member shops everywhere): administrators only.
  'GET /api/v1/admin/loyalty/members/:customerId': 'chain.admin',
  'POST /api/v1/admin/loyalty/members/:customerId/adjustments': 'chain.admin',
  'GET /api/v1/admin/loyalty/programs': 'chain.admin',
  'GET /api/v1/admin/loyalty/programs/:programId': 'chain.admin',
  'PUT /api/v1/admin/loyalty/programs/:programId': 'chain.admin',
  'DELETE /api/v1/admin/loyalty/programs/:programId': 'chain.admin',
  'GET /api/v1/admin/cards/:cardId': 'chain.admin',
  'POST /api/v1/admin/cards/:cardId/cancel': 'chain.admin',
};

/** The action of an admin route, or null (refused to office sessions). HEAD reads as GET. */
export function routeAction(method: string, url: string): OfficeAction | null {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return Object.hasOwn(ADMIN_ROUTE_ACTIONS, key) ? ADMIN_ROUTE_ACTIONS[key]! : null;
}
