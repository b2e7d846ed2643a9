import { isTillId, type TillSummary } from '@pos/core';
import type { PriceListSummary } from '@pos/core/sync/head-office-api';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';

export type VatRate = { readonly id: string; readonly rateBp: number; readonly code: string; readonly label: string };

/** The fields of PUT /api/v1/admin/stores/:storeId/settings (sync-server/src/http/api-schemas.ts StoreSettingsBody) this page fills. */
export type StoreSettings = {
  readonly name: string;
  readonly legalName: string;
  readonly addressLines: readonly string[];
  readonly vatNumber: string;
  readonly siret?: string;
  readonly currency: string;
  readonly receiptLocale: string;
  readonly timeZone: string;
  readonly vatRates: readonly VatRate[];
  readonly variableMeasureLayouts: readonly unknown[];
  readonly cashRounding: { readonly step: number };
  readonly quickCashAmounts: readonly number[];
  readonly maxCashierDiscountBp: number;
  readonly receiptFooter: readonly string[];
  readonly cashSession: 'required' | 'optional';
  readonly varianceLimit: number;
  /** A live price list's id (the hub refuses another, unknown_price_list); absent: catalog prices. */
  readonly priceListId?: string;
};

/** A price list a store's settings may name (GET /api/v1/admin/price-lists). */
export type { PriceListSummary };

/** A till as GET /api/v1/admin/stores/:storeId/tills lists it: core's shape, the hub's answer. */
export type { TillSummary };

export type Enrollment = { readonly code: string; readonly storeId: string; readonly tillId: string; readonly expiresAt: string };

/** The hub's rule for a till id (core's), checked here so a typo never reaches it. */
export { isTillId };

/** A store to pick, as GET /api/v1/admin/stores lists it. */
export type StoreChoice = { readonly storeId: string; readonly name: string };

/**
 * GET /api/v1/admin/stores (sync-server/src/http/store-list-route.ts): the stores the caller covers,
 * every one for an administrator. The one reader of that route: pages pick stores from it.
 */
export async function listStores(client: OfficeClient): Promise<StoreChoice[]> {
  const answer = (await client.admin('GET', '/stores')) as { stores?: unknown } | null;
  return Array.isArray(answer?.stores) ? (answer.stores as StoreChoice[]) : [];
}

/** A store as a person reads it: its name and id, or its id alone when it has no other name. */
export function storeLabel(store: StoreChoice): string {
  return store.name && store.name !== store.storeId ? `${store.name} (${store.storeId})` : store.storeId;
}

/** The store and till routes of sync-server/src/http/admin-routes.ts and store-settings-route.ts (and the price lists' list), typed for the page. */
export function storesApi(client: OfficeClient) {
  return {
    /** The saved settings document, or null when the store has none yet (404 no_settings: nothing to keep). */
    async getSettings(storeId: string): Promise<Readonly<Record<string, unknown>> | null> {
      try {
        const answer = (await client.admin('GET', `/stores/${encodeURIComponent(storeId)}/settings`)) as {
          settings: Record<string, unknown>;
        };
        return answer.settings;
      } catch (error) {
        if (error instanceof OfficeApiError && error.code === 'no_settings') return null;
        throw error;
      }
    },
    /** The whole document: the saved one with the form's fields changed (settings-draft.ts). */
    async putSettings(storeId: string, settings: Readonly<Record<string, unknown>>): Promise<void> {
      await client.admin('PUT', `/stores/${encodeURIComponent(storeId)}/settings`, settings);
    },
    /** The chain's live price lists, for the settings to name one (catalog.read: a 403 forbidden otherwise). */
    async priceLists(): Promise<readonly PriceListSummary[]> {
      return ((await client.admin('GET', '/price-lists')) as { priceLists: PriceListSummary[] }).priceLists;
    },
    async listTills(storeId: string): Promise<TillSummary[]> {
      return ((await client.admin('GET', `/stores/${encodeURIComponent(storeId)}/tills`)) as { tills: TillSummary[] }).tills;
    },
    async createTill(storeId: string, tillId: string, label: string): Promise<void> {
      await client.admin('POST', '/tills', { storeId, tillId, ...(label ? { label } : {}) });
    },
    async enroll(storeId: string, tillId: string): Promise<Enrollment> {
      return (await client.admin('POST', '/enrollments', { storeId, tillId })) as Enrollment;
    },
    async revoke(storeId: string, tillId: string): Promise<number> {
      const answer = (await client.admin('POST', '/revocations', { storeId, tillId })) as { revokedTokens: number };
      return answer.revokedTokens;
    },
  };
}

export type StoresApi = ReturnType<typeof storesApi>;
