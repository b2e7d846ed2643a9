import type { Cart, CartLine } from '../cart/cart';
import { cartTotals, type CartTotals } from '../cart/totals';
import { canonicalText } from '../fiscal/chain';
import type { EventPayload } from '../fiscal/events';
import type { CashRounding } from '../money/cash-rounding';
import { validateTenders } from '../payment/validate-tenders';
import { vatRatesAt, type VatRate } from '../tax/vat-rate';
import { SALE_SHAPE, VOID_SHAPE } from '../validation/sealed-shapes';
import { check } from '../validation/shape';
import { promotable } from '../promotions/cart-promotions';
import {
  isSaleV1,
  manualDiscounts,
  promotionDiscounts,
  saleBusinessDate,
  saleKind,
  salePromotions,
  type SalePayload,
  type SalePayloadV1,
} from './sale';
import { problem, type SaleProblem } from './sale-problems';
import { paidShare } from './sale-return';
import { saleLoyaltyProblems } from '../loyalty/sale-loyalty';
import { loyaltyDiscountOf, loyaltyDiscountProblems, saleReward } from '../loyalty/loyalty-reward-discount';
import { amountDue, voucherProblems } from './voucher-line';

/** What a sale is checked against: the store's rules at the till host or at the hub. */
export type SaleRules = {
  readonly storeId: string;
  readonly tillId: string;
  readonly currency: string;
  readonly vatRates: readonly VatRate[];
  readonly cashRounding: CashRounding;
  /** The store's zone and the hour its business day starts (0 when unset): a version 1 sale's businessDate must be theirs. */
  readonly timeZone?: string;
  readonly dayStartHour?: number;
};

/** The sale a return gives back, when the checker holds it, and how much of each of its lines earlier returns took. */
export type ReturnOriginal = {
  readonly sale: SalePayload;
  /** Quantity already returned per original line id (by returns sealed before). */
  readonly returned: ReadonlyMap<string, number>;
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
    ...(isSaleV1(sale) ? { promotions: salePromotions(sale) } : {}),
    ...(isSaleV1(sale) && saleReward(sale) ? { reward: saleReward(sale)! } : {}),
  };
}

/**
 * The promotions' discounts of a version 1 sale as figures (whether the rules give them is
 * checkPromotionDiscounts' job, where the rules are held): each on a line of the sale that a
 * promotion may touch (no manual discount or price change there), a promotion once a line, never
 * more than the line is worth after its own discount.
 */
