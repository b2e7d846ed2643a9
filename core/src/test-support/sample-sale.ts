import { addProduct, emptyCart, setCartDiscount, setLineDiscount } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { applyPromotions } from '../promotions/cart-promotions';
import type { CompiledPromotions } from '../promotions/compile-promotions';
import { salePricingContext } from '../promotions/sale-promotion-check';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { chainHash, GENESIS_HASH, keyIdOf, RECORD_FORMAT, type SealedFields, type SealedRecord } from '../fiscal/chain';
import { cashTender } from '../payment/payment-state';
import type { CardTender } from '../payment/tender';
import { buildSale, isSaleV1, type SaleContext, type SalePayload, type SalePayloadV0 } from '../sale/sale';

/** Test fixtures shared by every package: sales built with core exactly as the till builds them. */

/** What buildSale needs of a store and a cashier: the demo store's rules, Camille, a fixed time. */
export function demoSaleContext(overrides: Partial<SaleContext> = {}, store = demoStoreProfile()): SaleContext {
  return {
    storeId: store.storeId,
    tillId: store.tillId,
    staffId: 'staff-camille',
    completedAt: '2026-11-22T10:05:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
    ...(store.dayStartHour === undefined ? {} : { dayStartHour: store.dayStartHour }),
    ...overrides,
  };
}
export type CashSaleOptions = {
  readonly saleId: string;
  readonly staffId?: string;
  readonly storeId?: string;
  readonly tillId?: string;
  /** Demo catalog indexes, one line each (a repeated index increments its line). */
  readonly products?: readonly number[];
  /** Cash handed over above the total (change). */
  readonly extraCash?: number;
  /** The till's clock at the end of the sale. */
  readonly completedAt?: string;
  /** A return of these lines of another sale. */
  readonly returnOf?: SaleContext['returnOf'];
  readonly training?: boolean;
  /** Promotions to price the cart with (at its start, in the store's zone, as the till does). */
  readonly promotions?: CompiledPromotions;
};

export function cashSale(options: CashSaleOptions): SalePayload {
  const profile = demoStoreProfile(options.storeId ?? 'S001', options.tillId ?? 'T01');
  let cart = emptyCart(options.saleId, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const [i, index] of (options.products ?? [100, 205]).entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  if (options.promotions) cart = applyPromotions(cart, options.promotions, salePricingContext({ ...profile, ...cart }, profile.timeZone));
  const total = cartTotals(cart, profile.vatRates).total;
  const tender = cashTender('cash-1', total, [], total + (options.extraCash ?? 0), profile.cashRounding);
  return buildSale(cart, [tender], {
    storeId: profile.storeId,
    tillId: profile.tillId,
    staffId: options.staffId ?? 'staff-camille',
    completedAt: options.completedAt ?? '2026-11-22T09:01:00.000Z',
    vatRates: profile.vatRates,
    cashRounding: profile.cashRounding,
    timeZone: profile.timeZone,
    ...(options.returnOf ? { returnOf: options.returnOf } : {}),
    ...(options.training ? { training: true } : {}),
  });
}

/** The same sale as a version 0 payload: what the till sealed before version 1 (for tests of old records). */
export function saleAsVersion0(sale: SalePayload): SalePayloadV0 {
  if (!isSaleV1(sale)) return sale;
  const { v: _v, kind: _k, returnOf: _r, businessDate: _b, sessionId: _s, channel: _c, discounts: _d, training: _t, lines, ...rest } = sale;
  return { ...rest, lines: lines.map(({ salespersonId: _p, category: _g, ...line }) => line) };
}

/** RFC 8032 §7.1 TEST 1: a key everyone can reproduce, never a till's (tests that verify what they seal). */
export const TEST_SIGNING_KEY = {
  secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
} as const;

/** A sale record sealed as the till host seals it (format 1, linked to `prevHash`), signed with TEST_SIGNING_KEY. */
export function signedSaleRecord(payload: SalePayload, seq: number, prevHash = GENESIS_HASH): SealedRecord<'sale'> {
  const fields: SealedFields<'sale'> = {
    v: RECORD_FORMAT,
    chain: 'sale',
    id: payload.saleId,
    seq,
    storeId: payload.storeId,
    tillId: payload.tillId,
    sealedAt: payload.completedAt,
    keyId: keyIdOf(TEST_SIGNING_KEY.publicKey),
    payload,
  };
  const hash = chainHash(prevHash, fields);
  const signature = bytesToHex(ed25519.sign(hexToBytes(hash), hexToBytes(TEST_SIGNING_KEY.secret)));
  return { ...fields, prevHash, hash, signature };
}

/** A sealed-looking record around a payload (not hashed nor signed: for code that never verifies). */
export function unsignedSaleRecord(payload: SalePayload, seq: number): SealedRecord<'sale'> {
  return {
    chain: 'sale',
    id: payload.saleId,
    seq,
    storeId: payload.storeId,
    tillId: payload.tillId,
    sealedAt: payload.completedAt,
    keyId: 'k',
    payload,
    prevHash: 'p',
    hash: `h${seq}`,
    signature: 's',
  };
}

/**
 * A sale with fixed ids and times, so receipts built from it (and golden byte files) are the same
 * on every run: card and cash, a weighed line, line and cart discounts.
 */
export function sampleSaleRecord(): SealedRecord<'sale'> {
  const store = demoStoreProfile();
  let cart = emptyCart('0193a1b2-0000-7000-8000-000000000001', 'EUR', '2026-11-22T10:00:00.000Z');
  cart = addProduct(cart, demoProduct(100), { lineId: 'l1', quantity: 2 });
  cart = addProduct(cart, demoProduct(0), { lineId: 'l2', quantity: 532 });
  cart = addProduct(cart, demoProduct(107), { lineId: 'l3' });
  cart = setLineDiscount(cart, 'l3', { kind: 'percent', bp: 1000 });
  cart = setCartDiscount(cart, 500);
  const total = cartTotals(cart, store.vatRates).total;
  const card: CardTender = {
    id: 'c',
    method: 'card',
    amount: 500,
    status: 'approved',
    attemptKey: 'k',
    maskedPan: '**** 4242',
    scheme: 'CB',
  };
  const cash = cashTender('t', total, [card], 5000, store.cashRounding);
  const payload = buildSale(cart, [card, cash], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: '2026-11-22T10:05:00.000Z',
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
  // Version 0, as sealed before version 1: the golden receipt files print its `T01-000042`.
  // A fixed 64-hex hash (SHA-256 of "test"), so the fingerprint the receipt prints is a real one's form.
  return {
    ...unsignedSaleRecord(saleAsVersion0(payload), 42),
    prevHash: '0',
    hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  };
}
