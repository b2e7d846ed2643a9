import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  emptyCart,
  type ApprovalRef,
  type Cart,
  type ReturnOf,
  type SalePayloadV1,
  type Tender,
} from '@pos/core';
import { demoSaleContext } from '@pos/core/test-support/sample-sale';
import type { TestHost } from '../../test-support/host-harness';

/** A cart of demo products by catalog index, lines `l0`, `l1`… in order. */
export function cartOf(id: string, lines: readonly { readonly index: number; readonly quantity?: number }[]): Cart {
  let cart = emptyCart(id, 'EUR', new Date().toISOString());
  for (const [i, { index, quantity }] of lines.entries())
    cart = addProduct(cart, demoProduct(index), { lineId: `l${i}`, quantity: quantity ?? 1 });
  return cart;
}

/** The sale (or, with `returnOf`, the return) of a cart completed now by Camille, in exact cash unless tenders are given. */
export function saleNow(
  cart: Cart,
  options: { readonly tenders?: readonly Tender[]; readonly returnOf?: ReturnOf; readonly returnApproval?: ApprovalRef } = {},
): SalePayloadV1 {
  const context = demoSaleContext({
    completedAt: new Date().toISOString(),
    ...(options.returnOf ? { returnOf: options.returnOf } : {}),
    ...(options.returnApproval ? { returnApproval: options.returnApproval } : {}),
  });
  const total = cartTotals(cart, context.vatRates).total;
  return buildSale(cart, options.tenders ?? [cashTender('cash', total, [], total, context.cashRounding)], context);
}

export const sealSale = (host: TestHost, sale: SalePayloadV1) =>
  host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });
