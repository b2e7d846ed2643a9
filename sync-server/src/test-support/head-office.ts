import { withGtinCheckDigit, type Product } from '@pos/core';
import type { ProductBody } from '@pos/core/sync/head-office-api';
import { issueAdminToken } from '../auth/admin-tokens';
import type { Database } from '../db/database';
import type { Hub } from '../server';

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

export type SaleLineSpec = {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly measure?: Product['measure'];
};

/**
 * A sales document as a till pushes it: the sealed record's payload carries the lines (core's
 * SalePayload); the hub reads productId, quantity and lineId from them.
 */
export function sealedSaleDoc(device: { storeId: string; tillId: string }, saleId: string, lines: readonly SaleLineSpec[]) {
  const payloadLines = lines.map((l) => ({
    sku: l.productId.toUpperCase(),
    name: l.productId,
    vatRateId: 'FR-5.5',
    unitPrice: 100,
    lineTotal: 100,
    measure: l.measure ?? 'unit',
    ...l,
  }));
  return {
    id: saleId,
    _deleted: false,
    storeId: device.storeId,
    tillId: device.tillId,
    seq: 1,
    completedAt: '2026-11-22T10:00:00.000Z',
    total: 100 * lines.length,
    staffId: 'staff-camille',
    record: {
      chain: 'sale',
      id: saleId,
      seq: 1,
      storeId: device.storeId,
      tillId: device.tillId,
      payload: { type: 'sale', saleId, lines: payloadLines },
    },
  };
}
