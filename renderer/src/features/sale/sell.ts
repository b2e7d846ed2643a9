import { MAX_WEIGHT_G, storeDate, type Product } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions, CartLockedError } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
import { services } from '../../state/services';
import { perfMark } from '../../app/perf';
import { withListPrice } from '../../db/catalog-search';
import { resolveCode } from './resolve-code';

async function startNextSaleIfDone(): Promise<void> {
  const app = useAppStore.getState();
  if (app.panel === 'done') app.setPanel('search');
}

function guard(action: () => void): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (error instanceof CartLockedError) useAppStore.getState().notify('warning', 'sale.locked');
    else notifyError(error);
    return false;
  }
}

/** Adds a product picked in the search (asking the weight of a weighed one). */
export async function sellProduct(picked: Product, code?: string): Promise<void> {
  if (refuseWhileSealingStopped()) return;
  await startNextSaleIfDone();
  const { db, profile } = services();
  const product = await withListPrice(db.catalog, picked, profile.priceListId ?? null);
  if (product.measure === 'weight') {
    const result = await ask({ kind: 'weight', name: product.name });
    if (result?.kind !== 'weight') return;
    guard(() => cartActions.add(product, { quantity: Math.min(result.grams, MAX_WEIGHT_G), ...(code ? { code } : {}) }));
    return;
  }
  guard(() => cartActions.add(product, code ? { code } : {}));
}

let scans: Promise<void> = Promise.resolve();

/**
 * Scans are handled one after another, in the order they came, and anything that must see their
 * lines (paying) waits for them: a cashier who scans and presses F12 at once pays for that item.
 */
export function afterPendingScans(): Promise<void> {
  return scans;
}

function inTurn(sell: () => Promise<void>): Promise<void> {
  const next = scans.then(sell);
  scans = next.catch(() => undefined);
  return next;
}

/** A code from the scanner or typed in the search box. */
export function sellCode(raw: string): Promise<void> {
  return inTurn(() => sellCodeNow(raw));
}

/** A product tile tapped: in turn with the scans, so a cashier who taps and pays at once pays for it. */
export function sellTapped(product: Product): Promise<void> {
  return inTurn(() => sellProduct(product));
}

async function sellCodeNow(raw: string): Promise<void> {
  perfMark('pos:scan-start');
  if (refuseWhileSealingStopped()) return;
  await startNextSaleIfDone();
  const { db, profile } = services();
  // A use-by date is checked against the store's day, not the machine's (UTC on many tills).
  const today = storeDate(new Date(), profile.timeZone);
  const resolution = await resolveCode(db.catalog, raw, profile.variableMeasureLayouts, profile.priceListId ?? null, today);
  const app = useAppStore.getState();
  switch (resolution.kind) {
    case 'ignore':
      return;
    case 'error':
      app.notify('error', resolution.key, resolution.values);
      if (resolution.openSearch !== undefined) app.setSearchText(resolution.openSearch, true);
      return;
    case 'needs-weight':
      return sellProduct(resolution.product, resolution.code);
    case 'product': {
      const { product, code, quantity, labelAmount } = resolution;
      const added = guard(() =>
        cartActions.add(product, {
          code,
          ...(quantity !== undefined ? { quantity } : {}),
          ...(labelAmount !== undefined ? { labelAmount } : {}),
        }),
      );
      if (added) {
        app.dismissNotice();
        perfMark('pos:scan-added');
      }
      return;
    }
  }
}
