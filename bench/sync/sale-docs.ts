/**
 * Realistic sale documents, built with core as the till builds them: five lines of packaged demo
 * products (1–3 pieces each), paid by card and cash, sealed on the till's sale chain with the key
 * it enrolled with (the hub verifies every chain before stock moves), in the shape the till's RxDB
 * `sales` collection holds (core's saleDocFromRecord).
 */
import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  DEMO_CATALOG_SIZE,
  DEMO_WEIGHED_COUNT,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  saleDocFromRecord,
  type CardTender,
  type SaleDoc,
  type SalePayload,
} from '@pos/core';
import { mulberry32 } from '@pos/core/demo/prng';
import { TestChains } from '../../sync-server/src/test-support/sealed-records';
import { importTillKey } from '../../sync-server/src/test-support/till-keys';

export type TillIdentity = { readonly storeId: string; readonly tillId: string };

const LINES = 5;
/** Products sold: the packaged part of the 2,000-product demo catalog a fresh hub is seeded with. */
const FIRST = DEMO_WEIGHED_COUNT;
const SPAN = DEMO_CATALOG_SIZE - DEMO_WEIGHED_COUNT;

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The n-th sale (1-based) of a till in a run: deterministic for (run, till, n), so the RxDB
 * clients, the PouchDB clients and the SQL loop hold the same sales (each sealed with its till's key).
 */
export function benchSale(run: string, till: TillIdentity, n: number): SalePayload {
  const random = mulberry32(seedOf(`${run}/${till.storeId}/${till.tillId}/${n}`));
  const profile = demoStoreProfile(till.storeId, till.tillId);
  const saleId = `${run}-${till.storeId}-${till.tillId}-${String(n).padStart(6, '0')}`;
  const minute = String(n % 60).padStart(2, '0');
  let cart = emptyCart(saleId, 'EUR', `2026-11-22T10:${minute}:00.000Z`);
  const used = new Set<number>();
  for (let line = 0; line < LINES; line++) {
    let index = FIRST + Math.floor(random() * SPAN);
    // Five distinct products: a repeated one would merge into its line.
    while (used.has(index)) index = FIRST + ((index - FIRST + 1) % SPAN);
    used.add(index);
    cart = addProduct(cart, demoProduct(index), { lineId: `l${line + 1}`, quantity: 1 + Math.floor(random() * 3) });
  }
  const total = cartTotals(cart, profile.vatRates).total;
  const cardAmount = Math.max(1, Math.floor(total * (0.4 + random() * 0.4)));
  const card: CardTender = {
    id: 'c1',
    method: 'card',
    amount: cardAmount,
    status: 'approved',
    attemptKey: `${saleId}-k1`,
    maskedPan: '**** 4242',
    scheme: 'CB',
  };
  const due = total - cardAmount;
  const cash = cashTender('t1', total, [card], Math.ceil(due / 500) * 500 || due, profile.cashRounding);
  const payload = buildSale(cart, [card, cash], {
    storeId: till.storeId,
    tillId: till.tillId,
    staffId: 'staff-camille',
    completedAt: `2026-11-22T10:${minute}:30.000Z`,
    vatRates: profile.vatRates,
    cashRounding: profile.cashRounding,
    timeZone: profile.timeZone,
  });
  return payload;
}

/** A till of the benchmark, its key (PKCS #8, base64: it crosses to the client processes) and its sale chain. */
export function benchChains(till: TillIdentity, key: string): TestChains {
  return new TestChains(till.storeId, till.tillId, importTillKey(key));
}

/** A till's sales 1…count, sealed in order on its sale chain with its key. */
export function benchSales(run: string, till: TillIdentity, count: number, key: string): SaleDoc[] {
  const chains = benchChains(till, key);
  return Array.from({ length: count }, (_, i) => {
    const payload = benchSale(run, till, i + 1);
    return saleDocFromRecord(chains.seal('sale', payload.saleId, payload));
  });
}

/**
 * The same sale under another identity (cheap copies of a few core-built templates, for the 500
 * simulated tills): a new id everywhere the hub reads one, sealed as the next sale of `chains`.
 */
export function cloneSale(template: SalePayload, chains: TestChains, saleId: string): SaleDoc {
  const payload = { ...template, saleId, storeId: chains.storeId, tillId: chains.tillId };
  return saleDocFromRecord(chains.seal('sale', saleId, payload));
}
