import { assertMinorUnits } from '../money/money';
import type { ReportTotals } from './report-totals';

export type CashMovementKind = 'pay-in' | 'pay-out' | 'safe-drop';

/** Cash put into or taken out of the drawer outside a sale; `amount` is positive minor units. */
export type CashMovement = { readonly kind: CashMovementKind; readonly amount: number };

/** What the drawer of a cash session should hold, and how it comes to that. */
export type CashExpected = {
  readonly float: number;
  /** Cash taken on sales (net of change). */
  readonly cashSales: number;
  /** Cash given back on returns. */
  readonly cashRefunds: number;
  readonly payIns: number;
  readonly payOuts: number;
  readonly safeDrops: number;
  /** float + cash sales − cash refunds + pay-ins − pay-outs − safe drops. */
  readonly expected: number;
};

function checkedAmount(amount: number, what: string): number {
  if (assertMinorUnits(amount) < 0) throw new RangeError(`${what} must not be negative, got ${amount}`);
  return amount;
}

/** The cash a session's drawer should hold at its count: from the float, the session's report and its movements. */
export function cashExpected(float: number, totals: Pick<ReportTotals, 'byTender'>, cashMovements: readonly CashMovement[]): CashExpected {
  const cash = totals.byTender.find((t) => t.method === 'cash')?.amount;
  const moved: Record<CashMovementKind, number> = { 'pay-in': 0, 'pay-out': 0, 'safe-drop': 0 };
  for (const m of cashMovements) moved[m.kind] += checkedAmount(m.amount, `A ${m.kind}`);
  const result = {
    float: checkedAmount(float, 'The float'),
    cashSales: cash?.sales ?? 0,
    cashRefunds: cash?.returns ?? 0,
    payIns: moved['pay-in'],
    payOuts: moved['pay-out'],
    safeDrops: moved['safe-drop'],
  };
  return {
    ...result,
    expected: result.float + result.cashSales - result.cashRefunds + result.payIns - result.payOuts - result.safeDrops,
  };
}
