/**
 * Realistic sale documents, built with core as the till builds them: five lines of packaged demo
 * products (1–3 pieces each), paid by card and cash, sealed-looking (the hub does not verify
 * signatures), in the shape the till's RxDB `sales` collection holds (core's saleDocFromRecord).
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
} from '@pos/core';
import { mulberry32 } from '@pos/core/demo/prng';
import { unsignedSaleRecord } from '@pos/core/test-support/sample-sale';

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
 * clients, the PouchDB clients and the SQL loop hold the very same documents.
 */
export function benchSale(run: string, till: TillIdentity, n: number): SaleDoc {
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
  });
  return saleDocFromRecord(unsignedSaleRecord(payload, n));
}

/** A till's sales 1…count. */
export function benchSales(run: string, till: TillIdentity, count: number): SaleDoc[] {
  return Array.from({ length: count }, (_, i) => benchSale(run, till, i + 1));
}

/**
 * The same sale under another identity and number: cheap copies of a few core-built templates,
 * for the 500 simulated tills (a new id everywhere the hub reads one: document, record, payload).
 */
export function cloneSale(template: SaleDoc, till: TillIdentity, saleId: string, seq: number): SaleDoc {
  const record = template.record;
  return {
    ...template,
    id: saleId,
    storeId: till.storeId,
    tillId: till.tillId,
    seq,
    record: {
      ...record,
      id: saleId,
      seq,
      storeId: till.storeId,
      tillId: till.tillId,
      payload: { ...record.payload, saleId, storeId: till.storeId, tillId: till.tillId },
    },
  };
}
