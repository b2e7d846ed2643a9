/**
 * The banknotes in everyday circulation, in minor units, smallest first. The 500 € note is still
 * legal tender but no longer issued and refused by most shops: 200 € is the largest a customer
 * really hands over. A currency missing here simply gets no note-based help (quick amounts come
 * from the store's settings, and only the multiple-of-the-due check applies).
 */
const BANKNOTES: Readonly<Record<string, readonly number[]>> = {
  EUR: [500, 1000, 2000, 5000, 10000, 20000],
  CHF: [1000, 2000, 5000, 10000, 20000, 100000],
  GBP: [500, 1000, 2000, 5000],
  USD: [100, 500, 1000, 2000, 5000, 10000],
  CAD: [500, 1000, 2000, 5000, 10000],
  // XOF / XPF have no minor unit: amounts are whole francs.
  XOF: [500, 1000, 2000, 5000, 10000],
  XPF: [500, 1000, 5000, 10000],
};

export function banknotesOf(currency: string): readonly number[] {
  return BANKNOTES[currency] ?? [];
}

/**
 * The quick cash buttons: the store's own amounts above what is due (a store that set them chose
 * them: a setting the till ignored would be worse than none); without any above the due, the
 * notes above it (a customer hands over the next note up, or the one after). At most `count`.
 */
export function quickCashAmounts(due: number, currency: string, storeAmounts: readonly number[], count = 4): number[] {
  const above = (amounts: readonly number[]) => amounts.filter((amount) => amount > due).slice(0, count);
  const chosen = above(storeAmounts);
  return chosen.length > 0 ? chosen : above(banknotesOf(currency));
}
