/**
 * A VAT rate is data carried by the store profile, never a constant in code: rates change by law
 * and differ by country. `rateBp` is in basis points (2000 = 20 %).
 *
 * A rate may be bounded in time: when the law changes a rate, the store's settings list the same
 * id twice, the old entry `validUntil` the change and the new one `validFrom` it. A sale uses the
 * entries in force when it is completed (the same instant on the till, the host and the hub).
 */
export type VatRate = {
  readonly id: string;
  readonly rateBp: number;
  /** Short letter printed beside each receipt line to tie it to the breakdown (A, B, C…). */
  readonly code: string;
  readonly label: string;
  /** In force from this instant (ISO 8601, inclusive); always when absent. */
  readonly validFrom?: string;
  /** In force until this instant (exclusive); for ever when absent. */
  readonly validUntil?: string;
};

export function findVatRate(rates: readonly VatRate[], id: string): VatRate {
  const rate = rates.find((r) => r.id === id);
  if (!rate) throw new Error(`Unknown VAT rate "${id}"`);
  return rate;
}

function inForce(rate: VatRate, at: number): boolean {
  return (
    (rate.validFrom === undefined || Date.parse(rate.validFrom) <= at) &&
    (rate.validUntil === undefined || at < Date.parse(rate.validUntil))
  );
}

/** The rates in force at `at` (an ISO instant): one entry per id (periods of one id never overlap: vatRatePeriodProblems). */
export function vatRatesAt(rates: readonly VatRate[], at: string): VatRate[] {
  const time = Date.parse(at);
  const chosen = new Map<string, VatRate>();
  for (const rate of rates) if (!chosen.has(rate.id) && inForce(rate, time)) chosen.set(rate.id, rate);
  return [...chosen.values()];
}

/** Problems of a list of rates over time: a period that ends before it starts, two periods of one id that overlap. */
export function vatRatePeriodProblems(rates: readonly VatRate[]): string[] {
  const problems: string[] = [];
  for (const [i, rate] of rates.entries()) {
    for (const [field, value] of [
      ['validFrom', rate.validFrom],
      ['validUntil', rate.validUntil],
    ] as const) {
      if (value !== undefined && Number.isNaN(Date.parse(value))) problems.push(`vatRates[${i}].${field} is not a date and time`);
    }
    if (rate.validFrom && rate.validUntil && Date.parse(rate.validUntil) <= Date.parse(rate.validFrom)) {
      problems.push(`vatRates[${i}] ends before it starts`);
    }
    for (const [j, other] of rates.entries()) {
      if (j <= i || other.id !== rate.id) continue;
      const start = (r: VatRate) => (r.validFrom ? Date.parse(r.validFrom) : -Infinity);
      const end = (r: VatRate) => (r.validUntil ? Date.parse(r.validUntil) : Infinity);
      if (start(rate) < end(other) && start(other) < end(rate)) problems.push(`VAT rate ${rate.id} is listed twice for the same time`);
    }
  }
  return problems;
}