function promotionFigureProblems(sale: SalePayloadV1): SaleProblem[] {
  const problems: SaleProblem[] = [];
  const lines = new Map(sale.lines.map((l, i) => [l.lineId, { line: l, at: `line ${i + 1}` }]));
  const seen = new Set<string>();
  const taken = new Map<string, number>();
  for (const p of salePromotions(sale)) {
    const found = lines.get(p.lineId);
    const key = `${p.lineId}\u0000${p.sourceId}`;
    if (!found) problems.push(problem('promotion', `${p.sourceId} v${p.sourceVersion}: the sale has no line ${p.lineId}`));
    else if (!promotable(found.line))
      problems.push(problem('promotion', `${found.at}: ${p.sourceId} on a line with a manual discount or price`));
    else if (seen.has(key)) problems.push(problem('promotion', `${found.at}: ${p.sourceId} twice on the line`));
    seen.add(key);
    taken.set(p.lineId, (taken.get(p.lineId) ?? 0) + p.amount);
  }
  for (const [lineId, amount] of taken) {
    const found = lines.get(lineId);
    if (found && amount > found.line.gross - found.line.lineDiscount)
      problems.push(problem('promotion', `${found.at}: promotions take ${amount} off a line worth ${found.line.gross}`));
  }
  return problems;
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
export function validateSale(sale: SalePayload, rules: SaleRules, original?: ReturnOriginal): SaleProblem[] {
  const shapeProblems = check(SALE_SHAPE, sale, 'sale');
  if (shapeProblems.length > 0) return shapeProblems.slice(0, MAX_SHAPE_PROBLEMS).map((p) => problem('shape', p));
  const problems = saleRuleProblems(sale, rules);
  if (original && isSaleV1(sale) && sale.returnOf) problems.push(...returnProblems(sale, original));
  return problems;
}

/**
 * What only version 1 says: the business date is the store's day of completedAt, a return names
 * its original and gives back exactly the lines it lists, a sale names none. (Its discounts are
 * compared with those the lines and the ticket carry after the figures.)
 */
function versionOneProblems(sale: SalePayloadV1, rules: SaleRules): SaleProblem[] {
  const problems: SaleProblem[] = [];
  if (rules.timeZone !== undefined && !Number.isNaN(Date.parse(sale.completedAt))) {
    const expected = (() => {
      try {
        return saleBusinessDate(sale.completedAt, { timeZone: rules.timeZone!, dayStartHour: rules.dayStartHour ?? 0 });
      } catch (error) {
        return `none (${(error as Error).message.slice(0, 100)})`;
      }
    })();
    if (sale.businessDate !== expected)
      problems.push(problem('time', `business date ${sale.businessDate} where ${sale.completedAt} is the store's ${expected}`));
  }
  const lineIds = new Set(sale.lines.map((l) => l.lineId));
  if (lineIds.size !== sale.lines.length) problems.push(problem('shape', 'two lines have the same line id'));
  problems.push(...voucherProblems(sale));
  problems.push(...saleLoyaltyProblems(sale), ...loyaltyDiscountProblems(sale));
  if (sale.kind === 'sale' && (sale.returnOf || sale.returnApproval)) problems.push(problem('return', 'a sale names a sale it returns'));
  if (sale.kind === 'return') {
    // Store credit is a member's: a return refunding to it names the customer (by id only).
    if (sale.tenders.some((t) => t.method === 'store_credit') && sale.customerId === undefined)
      problems.push(problem('return', 'a return refunded to store credit names no customer'));
    const of = sale.returnOf;
    if (!of) {
      // Without the receipt: only with a manager's approval (the host checks it), and only in cash.
      if (!sale.returnApproval) return [...problems, problem('return', 'a return names no original sale and no approval')];
      if (sale.tenders.some((t) => t.method !== 'cash'))
        problems.push(problem('return', 'a return without its receipt is refunded in cash'));
      return problems;
    }
    if (sale.returnApproval) problems.push(problem('return', 'a return with its receipt needs no approval'));
    if (of.saleId === sale.saleId) problems.push(problem('return', 'a return cannot return itself'));
    const listed = new Map(of.lines.map((l) => [l.lineId, l.quantity]));
    if (listed.size !== of.lines.length) problems.push(problem('return', 'the original lines are listed twice'));
    if (of.lines.length !== sale.lines.length) problems.push(problem('return', 'the lines differ from the original lines listed'));
    for (const [i, line] of sale.lines.entries()) {
      if (listed.get(line.lineId) !== line.quantity)
        problems.push(
          problem(
            'return',
            `line ${i + 1}: ${line.quantity} of ${line.lineId} where the original lines listed say ${listed.get(line.lineId) ?? 'none'}`,
          ),
        );
    }
  }
  return problems;
}

/**
 * A return against its original, when the checker holds it (the till host from its journal):
 * the original is a sale of this store in this currency, every line returned is one of its lines
 * with the same product, price and VAT rate, no line comes back more than it was sold, with
 * earlier returns counted, and each refunds exactly its paidShare of what the customer paid for it.
 */
export function returnProblems(sale: SalePayloadV1, original: ReturnOriginal): SaleProblem[] {
  const of = sale.returnOf;
  if (!of) return [];
  const source = original.sale;
  const problems: SaleProblem[] = [];
  if (source.saleId !== of.saleId) return [problem('return', `the original given is ${source.saleId}, not ${of.saleId}`)];
  if (saleKind(source) !== 'sale') problems.push(problem('return', `${of.saleId} is itself a return`));
  if (isSaleV1(source) && source.training && !sale.training) problems.push(problem('return', `${of.saleId} is a training sale`));
  if (source.storeId !== sale.storeId) problems.push(problem('return', `${of.saleId} is a sale of another store`));
  if (source.currency !== sale.currency) problems.push(problem('return', `${of.saleId} was paid in ${source.currency}`));
  const sold = new Map(source.lines.map((l) => [l.lineId, l]));
  for (const [i, line] of sale.lines.entries()) {
    const at = `line ${i + 1}`;
    const soldLine = sold.get(line.lineId);
    if (!soldLine) {
      problems.push(problem('return', `${at}: ${of.saleId} has no line ${line.lineId}`));
      continue;
    }
    for (const field of ['productId', 'measure', 'unitPrice', 'vatRateId'] as const) {
      if (line[field] !== soldLine[field])
        problems.push(problem('return', `${at}: ${field} ${line[field]} where ${of.saleId} sold it at ${soldLine[field]}`));
    }
    const before = original.returned.get(line.lineId) ?? 0;
    if (line.quantity + before > soldLine.quantity) {
      problems.push(problem('return', `${at}: ${line.quantity} back where ${soldLine.quantity} were sold and ${before} already returned`));
      continue;
    }
    // What the customer paid for these units, its discounts pro rata: never more, never another figure.
    const paid = paidShare(soldLine, before, line.quantity);
    if (line.net !== paid) problems.push(problem('return', `${at}: refunds ${line.net} where ${of.saleId} was paid ${paid} for it`));
  }
  return problems;
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
  if (isSaleV1(sale)) problems.push(...versionOneProblems(sale, rules), ...promotionFigureProblems(sale));
  if (problems.length > 0) return problems;
  let totals: CartTotals;
  try {
    totals = cartTotals(cartOf(sale), rates);
  } catch (error) {
    return [problem('line-figures', `the lines cannot be totalled: ${(error as Error).message}`)];
  }
  problems.push(...figureProblems(sale, totals, rates));
  // After the figures: a forged line figure is named as such, not only as discounts that differ. The
  // manual discounts first, then the promotions' (on lines, in line order), then the loyalty reward's
  // with the amount core computes for it: nothing else, nothing twice.
  if (isSaleV1(sale)) {
    const reward = saleReward(sale);
    const expected = [
      ...manualDiscounts(sale),
      ...promotionDiscounts(salePromotions(sale)),
      ...(reward ? [loyaltyDiscountOf(reward, totals.rewardTotal)] : []),
    ];
    if (canonicalText(sale.discounts) !== canonicalText(expected))
      problems.push(problem('totals', 'the discounts differ from those the lines, the ticket and the promotions carry'));
  }
  // Gift cards sold add to what the tenders settle, store credit given takes from a return's refund.
  problems.push(...validateTenders(isSaleV1(sale) ? amountDue(sale) : sale.total, sale.tenders, rules.cashRounding));
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
