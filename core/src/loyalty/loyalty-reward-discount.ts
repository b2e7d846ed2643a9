import { allocateByWeight } from '../money/allocate';
import { percentOf } from '../money/money';
import type { SaleDiscount, SalePayloadV1 } from '../sale/sale';
import { problem, type SaleProblem } from '../sale/sale-problems';
import type { LoyaltyProgram, LoyaltyReward } from './loyalty-program';

/**
 * A loyalty reward spent on the cart (issue 14): what the till host reserved at the hub for it
 * (`reservationId`, `points`) and the reward's terms as the program version held by the host
 * gave them. Sealed as one ticket-level discount of source `loyalty`; its amount is never stored
 * in the cart, core computes it from the terms and the goods (rewardAmount).
 */
export type CartReward = {
  readonly rewardId: string;
  readonly programId: string;
  readonly programVersion: number;
  readonly reservationId: string;
  readonly points: number;
  /** `percent`: `value` basis points, at most `maxAmount`; `amount`: `value` minor units. */
  readonly kind: 'percent' | 'amount';
  readonly value: number;
  readonly maxAmount?: number;
};

/** The rewards a cart can take as a discount: amount and percent off (a free product or a voucher is not a discount). */
export type DiscountReward = Extract<LoyaltyReward, { kind: 'amount-off' | 'percent-off' }>;

export function isDiscountReward(reward: LoyaltyReward): reward is DiscountReward {
  return reward.kind === 'amount-off' || reward.kind === 'percent-off';
}

/** The cart's reward for `reward` of `program` and the reservation the hub made for its cost. */
export function cartRewardOf(
  program: Pick<LoyaltyProgram, 'id' | 'version'>,
  reward: DiscountReward,
  reservation: { readonly id: string; readonly points: number },
): CartReward {
  const terms =
    reward.kind === 'amount-off'
      ? { kind: 'amount' as const, value: reward.amount }
      : { kind: 'percent' as const, value: reward.bp, ...(reward.maxAmount !== undefined ? { maxAmount: reward.maxAmount } : {}) };
  return {
    rewardId: reward.id,
    programId: program.id,
    programVersion: program.version,
    reservationId: reservation.id,
    points: reservation.points,
    ...terms,
  };
}

/** What the reward takes off goods worth `base` (after every other discount): never more than them. */
export function rewardAmount(reward: Pick<CartReward, 'kind' | 'value' | 'maxAmount'>, base: number): number {
  if (base <= 0) return 0;
  const asked = reward.kind === 'amount' ? reward.value : Math.min(percentOf(base, reward.value), reward.maxAmount ?? base);
  return Math.min(asked, base);
}

/**
 * The reward's share of each line, the last discount applied: its amount on what the lines are
 * worth after their own discounts, the promotions and the cart discount, split in proportion to
 * them (largest remainder, ties by line id), so a return refunds each line what was paid for it.
 */
export function rewardShares(
  reward: Pick<CartReward, 'kind' | 'value' | 'maxAmount'> | undefined,
  lines: readonly { readonly lineId: string; readonly worth: number }[],
): { readonly amount: number; readonly shares: ReadonlyMap<string, number> } {
  if (!reward) return { amount: 0, shares: new Map() };
  const amount = rewardAmount(
    reward,
    lines.reduce((acc, l) => acc + l.worth, 0),
  );
  return {
    amount,
    shares: allocateByWeight(
      amount,
      lines.map((l) => ({ key: l.lineId, weight: l.worth })),
    ),
  };
}

/** The loyalty discount a sale records for its reward (ticket-level: no line id). */
export function loyaltyDiscountOf(reward: CartReward, amount: number): SaleDiscount {
  return {
    source: 'loyalty',
    sourceId: reward.programId,
    sourceVersion: reward.programVersion,
    kind: reward.kind,
    value: reward.value,
    ...(reward.maxAmount !== undefined ? { maxAmount: reward.maxAmount } : {}),
    amount,
    rewardId: reward.rewardId,
    reservationId: reward.reservationId,
    points: reward.points,
  };
}

type LoyaltyDiscount = Extract<SaleDiscount, { source: 'loyalty' }>;

function loyaltyDiscounts(sale: Pick<SalePayloadV1, 'discounts'>): LoyaltyDiscount[] {
  return sale.discounts.filter((d): d is LoyaltyDiscount => d.source === 'loyalty');
}

/** A sale's reward back in the cart's form (the first loyalty discount: loyaltyDiscountProblems refuses more). */
export function saleReward(sale: Pick<SalePayloadV1, 'discounts'>): CartReward | undefined {
  const d = loyaltyDiscounts(sale)[0];
  if (!d) return undefined;
  return {
    rewardId: d.rewardId,
    programId: d.sourceId,
    programVersion: d.sourceVersion,
    reservationId: d.reservationId,
    points: d.points,
    kind: d.kind,
    value: d.value,
    ...(d.maxAmount !== undefined ? { maxAmount: d.maxAmount } : {}),
  };
}

/**
 * What a sale's loyalty discount says about the sale around it (its amount is checked with the
 * figures: the discounts must be those core computes): one reward a sale, on the whole ticket, of
 * a sale (never a return or a training sale) for a member, a percentage at most 100 %.
 */
export function loyaltyDiscountProblems(sale: SalePayloadV1): SaleProblem[] {
  const found = loyaltyDiscounts(sale);
  if (found.length === 0) return [];
  const problems: SaleProblem[] = [];
  const wrong = (what: string) => problems.push(problem('loyalty', `reward: ${what}`));
  if (found.length > 1) wrong('a sale spends one reward');
  if (sale.kind !== 'sale' || sale.training) wrong('only a sale spends points (never a return or a training sale)');
  if (sale.customerId === undefined) wrong('a sale without a member spends no points');
  for (const d of found) {
    if (d.lineId !== undefined) wrong('a reward is a discount of the whole ticket');
    if (d.kind === 'percent' && d.value > 10_000) wrong('a percentage above 100 %');
  }
  return problems;
}
