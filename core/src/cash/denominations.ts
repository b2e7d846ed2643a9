import { banknotesOf } from '../payment/banknotes';

export type DenominationKind = 'note' | 'coin';

/** A note or coin of a currency: its value in minor units. */
export type Denomination = { readonly value: number; readonly kind: DenominationKind };

/** The 500 € note: no longer issued since 2019 but still legal tender, so a drawer may hold one. */
const EUR_500_NOTE = 50_000;
const EUR_COINS = [200, 100, 50, 20, 10, 5, 2, 1];

const notes = (values: readonly number[]): Denomination[] => values.map((value) => ({ value, kind: 'note' }));
const coins = (values: readonly number[]): Denomination[] => values.map((value) => ({ value, kind: 'coin' }));
const largestFirst = (list: Denomination[]): readonly Denomination[] => Object.freeze(list.sort((a, b) => b.value - a.value));

/**
 * The notes and coins a drawer is counted in, per currency, largest first. The EUR notes are the
 * quick-cash list of payment/banknotes.ts (one list of notes in circulation) plus the 500 € note.
 * Another currency is added here as data; a currency missing here cannot be counted.
 */
export const DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = Object.freeze({
  EUR: largestFirst([...notes([EUR_500_NOTE, ...banknotesOf('EUR')]), ...coins(EUR_COINS)]),
});

/** The denominations of a currency, largest first; empty when it has none here. */
export function denominationsOf(currency: string): readonly Denomination[] {
  return Object.hasOwn(DENOMINATIONS, currency) ? (DENOMINATIONS[currency] ?? []) : [];
}
