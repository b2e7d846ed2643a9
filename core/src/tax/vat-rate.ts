/**
 * A VAT rate is data carried by the store profile, never a constant in code: rates change by law
 * and differ by country. `rateBp` is in basis points (2000 = 20 %).
 */
export type VatRate = {
  readonly id: string;
  readonly rateBp: number;
  /** Short letter printed beside each receipt line to tie it to the breakdown (A, B, C…). */
  readonly code: string;
  readonly label: string;
};

export function findVatRate(rates: readonly VatRate[], id: string): VatRate {
  const rate = rates.find((r) => r.id === id);
  if (!rate) throw new Error(`Unknown VAT rate "${id}"`);
  return rate;
}
