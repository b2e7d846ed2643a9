import type {
  StockException,
  StockLevelRow,
  StockMovementRow,
  StockMovementsResult,
  StockPage,
  StockTransferInput,
  StockTransferResult,
} from '@pos/core/sync/head-office-api';
import type { StockMovementKind } from '@pos/core/sync/stock';
import type { OfficeClient } from '../../api/office-client';
import { queryString } from '../../app/query-string';
import { catalogApi, type Product } from '../catalog/catalog-api';
import { PICKER_MATCHES } from '../catalog/product-choice';
import { listStores } from '../stores/stores-api';

export type { StockException, StockLevelRow, StockMovementKind, StockMovementRow, StockPage, StockTransferResult };

/** The hub's bounds (sync-server/src/http/stock-schemas.ts), checked here so the page says them in its language. */
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_SEARCH = 100;
export const MAX_PRODUCT_ID = 64;
export const MAX_NOTE = 500;
/** Lines of one transfer on this page (the hub takes up to 200). */
export const MAX_LINES = 50;
export const PAGE_SIZE = 50;

export type LevelFilters = { readonly q: string; readonly negative: boolean };
export type MovementFilters = {
  readonly productId: string;
  readonly kind: StockMovementKind | '';
  readonly from: string;
  readonly to: string;
};

/** `YYYY-MM-DD` (a date input's value) → the instant that day starts where the browser is; '' → undefined. */
export function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d\d-\d\d$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** Query parameters of the levels list (also its export's). */
export function levelParams(filters: LevelFilters): Record<string, string | undefined> {
  return { q: filters.q.trim() || undefined, negative: filters.negative ? 'true' : undefined };
}

/** Query parameters of the movements list (also its export's): the days as instants, the last day included. */
export function movementParams(filters: MovementFilters): Record<string, string | undefined> {
  return {
    productId: filters.productId.trim() || undefined,
    kind: filters.kind || undefined,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
  };
}

/** A new id for a movement or a transfer: kept while the same submission is retried, so the hub applies it once. */
export function newRequestId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The stock routes of sync-server/src/http/stock-routes.ts, typed for the page. */
export function stockApi(client: OfficeClient) {
  const store = (storeId: string) => `/stores/${encodeURIComponent(storeId)}`;
  const catalog = catalogApi(client);
  return {
    async levels(storeId: string, filters: LevelFilters, cursor?: string): Promise<StockPage<StockLevelRow>> {
      const params = { ...levelParams(filters), cursor, limit: String(PAGE_SIZE) };
      return (await client.admin('GET', `${store(storeId)}/stock${queryString(params)}`)) as StockPage<StockLevelRow>;
    },
    async movements(storeId: string, filters: MovementFilters, cursor?: string): Promise<StockPage<StockMovementRow>> {
      const params = { ...movementParams(filters), cursor, limit: String(PAGE_SIZE) };
      return (await client.admin('GET', `${store(storeId)}/stock/movements${queryString(params)}`)) as StockPage<StockMovementRow>;
    },
    async exceptions(storeId: string): Promise<readonly StockException[]> {
      return ((await client.admin('GET', `${store(storeId)}/stock/exceptions`)) as { exceptions: StockException[] }).exceptions;
    },
    /** A delivery (receipt, `quantity` received) or a count (`counted` on the shelf): one ledger movement. */
    async record(
      storeId: string,
      movement: { movementId: string; productId: string } & (
        { kind: 'receipt'; quantity: number } | { kind: 'count_adjustment'; counted: number }
      ),
    ): Promise<StockMovementsResult> {
      return (await client.admin('POST', `${store(storeId)}/stock-movements`, { movements: [movement] })) as StockMovementsResult;
    },
    async transfer(input: StockTransferInput): Promise<StockTransferResult> {
      return (await client.admin('POST', '/stock-transfers', input)) as StockTransferResult;
    },
    stores: () => listStores(client),
    /** Products to pick by name, barcode, SKU or id: the catalog's search (every role moving stock may read the catalog). */
    products: async (text: string): Promise<readonly Product[]> => (await catalog.search({ q: text, limit: PICKER_MATCHES })).products,
  };
}

export type StockApi = ReturnType<typeof stockApi>;
