import { applyPromotions, compilePromotions, salePricingContext, type Cart, type CompiledPromotions } from '@pos/core';
import { activePromotions } from '../db/active-promotions';
import type { CatalogDb } from '../db/catalog-db';

/**
 * The promotions the till's cart is priced with: the rules of Dexie active when the cart started,
 * compiled once per set (ids and versions), never per scan. A scan then prices the basket with
 * core's priceBasket, which reads only the rules its products and categories lead to.
 */
type Held = { readonly key: string; readonly set: CompiledPromotions; readonly names: ReadonlyMap<string, string> };

const NONE: Held = { key: '', set: compilePromotions([]), names: new Map() };
let held: Held = NONE;

/** What names a set: its rules' ids and versions (an id and a version always name one content). */
const keyOf = (rules: readonly { id: string; version: number }[]) => rules.map((r) => `${r.id}:${r.version}`).join(',');

/**
 * Reads the rules active at `at` and compiles them when they are not those held already.
 * True when the set changed (the cart on screen is to be priced again).
 */
export async function loadPromotions(db: CatalogDb, at: string): Promise<boolean> {
  const rules = await activePromotions(db, at);
  const key = keyOf(rules);
  if (key === held.key) return false;
  held = { key, set: compilePromotions(rules), names: new Map(rules.map((r) => [r.id, r.name])) };
  return true;
}

/** The set held now (for tests and measures). */
export function heldPromotions(): CompiledPromotions {
  return held.set;
}

/** A promotion's name as the back office wrote it (its id when no longer held). */
export function promotionName(promotionId: string): string {
  return held.names.get(promotionId) ?? promotionId;
}

/**
 * The cart priced with the promotions held now, in the store's zone, at the instant the cart started
 * (as the host checks the sale: a rule ending while the customer pays still holds), for a member
 * when a customer is attached (setCustomer is a change of the cart: it prices again).
 */
export function promotedCart(cart: Cart, store: { readonly storeId: string; readonly timeZone: string }): Cart {
  if (held === NONE && !cart.promotions) return cart;
  const sale = { storeId: store.storeId, startedAt: cart.startedAt, ...(cart.customer ? { customerId: cart.customer.id } : {}) };
  return applyPromotions(cart, held.set, salePricingContext(sale, store.timeZone));
}
