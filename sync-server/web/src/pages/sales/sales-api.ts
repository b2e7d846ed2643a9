import type { SaleDetail, SalesPage } from '@pos/core/sync/head-office-api';
import type { OfficeClient } from '../../api/office-client';

export type { SaleDetail, SaleRow, SalesPage } from '@pos/core/sync/head-office-api';

/** The filters as the form holds them: text as typed, amounts in units (euros), empty for none. */
export type SalesFilterValues = {
  readonly from: string;
  readonly to: string;
  readonly tillId: string;
  readonly receipt: string;
  readonly minAmount: string;
  readonly maxAmount: string;
  readonly tender: string;
  readonly cashier: string;
  readonly salesperson: string;
  readonly kind: string;
};

export const NO_FILTERS: SalesFilterValues = {
  from: '',
  to: '',
  tillId: '',
  receipt: '',
  minAmount: '',
  maxAmount: '',
  tender: '',
  cashier: '',
  salesperson: '',
  kind: '',
};

/** An amount typed in units ("12,50" or "12.50") as cents; null when it is not one. */
export function centsOf(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The query the hub takes for these filters (empty ones left out); null when an amount is not one. */
export function queryOf(values: SalesFilterValues): Record<string, string> | null {
  const query: Record<string, string> = {};
  for (const key of ['from', 'to', 'tillId', 'receipt', 'tender', 'cashier', 'salesperson', 'kind'] as const) {
    const value = values[key].trim();
    if (value !== '') query[key] = value;
  }
  for (const key of ['minAmount', 'maxAmount'] as const) {
    if (values[key].trim() === '') continue;
    const cents = centsOf(values[key]);
    if (cents === null) return null;
    query[key] = String(cents);
  }
  return query;
}

/** The sales route's path under /api/v1/admin (the export buttons fetch it too). */
export const salesPath = (storeId: string) => `/stores/${encodeURIComponent(storeId)}/sales`;

/** One page of the list, newest first, after `cursor` (null: the first page). */
export async function loadSales(
  client: OfficeClient,
  storeId: string,
  query: Readonly<Record<string, string>>,
  cursor: string | null,
  limit = 50,
): Promise<SalesPage> {
  const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
  const answer = (await client.admin('GET', `${salesPath(storeId)}?${params.toString()}`)) as Partial<SalesPage> | null;
  return { rows: Array.isArray(answer?.rows) ? answer.rows : [], next: typeof answer?.next === 'string' ? answer.next : null };
}

export async function loadSale(client: OfficeClient, storeId: string, saleId: string): Promise<SaleDetail> {
  return (await client.admin('GET', `${salesPath(storeId)}/${encodeURIComponent(saleId)}`)) as SaleDetail;
}
