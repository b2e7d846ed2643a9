import type { Product } from '@pos/core';
import type {
  CategoryList,
  ImportRefusal,
  ImportRowError,
  PriceListBody,
  PriceListRead,
  PriceListSummary,
  ProductBody,
  ProductImportResult,
  ProductPage,
  ProductQuery,
  ProductRead,
  PromotionBody,
  PromotionPage,
  PromotionRead,
  PromotionSummary,
} from '@pos/core/sync/head-office-api';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { queryString } from '../../app/query-string';

export type {
  ImportRowError,
  PriceListBody,
  PriceListRead,
  PriceListSummary,
  Product,
  ProductBody,
  ProductImportResult,
  ProductPage,
  ProductQuery,
  PromotionBody,
  PromotionPage,
  PromotionRead,
  PromotionSummary,
};

export type VatRate = { readonly id: string; readonly rateBp: number; readonly code: string; readonly label: string };

/** An import the hub refused (422 invalid_import): nothing was written; the first 1,000 row errors. */
export class ImportRefused extends Error {
  constructor(
    readonly errorCount: number,
    readonly errors: readonly ImportRowError[],
  ) {
    super('invalid_import');
    this.name = 'ImportRefused';
  }
}

/** The catalog routes of sync-server/src/http/catalog-read-routes.ts, catalog-routes.ts, price-list-routes.ts and import-route.ts, typed for the page. */
export function catalogApi(client: OfficeClient) {
  return {
    async search(query: ProductQuery): Promise<ProductPage> {
      return (await client.admin('GET', `/products${queryString(query)}`)) as ProductPage;
    },
    async read(id: string): Promise<ProductRead> {
      return (await client.admin('GET', `/products/${encodeURIComponent(id)}`)) as ProductRead;
    },
    async categories(): Promise<readonly string[]> {
      return ((await client.admin('GET', '/categories')) as CategoryList).categories;
    },
    async vatRates(): Promise<readonly VatRate[]> {
      return ((await client.admin('GET', '/vat-rates')) as { vatRates: VatRate[] }).vatRates;
    },
    async put(id: string, body: ProductBody): Promise<Product> {
      return ((await client.admin('PUT', `/products/${encodeURIComponent(id)}`, body)) as ProductRead).product;
    },
    async changePrice(id: string, price: number): Promise<Product> {
      return ((await client.admin('PATCH', `/products/${encodeURIComponent(id)}`, { price })) as ProductRead).product;
    },
    async priceLists(): Promise<readonly PriceListSummary[]> {
      return ((await client.admin('GET', '/price-lists')) as { priceLists: PriceListSummary[] }).priceLists;
    },
    async readPriceList(id: string): Promise<PriceListRead> {
      return (await client.admin('GET', `/price-lists/${encodeURIComponent(id)}`)) as PriceListRead;
    },
    async putPriceList(id: string, body: PriceListBody): Promise<PriceListRead> {
      return (await client.admin('PUT', `/price-lists/${encodeURIComponent(id)}`, body)) as PriceListRead;
    },
    async deletePriceList(id: string): Promise<PriceListRead> {
      return (await client.admin('DELETE', `/price-lists/${encodeURIComponent(id)}`)) as PriceListRead;
    },
    async promotions(after?: string): Promise<PromotionPage> {
      return (await client.admin('GET', `/promotions${after === undefined ? '' : `?after=${encodeURIComponent(after)}`}`)) as PromotionPage;
    },
    async readPromotion(id: string): Promise<PromotionRead> {
      return (await client.admin('GET', `/promotions/${encodeURIComponent(id)}`)) as PromotionRead;
    },
    async putPromotion(id: string, body: PromotionBody): Promise<PromotionRead> {
      return (await client.admin('PUT', `/promotions/${encodeURIComponent(id)}`, body)) as PromotionRead;
    },
    async deletePromotion(id: string): Promise<PromotionRead> {
      return (await client.admin('DELETE', `/promotions/${encodeURIComponent(id)}`)) as PromotionRead;
    },
    /** A batch of single-use codes for the promotion (the same batch id again: the same codes). */
    async generateCouponCodes(id: string, batchId: string, count: number): Promise<{ batchId: string; codes: string[] }> {
      return (await client.admin('POST', `/promotions/${encodeURIComponent(id)}/coupon-codes`, { batchId, count })) as {
        batchId: string;
        codes: string[];
      };
    },
    /** Checks (dryRun) or imports a CSV file; a refusal with row errors throws ImportRefused. */
    async importCsv(file: Blob, dryRun: boolean): Promise<ProductImportResult> {
      try {
        return (await client.admin('POST', `/imports/products${dryRun ? '?dryRun=true' : ''}`, file)) as ProductImportResult;
      } catch (error) {
        const refusal = error instanceof OfficeApiError && error.code === 'invalid_import' ? (error.body as Partial<ImportRefusal>) : null;
        if (refusal && Array.isArray(refusal.errors)) throw new ImportRefused(refusal.errorCount ?? refusal.errors.length, refusal.errors);
        throw error;
      }
    },
  };
}

export type CatalogApi = ReturnType<typeof catalogApi>;
