import type { Cart, CartLine } from '../cart/cart';
import { cartTotals, type CartTotals } from '../cart/totals';
import { canonicalText } from '../fiscal/chain';
import type { EventPayload } from '../fiscal/events';
import type { CashRounding } from '../money/cash-rounding';
import { validateTenders } from '../payment/validate-tenders';
import { vatRatesAt, type VatRate } from '../tax/vat-rate';
import { SALE_SHAPE, VOID_SHAPE } from '../validation/sealed-shapes';
import { check } from '../validation/shape';
import type { SalePayload } from './sale';
import { problem, type SaleProblem } from './sale-problems';

/** What a sale is checked against: the store's rules at the till host or at the hub. */
export type SaleRules = {
  readonly storeId: string;
  readonly tillId: string;
  readonly currency: string;
  readonly vatRates: readonly VatRate[];
  readonly cashRounding: CashRounding;
};

const MAX_SHAPE_PROBLEMS = 20;

function cartOf(sale: SalePayload): Cart {
  return {
    id: sale.saleId,
    currency: sale.currency,
    startedAt: sale.startedAt,
    lines: sale.lines.map((l): CartLine => {
      const { gross: _g, lineDiscount: _d, cartDiscountShare: _c, net: _n, rateBp: _r, ...line } = l;
      return line;
    }),
    ...(sale.cartDiscountBp ? { cartDiscountBp: sale.cartDiscountBp } : {}),
  };
}

/** Every figure of every line, and the sale's totals, as core computes them from the lines. */
function figureProblems(sale: SalePayload, totals: CartTotals, rates: readonly VatRate[]): SaleProblem[] {
  const problems: SaleProblem[] = [];
  for (const [i, computed] of totals.lines.entries()) {
    const line = sale.lines[i]!;
    for (const field of ['gross', 'lineDiscount', 'cartDiscountShare', 'net'] as const) {
      if (line[field] !== computed[field])
        problems.push(problem('line-figures', `line ${i + 1}: ${field} ${line[field]} where the line gives ${computed[field]}`));
    }
    const rateBp = rates.find((r) => r.id === line.vatRateId)?.rateBp;
    if (line.rateBp !== rateBp)
      problems.push(problem('vat-rate', `line ${i + 1}: rate ${line.rateBp} where ${line.vatRateId} is ${rateBp} at ${sale.completedAt}`));
  }
  if (totals.subtotal !== sale.subtotal)
    problems.push(problem('totals', `subtotal ${sale.subtotal} where the lines give ${totals.subtotal}`));
  if (totals.discountTotal !== sale.discountTotal)
    problems.push(problem('totals', `discount total ${sale.discountTotal} where the lines give ${totals.discountTotal}`));
  if (totals.total !== sale.total) problems.push(problem('totals', `total ${sale.total} where the lines give ${totals.total}`));
  // Compared canonically: a sale read back from storage (the hub's jsonb) keeps its values, not its key order.
  if (canonicalText(totals.vat) !== canonicalText(sale.vat)) problems.push(problem('totals', 'the VAT breakdown differs from the lines'));
  return problems;
}

/**
 * The till host re-checks a sale before sealing it forever, and the hub re-checks what it
 * receives, with this one function: the shape, this store and till, every line figure and total
 * as core computes them with the VAT rates in force when the sale completed, and tenders that
 * pay the total exactly as the till's payment rules allow. Empty when the sale is sound.
 * (The host also checks what only it knows: card attempts in its payment journal, approvals.)
 */
export function validateSale(sale: SalePayload, rules: SaleRules): SaleProblem[] {
  const shapeProblems = check(SALE_SHAPE, sale, 'sale');
  if (shapeProblems.length > 0) return shapeProblems.slice(0, MAX_SHAPE_PROBLEMS).map((p) => problem('shape', p));
  return saleRuleProblems(sale, rules);
}

/**
 * validateSale for a sale already known to have SALE_SHAPE (the hub checked its sealed record's
 * shape before): everything but the shape.
 */
export function saleRuleProblems(sale: SalePayload, rules: SaleRules): SaleProblem[] {
  const problems: SaleProblem[] = [];
  if (sale.storeId !== rules.storeId) problems.push(problem('store', `store ${sale.storeId} is not this till's store`));
  if (sale.tillId !== rules.tillId) problems.push(problem('store', `till ${sale.tillId} is not this till`));
  if (sale.currency !== rules.currency) problems.push(problem('store', `currency ${sale.currency} is not the store's`));
  // Only readable times: a till's clock may be set back while a cart is open, and a sale is never refused for that.
  if (Number.isNaN(Date.parse(sale.startedAt)) || Number.isNaN(Date.parse(sale.completedAt))) {
    problems.push(problem('time', 'the sale’s start and completion must be ISO times'));
  }
  const rates = vatRatesAt(rules.vatRates, sale.completedAt);
  for (const [i, line] of sale.lines.entries()) {
    if (!rates.some((r) => r.id === line.vatRateId))
      problems.push(problem('vat-rate', `line ${i + 1}: VAT rate ${line.vatRateId} is not in force at ${sale.completedAt}`));
  }
  if (problems.length > 0) return problems;
  let totals: CartTotals;
  try {
    totals = cartTotals(cartOf(sale), rates);
  } catch (error) {
    return [problem('line-figures', `the lines cannot be totalled: ${(error as Error).message}`)];
  }
  problems.push(...figureProblems(sale, totals, rates));
  problems.push(...validateTenders(sale.total, sale.tenders, rules.cashRounding));
  const rounding = sale.tenders.reduce((acc, t) => acc + (t.method === 'cash' ? t.rounding : 0), 0);
  const change = sale.tenders.reduce((acc, t) => acc + (t.method === 'cash' ? t.change : 0), 0);
  if (rounding !== sale.cashRounding)
    problems.push(problem('payment', `cash rounding ${sale.cashRounding} where the tenders give ${rounding}`));
  if (change !== sale.change) problems.push(problem('payment', `change ${sale.change} where the tenders give ${change}`));
  return problems;
}

/** A void the renderer asks to seal: well-formed, by the signed-in staff member, in the store's currency. */
export function validateVoid(event: EventPayload, staffId: string, currency: string): SaleProblem[] {
  const shapeProblems = check(VOID_SHAPE, event, 'event');
  if (shapeProblems.length > 0) return shapeProblems.slice(0, MAX_SHAPE_PROBLEMS).map((p) => problem('shape', p));
  if (event.type !== 'sale.void') return [problem('shape', 'not a void')];
  const problems: SaleProblem[] = [];
  if (event.staffId !== staffId) problems.push(problem('staff', 'the void is not by the signed-in staff member'));
  if (event.currency !== currency) problems.push(problem('store', `currency ${event.currency} is not the store's`));
  if (event.lines.length !== event.lineCount) problems.push(problem('shape', 'lineCount differs from the lines'));
  return problems;
}
