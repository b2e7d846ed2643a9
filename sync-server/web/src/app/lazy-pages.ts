import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageKey } from './navigation';
import type { PageProps } from './page-props';

/** One chunk per page, loaded when first opened: the sign-in page never downloads the others. */
export const LAZY_PAGES: Readonly<Record<PageKey, LazyExoticComponent<ComponentType<PageProps>>>> = {
  dashboard: lazy(() => import('../pages/DashboardPage')),
  sales: lazy(() => import('../pages/SalesPage')),
  closings: lazy(() => import('../pages/ClosingsPage')),
  stock: lazy(() => import('../pages/StockPage')),
  catalog: lazy(() => import('../pages/CatalogPage')),
  customers: lazy(() => import('../pages/CustomersPage')),
  loyalty: lazy(() => import('../pages/LoyaltyPage')),
  stores: lazy(() => import('../pages/StoresPage')),
  staff: lazy(() => import('../pages/StaffPage')),
  users: lazy(() => import('../pages/UsersPage')),
  account: lazy(() => import('../pages/AccountPage')),
};
