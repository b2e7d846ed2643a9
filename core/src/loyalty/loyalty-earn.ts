import { addMonths } from '../ledger/add-months';
import { ratioFloor } from '../ledger/ratio-floor';
import type { SalePayloadV1 } from '../sale/sale';
import { loyaltyEntryId, type LoyaltyEarnEntry } from './loyalty-entries';
import type { LoyaltyProgram, LoyaltyTier } from './loyalty-program';

/** Tender methods that never earn: value the customer already had (a gift card, store credit, points). */
export const NON_EARNING_TENDERS: ReadonlySet<string> = new Set(['gift_card', 'store_credit', 'loyalty_points']);

/** What loyaltyEarn reads of a sale: a sealed version 1 sale has all of it (earnInputOfSale). */
export type LoyaltyEarnInput = {
  readonly saleId: string;
  readonly customerId?: string;
  readonly completedAt: string;
  readonly kind: 'sale' | 'return';
  readonly training?: boolean;
  readonly currency: string;
  /** What the customer owed, VAT included, after every discount (a loyalty reward's too). */
  readonly total: number;
  /** The VAT within `total`. */
  readonly vat: number;
  /** The part of the total each tender settled. */
  readonly tenders: readonly { readonly method: string; readonly amount: number }[];
};

export function earnInputOfSale(sale: SalePayloadV1): LoyaltyEarnInput {
  return {
    saleId: sale.saleId,
    ...(sale.customerId ? { customerId: sale.customerId } : {}),
    completedAt: sale.completedAt,
    kind: sale.kind,
    ...(sale.training ? { training: true } : {}),
    currency: sale.currency,
    total: sale.total,
    vat: sale.vat.reduce((acc, row) => acc + row.vat, 0),
    tenders: sale.tenders.map((t) => ({ method: t.method, amount: t.amount })),
  };
}

/**
 * The amount a sale earns on: what the customer paid with money of their own (the total less what
 * gift cards, store credit and points settled), without its VAT share if the program earns before tax.
 */
export function loyaltyEarnBasis(program: Pick<LoyaltyProgram, 'earn'>, sale: LoyaltyEarnInput): number {
  if (sale.total <= 0) return 0;
  const excluded = sale.tenders.reduce((acc, t) => acc + (NON_EARNING_TENDERS.has(t.method) ? t.amount : 0), 0);
  const paid = Math.max(0, sale.total - excluded);
  return program.earn.tax === 'inclusive' ? paid : ratioFloor([paid, sale.total - sale.vat], [sale.total]);
}

/**
 * The earn entry of a sale, to seal inside it: undefined when nothing is earned (no member, a
 * return, a training sale, another currency, nothing paid, below the minimum) so no zero-point
 * entry is ever written. Its id comes from the sale's, so the hub applies it once however often the
 * sale is pushed. `tier` is the member's tier as the till knows it (its earn multiplier applies).
 */
export function loyaltyEarn(program: LoyaltyProgram, sale: LoyaltyEarnInput, tier?: LoyaltyTier): LoyaltyEarnEntry | undefined {
  if (!sale.customerId || sale.kind !== 'sale' || sale.training || sale.currency !== program.currency) return undefined;
  const basis = loyaltyEarnBasis(program, sale);
  const rule = program.earn;
  const multiplier = tier?.benefits.earnMultiplierBp ?? 10_000;
  let points: number;
  if (rule.kind === 'visit') points = basis >= rule.minimum ? ratioFloor([rule.points, multiplier], [10_000]) : 0;
  else points = basis >= (rule.minimum ?? 1) ? ratioFloor([basis, rule.points, multiplier], [rule.per, 10_000]) : 0;
  if (points <= 0) return undefined;
  // Ledger instants are written one way (milliseconds, Z) so that they sort as time does.
  const at = new Date(sale.completedAt).toISOString();
  return {
    kind: 'earn',
    id: loyaltyEntryId.earn(sale.saleId),
    at,
    customerId: sale.customerId,
    programId: program.id,
    programVersion: program.version,
    saleId: sale.saleId,
    points,
    rule: rule.kind,
    basis,
    saleTotal: sale.total,
    ...(rule.kind === 'visit' ? { visitMinimum: rule.minimum } : {}),
    ...(program.expiryMonths !== undefined ? { expiresAt: addMonths(at, program.expiryMonths) } : {}),
  };
}
