import { basketLine, MAX_QUANTITY, MAX_WEIGHT_G, priceBasket, type BasketLine, type CartLine, type Product } from '@pos/core';
import type { BasketPriceAnswer, BasketPriceRequest, BasketProblemCode } from '@pos/core/sync/head-office-api';
import { getStoreSettings } from '../admin/store-settings';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments } from '../sync/document-table';
import { CATALOG_SCOPE } from '../sync/scope';
import type { PromotionSet } from './promotion-set';

type Problem = { readonly field: string; readonly message: string; readonly code: BasketProblemCode };

/** What the basket needs of the store: its clock, its currency, its price list. */
type StoreTerms = { readonly timeZone: string; readonly currency: string; readonly priceListId?: string };

async function storeTerms(db: Database, storeId: string): Promise<StoreTerms> {
  const { settings } = await getStoreSettings(db, storeId);
  const { timeZone, currency, priceListId } = settings as Partial<StoreTerms>;
  return { timeZone: timeZone ?? 'UTC', currency: currency ?? 'EUR', ...(priceListId ? { priceListId } : {}) };
}

/** The store's list prices of these products (a deleted list has none): they win over the catalog's, as at the till. */
async function listPrices(db: Queryable, listId: string | undefined, productIds: readonly string[]): Promise<Map<string, number>> {
  if (!listId || productIds.length === 0) return new Map();
  const rows = await db.query<{ productId: string; price: number }>(
    `SELECT e ->> 'productId' AS "productId", (e ->> 'price')::int AS price
       FROM catalog_docs d, jsonb_array_elements(d.doc -> 'entries') AS e
      WHERE d.collection = 'price_lists' AND d.id = $1 AND NOT d.deleted
        AND e ->> 'productId' IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [listId, JSON.stringify(productIds)],
  );
  return new Map(rows.map((r) => [r.productId, Number(r.price)]));
}

function maxQuantity(product: Product): number {
  return product.measure === 'weight' ? MAX_WEIGHT_G : MAX_QUANTITY;
}

/** The basket's lines as the till would make them, or every problem found (400 invalid_basket). */
async function basketLines(db: Database, request: BasketPriceRequest, terms: StoreTerms): Promise<BasketLine[]> {
  const ids = [...new Set(request.lines.map((l) => l.productId))];
  const products = await findDocuments(db, CATALOG_SCOPE, 'products', ids);
  const prices = await listPrices(db, terms.priceListId, ids);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const lines: BasketLine[] = [];
  for (const [i, line] of request.lines.entries()) {
    const field = `lines[${i}]`;
    const lineId = line.lineId ?? `line-${i + 1}`;
    if (seen.has(lineId)) problems.push({ field, message: `line id ${lineId} is used twice`, code: 'duplicate_line' });
    seen.add(lineId);
    const stored = products.get(line.productId);
    if (!stored || stored.deleted) {
      problems.push({ field, message: `no product ${line.productId} in the catalog`, code: 'unknown_product' });
      continue;
    }
    const product = { ...(stored.doc as Omit<Product, 'id'>), id: line.productId } as Product & { brand?: string };
    if (product.disabled) problems.push({ field, message: `product ${product.id} is no longer sold`, code: 'product_disabled' });
    if (product.currency !== terms.currency)
      problems.push({
        field,
        message: `product ${product.id} is priced in ${product.currency}, the store sells in ${terms.currency}`,
        code: 'wrong_currency',
      });
    if (line.quantity > maxQuantity(product))
      problems.push({
        field,
        message: `at most ${maxQuantity(product)} ${product.measure === 'weight' ? 'grams' : 'pieces'}`,
        code: 'quantity_range',
      });
    const cartLine: CartLine = {
      lineId,
      productId: product.id,
      sku: product.sku,
      name: product.name,
      vatRateId: product.vatRateId,
      measure: product.measure,
      unitPrice: prices.get(product.id) ?? product.price,
      quantity: line.quantity,
    };
    lines.push(basketLine(cartLine, product));
  }
  if (problems.length > 0)
    throw new HubError(400, 'invalid_basket', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      problems: problems.slice(0, 50),
    });
  return lines;
}

/**
 * Prices a web basket with core's priceBasket, as a till of the store would at this instant: the
 * catalog's prices (the store's price list winning), the store's zone and currency, the live promotions.
 */
export async function priceWebBasket(
  db: Database,
  promotions: PromotionSet,
  request: BasketPriceRequest,
  at: string,
): Promise<BasketPriceAnswer> {
  const terms = await storeTerms(db, request.storeId);
  const lines = await basketLines(db, request, terms);
  const priced = priceBasket({ currency: terms.currency, lines }, promotions.compiled, {
    at,
    timeZone: terms.timeZone,
    storeId: request.storeId,
    channel: request.channel ?? 'web',
    ...(request.customer ? { customer: request.customer } : {}),
    ...(request.couponCodes ? { couponCodes: request.couponCodes } : {}),
  });
  return {
    ...priced,
    at,
    lines: priced.lines.map((line, i) => ({
      ...line,
      productId: lines[i]!.productId,
      unitPrice: lines[i]!.unitPrice,
      quantity: lines[i]!.quantity,
    })),
  };
}
