import { canonicalText } from '../fiscal/chain';
import type { SalePayloadV1 } from '../sale/sale';
import { problem, type SaleProblem } from '../sale/sale-problems';
import { earnInputOfSale, loyaltyEarn } from './loyalty-earn';
import { loyaltyEntryId, type LoyaltyEarnEntry } from './loyalty-entries';
import type { LoyaltyProgram } from './loyalty-program';

/**
 * What a sealed sale carries of loyalty (version 1, optional): the earn entry core's loyaltyEarn
 * gave for it, with the member's customer id only (never a name, e-mail or phone). Its id is
 * `earn:<saleId>`, so the hub applies it once however often, and however late, the sale arrives.
 * A sale without the block earns nothing by itself (older sales, no member, no program).
 */
export type SaleLoyalty = { readonly earn: LoyaltyEarnEntry };

/**
 * The sale with the block its member earns under `program` (as the till holds it), or the sale as
 * it is when nothing is earned. Tiers are not known at the till: no tier multiplier applies.
 */
export function withLoyaltyEarn(sale: SalePayloadV1, program: LoyaltyProgram | null | undefined): SalePayloadV1 {
  const { loyalty: _dropped, ...bare } = sale;
  if (!program) return bare;
  const earn = loyaltyEarn(program, earnInputOfSale(bare));
  return earn ? { ...bare, loyalty: { earn } } : bare;
}

/**
 * What the block says about the sale around it, without the program: its entry is this sale's
 * (id, sale, member, total, instant) and only a sale with a member earns. Shape and bounds are
 * the sealed shape's (sealed-shapes.ts).
 */
export function saleLoyaltyProblems(sale: SalePayloadV1): SaleProblem[] {
  const earn = sale.loyalty?.earn;
  if (!earn) return [];
  const problems: SaleProblem[] = [];
  const wrong = (what: string) => problems.push(problem('loyalty', `loyalty.earn: ${what}`));
  if (earn.id !== loyaltyEntryId.earn(sale.saleId)) wrong(`its id must be ${loyaltyEntryId.earn(sale.saleId)}`);
  if (earn.saleId !== sale.saleId) wrong('it names another sale');
  if (sale.customerId === undefined || earn.customerId !== sale.customerId) wrong('it names another member than the sale');
  if (sale.kind !== 'sale' || sale.training) wrong('only a sale earns (never a return or a training sale)');
  if (earn.saleTotal !== sale.total) wrong('its sale total is not the sale’s');
  if (earn.at !== new Date(sale.completedAt).toISOString()) wrong('its instant is not the sale’s completion');
  return problems;
}

/**
 * The block against the program version it names (as the host's book or the hub's version history
 * holds it): exactly what loyaltyEarn gives for this sale, or a problem. `program` null: that
 * version is unknown here.
 */
export function saleLoyaltyEarnProblems(sale: SalePayloadV1, program: LoyaltyProgram | null): SaleProblem[] {
  const earn = sale.loyalty?.earn;
  if (!earn) return [];
  if (!program || program.id !== earn.programId || program.version !== earn.programVersion) {
    return [problem('loyalty', `unknown-program: ${earn.programId} v${earn.programVersion} is not a program version held here`)];
  }
  const expected = loyaltyEarn(program, earnInputOfSale(sale));
  if (!expected) return [problem('loyalty', `wrong-points: ${earn.programId} v${earn.programVersion} gives this sale no points`)];
  if (canonicalText(expected) !== canonicalText(earn)) {
    return [
      problem('loyalty', `wrong-points: ${earn.points} points claimed, the program gives ${expected.points} (basis ${expected.basis})`),
    ];
  }
  return [];
}
