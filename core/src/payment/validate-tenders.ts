import { roundCash, type CashRounding } from '../money/cash-rounding';
import { problem, type SaleProblem } from '../sale/sale-problems';
import { isStoredValueTender, type Tender } from './tender';

/**
 * Replays the tenders in order, as cashTender and assertCardAmount built them at the till, and
 * says where they could not have been built so: an approved card never pays more than what was
 * left, a gift card or store credit neither (each through its own reservation), cash settles either part of what was left (no change, no rounding) or all of it (the
 * rounded amount due, change = tendered − amount, rounding = what was left − the rounded amount),
 * nothing counts after the sale was paid, and the tenders pay the total exactly.
 */
export function validateTenders(total: number, tenders: readonly Tender[], rounding: CashRounding): SaleProblem[] {
  const problems: SaleProblem[] = [];
  let remaining = total;
  const reservations = new Set<string>();
  for (const [i, t] of tenders.entries()) {
    const at = `tender ${i + 1}`;
    if (isStoredValueTender(t)) {
      // Like a card: never more than what was left, never change; one reservation pays one tender.
      if (reservations.has(t.reservationId)) problems.push(problem('tender', `${at}: reservation ${t.reservationId} pays twice`));
      reservations.add(t.reservationId);
      if (t.amount < 1) problems.push(problem('tender', `${at}: a ${t.method} tender of nothing`));
      else if (remaining <= 0) problems.push(problem('tender', `${at}: a ${t.method} tender after the sale was paid`));
      else if (t.amount > remaining)
        problems.push(problem('card-overpay', `${at}: the ${t.method} pays ${t.amount} where ${remaining} was left`));
      remaining -= t.amount;
      continue;
    }
    if (t.method === 'card') {
      if (t.status === 'unknown') problems.push(problem('card-unknown', `${at}: the card's outcome is unknown`));
      if (t.status !== 'approved') continue;
      if (remaining <= 0) problems.push(problem('tender', `${at}: a card after the sale was paid`));
      else if (t.amount > remaining) problems.push(problem('card-overpay', `${at}: the card pays ${t.amount} where ${remaining} was left`));
      remaining -= t.amount;
      continue;
    }
    if (remaining <= 0) {
      problems.push(problem('tender', `${at}: cash after the sale was paid`));
      continue;
    }
    const due = roundCash(remaining, rounding);
    const settles = t.tendered >= due;
    // Only where the store's rounding brings what is left down to nothing may cash settle 0.
    if (t.tendered < 1 || (t.amount < 1 && !(settles && due === 0))) problems.push(problem('tender', `${at}: cash with nothing tendered`));
    if (t.change !== t.tendered - t.amount || t.change < 0)
      problems.push(problem('tender', `${at}: change ${t.change} is not tendered ${t.tendered} − amount ${t.amount}`));
    if (settles) {
      if (t.amount !== due)
        problems.push(problem('tender', `${at}: cash settling the sale must take the amount due (${due}), not ${t.amount}`));
      if (t.rounding !== remaining - due)
        problems.push(problem('cash-rounding', `${at}: rounding ${t.rounding} where the store's rule gives ${remaining - due}`));
      remaining = 0;
    } else {
      if (t.amount !== t.tendered || t.change !== 0)
        problems.push(problem('tender', `${at}: part payment in cash takes what was handed over, with no change`));
      if (t.rounding !== 0) problems.push(problem('cash-rounding', `${at}: rounding on a cash tender that does not settle the sale`));
      remaining -= t.amount;
    }
  }
  if (remaining !== 0 && problems.length === 0) problems.push(problem('payment', `the tenders leave ${remaining} to pay`));
  return problems;
}
