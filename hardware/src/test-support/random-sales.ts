import {
  buildSale,
  cartTotals,
  cashTender,
  demoStoreProfile,
  paymentState,
  type CardTender,
  type SealedRecord,
  type StoreProfile,
  type Tender,
} from '@pos/core';
import { cartArb } from '@pos/core/test-support/arbitraries';
import { demoSaleContext, unsignedSaleRecord } from '@pos/core/test-support/sample-sale';
import fc from 'fast-check';

/**
 * Words a French shop writes on its products and tickets, typography included (œ, curly
 * apostrophes and quotes, dashes, ellipsis, non-breaking spaces), none with a question mark.
 */
const FRENCH_WORDS = [
  'Bœuf',
  'ŒUFS',
  'cœur',
  'l’été',
  'd’Auvergne',
  '« bio »',
  '“Maison”',
  '‘extra’',
  'Crème',
  'brûlée',
  'Pâté',
  'Côte',
  'Épeautre',
  'Noël',
  'naïf',
  'Garçon',
  'L’HAŸ-LES-ROSES',
  'goût…',
  'Saint‑Émilion',
  '—',
  '–',
  'x6',
  '1,5\u00a0L',
  '12',
  '45°',
  'Æble',
  'Über',
  'Ça',
  'à',
  'où',
] as const;

export const frenchTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...FRENCH_WORDS), { minLength: 1, maxLength: 7 })
  .map((words) => words.join(' '));

/** A completed sale as the till seals it, and the store it was made in (random cash rounding, footer). */
export type RandomSale = { readonly record: SealedRecord<'sale'>; readonly store: StoreProfile };

const paymentArb = fc.record({
  method: fc.constantFrom<'cash' | 'card' | 'split'>('cash', 'card', 'split'),
  cardShare: fc.double({ min: 0, max: 1, noNaN: true }),
  extraCash: fc.integer({ min: 0, max: 20_000 }),
});

type Payment = typeof paymentArb extends fc.Arbitrary<infer T> ? T : never;

function tenders(total: number, store: StoreProfile, payment: Payment): Tender[] {
  if (total === 0) return [];
  const card = (amount: number): CardTender => ({
    id: 'card',
    method: 'card',
    amount,
    status: 'approved',
    attemptKey: 'k',
    maskedPan: '**** 4242',
  });
  if (payment.method === 'card') return [card(total)];
  const cards =
    payment.method === 'split' && total > 1 ? [card(Math.max(1, Math.min(total - 1, Math.floor(total * payment.cardShare))))] : [];
  const due = paymentState(total, cards, store.cashRounding).cashDue;
  return [...cards, cashTender('cash', total, cards, Math.max(1, due + payment.extraCash), store.cashRounding)];
}

export const randomSaleArb: fc.Arbitrary<RandomSale> = fc
  .record({
    cart: cartArb,
    names: fc.array(frenchTextArb, { minLength: 12, maxLength: 12 }),
    overrides: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    footer: fc.array(frenchTextArb, { maxLength: 2 }),
    step: fc.constantFrom(1, 5),
    payment: paymentArb,
  })
  .map(({ cart, names, overrides, footer, step, payment }) => {
    const store: StoreProfile = { ...demoStoreProfile(), cashRounding: { step }, receiptFooter: footer };
    const lines = cart.lines.map((line, i) => ({
      ...line,
      name: names[i] ?? line.name,
      ...(overrides[i]
        ? { priceOverride: { originalPrice: line.unitPrice + 100, reason: names[11 - i] ?? 'étiquette', approvedBy: 'm' } }
        : {}),
    }));
    const withNames = { ...cart, lines };
    const sale = buildSale(withNames, tenders(cartTotals(withNames, store.vatRates).total, store, payment), demoSaleContext({}, store));
    return { record: unsignedSaleRecord(sale, 7), store };
  });
