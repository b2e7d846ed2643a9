import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import type { OfficeRole } from '../office/roles';

/**
 * Who may call each admin and office route, written here by hand (not read from office/access.ts):
 *   admin    administrators only
 *   read     every role, in its own stores (accountants included)
 *   staff    administrators; regional and store managers in their stores
 *   settings administrators; regional managers in their stores
 *   catalog  administrators, regional and store managers (chain-wide reads; never accountants)
 *   self     any signed-in user (their own session and account)
 *   open     no session needed (signing in)
 * A route added without a line here fails the first test; a route that forgets its check fails the others.
 */
type Rule = 'admin' | 'read' | 'staff' | 'settings' | 'catalog' | 'self' | 'open';

const EXPECTED: Record<string, Rule> = {
  'POST /api/v1/admin/stores': 'admin',
  'GET /api/v1/admin/stores': 'read',
  'GET /api/v1/admin/reports/dashboard': 'read',
  'POST /api/v1/admin/tills': 'admin',
  'POST /api/v1/admin/enrollments': 'admin',
  'POST /api/v1/admin/revocations': 'admin',
  'GET /api/v1/admin/tokens': 'admin',
  'POST /api/v1/admin/tokens': 'admin',
  'DELETE /api/v1/admin/tokens/:id': 'admin',
  'PUT /api/v1/admin/products/:id': 'admin',
  'PATCH /api/v1/admin/products/:id': 'admin',
  'DELETE /api/v1/admin/products/:id': 'admin',
  'POST /api/v1/admin/imports/products': 'admin',
  'GET /api/v1/admin/products': 'catalog',
  'GET /api/v1/admin/products/:id': 'catalog',
  'GET /api/v1/admin/categories': 'catalog',
  'GET /api/v1/admin/vat-rates': 'catalog',
  'GET /api/v1/admin/price-lists': 'catalog',
  'GET /api/v1/admin/price-lists/:listId': 'catalog',
  'PUT /api/v1/admin/price-lists/:listId': 'admin',
  'DELETE /api/v1/admin/price-lists/:listId': 'admin',
  'GET /api/v1/admin/promotions': 'catalog',
  'GET /api/v1/admin/promotions/:promotionId': 'catalog',
  'PUT /api/v1/admin/promotions/:promotionId': 'admin',
  'DELETE /api/v1/admin/promotions/:promotionId': 'admin',
  'POST /api/v1/admin/promotions/:promotionId/coupon-codes': 'admin',
  'GET /api/v1/admin/promotions/:promotionId/coupon-codes': 'admin',
  'POST /api/v1/admin/promotions/:promotionId/coupon-blocks': 'admin',
  'GET /api/v1/admin/stock/exceptions': 'admin',
  'GET /api/v1/admin/users': 'admin',
  'POST /api/v1/admin/users': 'admin',
  'PATCH /api/v1/admin/users/:userId': 'admin',
  'POST /api/v1/admin/users/:userId/password-reset': 'admin',
  'GET /api/v1/admin/audit': 'admin',
  'GET /api/v1/admin/stores/:storeId/archive': 'read',
  'GET /api/v1/admin/stores/:storeId/closings': 'read',
  'GET /api/v1/admin/stores/:storeId/closings/:tillId/:seq': 'read',
  'GET /api/v1/admin/stores/:storeId/jet': 'read',
  'GET /api/v1/admin/stores/:storeId/chains': 'read',
  'GET /api/v1/admin/stores/:storeId/chain-breaks': 'read',
  'GET /api/v1/admin/stores/:storeId/staff': 'read',
  'GET /api/v1/admin/stores/:storeId/roles': 'read',
  'GET /api/v1/admin/stores/:storeId/settings': 'read',
  'GET /api/v1/admin/stores/:storeId/tills': 'read',
  'GET /api/v1/admin/stores/:storeId/sales': 'read',
  'GET /api/v1/admin/stores/:storeId/sales/:saleId': 'read',
  'POST /api/v1/admin/stores/:storeId/staff': 'staff',
  'PATCH /api/v1/admin/stores/:storeId/staff/:staffId': 'staff',
  'PUT /api/v1/admin/stores/:storeId/staff/:staffId/pin': 'staff',
  'PUT /api/v1/admin/stores/:storeId/roles': 'staff',
  'POST /api/v1/admin/stores/:storeId/stock-movements': 'staff',
  'GET /api/v1/admin/stores/:storeId/stock': 'read',
  'GET /api/v1/admin/stores/:storeId/stock/movements': 'read',
  'GET /api/v1/admin/stores/:storeId/stock/exceptions': 'read',
  'POST /api/v1/admin/stock-transfers': 'staff',
  'PUT /api/v1/admin/stores/:storeId/settings': 'settings',
  'GET /api/v1/admin/customers': 'admin',
  'GET /api/v1/admin/customers/duplicates': 'admin',
  'GET /api/v1/admin/customers/:id': 'admin',
  'PUT /api/v1/admin/customers/:id': 'admin',
  'POST /api/v1/admin/customers/:id/merge': 'admin',
  'GET /api/v1/admin/loyalty/members/:customerId': 'admin',
  'POST /api/v1/admin/loyalty/members/:customerId/adjustments': 'admin',
  'GET /api/v1/admin/loyalty/programs': 'admin',
  'GET /api/v1/admin/loyalty/programs/:programId': 'admin',
  'PUT /api/v1/admin/loyalty/programs/:programId': 'admin',
  'DELETE /api/v1/admin/loyalty/programs/:programId': 'admin',
  'GET /api/v1/admin/cards/:cardId': 'admin',
  'POST /api/v1/admin/cards/:cardId/cancel': 'admin',
  'POST /api/v1/office/session': 'open',
  'DELETE /api/v1/office/session': 'self',
  'POST /api/v1/office/sessions/revoke-all': 'self',
  'GET /api/v1/office/me': 'self',
  'GET /api/v1/office/reports/events': 'self',
  'POST /api/v1/office/password': 'self',
  'POST /api/v1/office/totp': 'self',
  'POST /api/v1/office/totp/confirm': 'self',
  'GET /api/v1/office/audit': 'admin',
  'GET /api/v1/office/api-keys': 'self',
  'POST /api/v1/office/api-keys': 'self',
  'DELETE /api/v1/office/api-keys/:keyId': 'self',
};

