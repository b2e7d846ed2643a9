import type { OfficeRole } from '../api/office-client';

/** The back office's pages, in the order of the navigation; '' is the dashboard at /office/. */
export const PAGES = [
  'dashboard',
  'sales',
  'closings',
  'stock',
  'catalog',
  'customers',
  'loyalty',
  'stores',
  'staff',
  'users',
  'account',
] as const;
export type PageKey = (typeof PAGES)[number];
export type Access = 'read' | 'edit';

/**
 * The one rule of which role sees which page, and whether it may change things there. It follows
 * the hub's actions (sync-server/src/office/access.ts), which check every route again: a page
 * hidden here is also refused there. An accountant reads sales, closings and stock, never the
 * catalog, stores or staff; only administrators manage users and read the audit log. Everyone has
 * their account page (their API keys: the hub lets every signed-in user own keys within their rights).
 */
const ACCESS: Readonly<Record<OfficeRole, Readonly<Partial<Record<PageKey, Access>>>>> = {
  admin: {
    dashboard: 'read',
    sales: 'read',
    closings: 'edit',
    stock: 'edit',
    catalog: 'edit',
    // The chain's customers: personal data of every store, administrators only (as the hub's access map).
    customers: 'edit',
    // The chain's loyalty program: administrators only (as the hub's access map).
    loyalty: 'edit',
    stores: 'edit',
    staff: 'edit',
    users: 'edit',
    account: 'edit',
  },
  regional: {
    dashboard: 'read',
    sales: 'read',
    closings: 'edit',
    stock: 'edit',
    catalog: 'read',
    stores: 'edit',
    staff: 'edit',
    account: 'edit',
  },
  'store-manager': {
    dashboard: 'read',
    sales: 'read',
    closings: 'edit',
    stock: 'edit',
    catalog: 'read',
    stores: 'read',
    staff: 'edit',
    account: 'edit',
  },
  accountant: { dashboard: 'read', sales: 'read', closings: 'edit', stock: 'read', account: 'edit' },
};

export function accessTo(role: OfficeRole, page: PageKey): Access | null {
  return ACCESS[role][page] ?? null;
}

/** The pages a role sees in its navigation, in order. */
export function pagesFor(role: OfficeRole): PageKey[] {
  return PAGES.filter((page) => accessTo(role, page) !== null);
}

/** The address of a page under the app's base (/office/). */
export function pathOf(page: PageKey): string {
  return page === 'dashboard' ? '' : page;
}

/** The page at an address relative to the base, or null when none is. */
export function pageAt(relativePath: string): PageKey | null {
  const first = relativePath.replace(/^\/+/, '').split('/')[0] ?? '';
  if (first === '') return 'dashboard';
  return (PAGES as readonly string[]).includes(first) && first !== 'dashboard' ? (first as PageKey) : null;
}
