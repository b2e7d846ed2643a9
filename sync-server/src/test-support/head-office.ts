import { withGtinCheckDigit } from '@pos/core';
import type { ProductBody } from '@pos/core/sync/head-office-api';
import { issueAdminToken } from '../auth/admin-tokens';
import type { Database } from '../db/database';
import type { Hub } from '../server';
import { saleDocOf, type SaleLineSpec, type TestChains } from './sealed-records';
import { chainsOf } from './test-hub';

/** Headers of a head-office request with a fresh admin token. */
export async function adminHeaders(db: Database): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await issueAdminToken(db, 'test')}` };
}

/** The n-th test EAN-13 (376… with its check digit). */
export function ean(n: number): string {
  return withGtinCheckDigit(`376${String(n).padStart(9, '0')}`);
}

/** A valid product body. */
export function productBody(extra: Partial<ProductBody> = {}): ProductBody {
  return {
    sku: 'epi-001',
    name: 'Pâté de campagne 200 g',
    barcodes: [ean(1)],
    price: 349,
    currency: 'EUR',
    vatRateId: 'FR-5.5',
    measure: 'unit',
    category: 'Épicerie',
    ...extra,
  };
}

/** A thin head-office client over fastify.inject. */
export function headOffice(hub: Hub, headers: Record<string, string>) {
  const call = async (
    method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST',
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ) => {
    const res = await hub.app.inject({
      method,
      url,
      headers: { ...headers, ...extraHeaders },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    return { status: res.statusCode, body: res.body ? (res.json() as Record<string, unknown>) : {} };
  };
  return {
    call,
    putProduct: (id: string, body: unknown = productBody()) => call('PUT', `/api/v1/admin/products/${id}`, body),
    changePrice: (id: string, price: number) => call('PATCH', `/api/v1/admin/products/${id}`, { price }),
    deleteProduct: (id: string) => call('DELETE', `/api/v1/admin/products/${id}`),
    importCsv: (csv: string | Buffer, query = '', contentType = 'text/csv') =>
      call('POST', `/api/v1/admin/imports/products${query}`, csv, { 'content-type': contentType }),
    movements: (storeId: string, movements: unknown[]) => call('POST', `/api/v1/admin/stores/${storeId}/stock-movements`, { movements }),
    exceptions: (query = '') => call('GET', `/api/v1/admin/stock/exceptions${query}`),
  };
}

/**
 * A sales document as a till pushes it: a sale of these lines (core's SalePayload, built and
 * priced as the till does), the next record of the till's sale chain, sealed with its key.
 */
export function sealedSaleDoc(
  device: { storeId: string; tillId: string; chains?: TestChains },
  saleId: string,
  lines: readonly SaleLineSpec[],
) {
  return saleDocOf(chainsOf(device).sale(saleId, lines));
}
