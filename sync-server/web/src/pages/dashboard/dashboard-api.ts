import type { DashboardAnswer } from '@pos/core/sync/head-office-api';
import type { OfficeClient } from '../../api/office-client';
import type { DateRange } from './period';

export type { DashboardAnswer };

/** The dashboard route's query: the stores chosen (null: every store the user covers) and the dates. */
export function dashboardQuery(stores: readonly string[] | null, range: DateRange): Record<string, string> {
  return { ...(stores === null ? {} : { stores: stores.join(',') }), from: range.from, to: range.to };
}

/** GET /api/v1/admin/reports/dashboard (sync-server/src/http/dashboard-route.ts). */
export async function loadDashboard(client: OfficeClient, stores: readonly string[] | null, range: DateRange): Promise<DashboardAnswer> {
  const query = new URLSearchParams(dashboardQuery(stores, range));
  return (await client.admin('GET', `/reports/dashboard?${query.toString()}`)) as DashboardAnswer;
}

/** The stores a user may pick from: every store for an administrator (GET /stores), else their own. */
export async function loadStoreChoices(
  client: OfficeClient,
  admin: boolean,
  own: readonly string[],
): Promise<{ storeId: string; name: string }[]> {
  if (!admin) return own.map((storeId) => ({ storeId, name: storeId }));
  const list = (await client.admin('GET', '/stores')) as { stores?: { storeId: string; name: string }[] } | null;
  return Array.isArray(list?.stores) ? list.stores : [];
}