const ALLOWED: Record<Exclude<Rule, 'self' | 'open'>, readonly OfficeRole[]> = {
  admin: ['admin'],
  read: ['admin', 'regional', 'store-manager', 'accountant'],
  staff: ['admin', 'regional', 'store-manager'],
  settings: ['admin', 'regional'],
  catalog: ['admin', 'regional', 'store-manager'],
};

/** `METHOD path` of every route under /api/v1/admin and /api/v1/office, read from Fastify's route tree. */
function guardedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+) \(([A-Z, ]+)\)/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    if (!/^\/api\/v1\/(admin|office)\//.test(path)) continue;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes;
}

function concrete(path: string, storeId: string): string {
  return path
    .replace(':storeId', storeId)
    .replace(':tillId', 'T1')
    .replace(':seq', '1')
    .replace(':staffId', 'staff-none')
    .replace(':userId', 'user-none')
    .replace(':id', 'abcdefabcdef');
}

const ROLES: readonly OfficeRole[] = ['admin', 'regional', 'store-manager', 'accountant'];

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`every role against every admin and office route on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, authFailureLimit: { max: 100_000, timeWindowMs: 60_000 } });

    it('has an expectation for every admin and office route the hub serves', () => {
      const served = guardedRoutes(ctx().hub.app.printRoutes({ commonPrefix: false })).sort();
      expect(served).toEqual(Object.keys(EXPECTED).sort());
    });

    it('refuses every route but signing in to a request with neither token nor session', async () => {
      const anonymous = new OfficeBrowser(ctx().hub);
      for (const [route, rule] of Object.entries(EXPECTED)) {
        if (rule === 'open') continue;
        const [method, path] = route.split(' ') as ['GET', string];
        const answer = await anonymous.call(method, concrete(path, 'S1'), method === 'GET' || method === 'DELETE' ? undefined : {});
        expect({ route, status: answer.status }).toEqual({ route, status: 401 });
      }
    });

    it('lets each role through exactly where its role and stores allow (own store S1, other store S2)', async () => {
      const { db, hub } = ctx();
      for (const storeId of ['S1', 'S2', 'S3']) await createStore(db, { storeId, name: storeId });
      const stores: Record<OfficeRole, string[]> = { admin: [], regional: ['S1', 'S3'], 'store-manager': ['S1'], accountant: ['S1'] };
      const browsers = new Map<OfficeRole, OfficeBrowser>();
      for (const role of ROLES) {
        const email = `${role}@example.com`;
        const { totpSecret } = await readyUser(db, { email, role, stores: stores[role] });
        const browser = new OfficeBrowser(hub);
        expect((await browser.signIn(email, undefined, totpSecret)).status).toBe(200);
        browsers.set(role, browser);
      }
      const outcomes: string[] = [];
      const wrong: string[] = [];
      for (const [route, rule] of Object.entries(EXPECTED)) {
        // Signing in and out, and each user's own account, are tested in office-session.test.ts.
        if (rule === 'open' || rule === 'self') continue;
        const [method, path] = route.split(' ') as ['GET', string];
        for (const role of ROLES) {
          for (const storeId of path.includes(':storeId') ? ['S1', 'S2'] : ['S1']) {
            const answer = await browsers
              .get(role)!
              .call(method, concrete(path, storeId), method === 'GET' || method === 'DELETE' ? undefined : {});
            const allowed =
              ALLOWED[rule].includes(role) &&
              (role === 'admin' || !path.includes(':storeId') ? role === 'admin' || rule !== 'admin' : storeId === 'S1');
            const let_through = answer.status !== 401 && answer.status !== 403;
            outcomes.push(`${route} ${role} ${storeId}: ${answer.status}`);
            if (let_through !== allowed)
              wrong.push(`${route} as ${role} in ${storeId}: ${answer.status} (${allowed ? 'should pass' : 'should be refused'})`);
            else if (!allowed) expect(answer.body.error).toBe('forbidden');
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(100);
    });
  });
}
