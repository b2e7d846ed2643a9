import { array, integer, literal, object, pattern, text, variant, check, type Check } from '../validation/shape';
import { LOYALTY_LIMITS as L } from './loyalty-program';

/**
 * Why a loyalty program is refused: stable codes the back office words in French and English
 * (docs/loyalty-and-gift-cards.md), with the path of the field and English words for support.
 */
export const LOYALTY_PROGRAM_PROBLEM_CODES = [
  /** A field missing, of the wrong type, out of bounds or unknown: `message` says which. */
  'shape',
  /** Two tiers with one id. */
  'duplicate_tier',
  /** Tier thresholds must rise strictly in the order given. */
  'tier_order',
  /** Two rewards with one id. */
  'duplicate_reward',
] as const;

export type LoyaltyProgramProblemCode = (typeof LOYALTY_PROGRAM_PROBLEM_CODES)[number];

export type LoyaltyProgramProblem = { readonly code: LoyaltyProgramProblemCode; readonly path: string; readonly message: string };

const id = text(L.maxIdLength, 1);
const name = text(L.maxNameLength, 1);
const points = integer(1, L.maxPoints);
const amount = integer(1, L.maxAmount);
const tax = literal('inclusive', 'exclusive');

const earnRule = variant('kind', {
  spend: object({ kind: literal('spend'), points, per: amount, tax }, { minimum: integer(0, L.maxAmount) }),
  visit: object({ kind: literal('visit'), points, minimum: amount, tax }),
});

const tier = object({
  id,
  name,
  threshold: integer(0, L.maxPoints),
  benefits: object(
    {},
    {
      earnMultiplierBp: integer(1, L.maxMultiplierBp),
      discountBp: integer(1, 10_000),
      perks: array(text(L.maxNameLength, 1), L.maxPerks),
    },
  ),
});

const rewardCommon = { id, name, cost: points };
const reward = variant('kind', {
  'amount-off': object({ ...rewardCommon, kind: literal('amount-off'), amount }),
  'percent-off': object({ ...rewardCommon, kind: literal('percent-off'), bp: integer(1, 10_000) }, { maxAmount: amount }),
  'free-product': object({ ...rewardCommon, kind: literal('free-product'), productId: id }),
  voucher: object({ ...rewardCommon, kind: literal('voucher'), amount, validityDays: integer(1, L.maxVoucherDays) }),
});

/** The bounded shape of a program (its JSON Schema is `LOYALTY_PROGRAM_SHAPE.schema`). */
export const LOYALTY_PROGRAM_SHAPE: Check = object(
  {
    id,
    version: integer(1, 1_000_000),
    name,
    currency: pattern(/^[A-Z]{3}$/, 3, 'a currency code of three capital letters'),
    earn: earnRule,
    rounding: literal('floor'),
    tierBasis: literal('rolling-12-months', 'lifetime'),
    tiers: array(tier, L.maxTiers),
    rewards: array(reward, L.maxRewards),
  },
  { expiryMonths: integer(1, L.maxExpiryMonths) },
);

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((value, i) => (seen.has(value) ? [i] : (seen.add(value), [])));
}

/**
 * Every problem of an untrusted program (what the back office sends): its shape first (bounded
 * before anything else reads it), then the rules between fields. Empty when the program is sound.
 */
export function loyaltyProgramProblems(value: unknown): LoyaltyProgramProblem[] {
  const shaped = check(LOYALTY_PROGRAM_SHAPE, value, 'program');
  if (shaped.length > 0) return shaped.map((message) => ({ code: 'shape', path: message.split(' ')[0] ?? 'program', message }));
  const program = value as { tiers: readonly { id: string; threshold: number }[]; rewards: readonly { id: string }[] };
  const problems: LoyaltyProgramProblem[] = [];
  for (const i of duplicates(program.tiers.map((t) => t.id))) {
    problems.push({ code: 'duplicate_tier', path: `program.tiers[${i}].id`, message: 'Two tiers have this id' });
  }
  program.tiers.forEach((t, i) => {
    const before = program.tiers[i - 1];
    if (before && t.threshold <= before.threshold) {
      problems.push({ code: 'tier_order', path: `program.tiers[${i}].threshold`, message: 'Tier thresholds must rise strictly' });
    }
  });
  for (const i of duplicates(program.rewards.map((r) => r.id))) {
    problems.push({ code: 'duplicate_reward', path: `program.rewards[${i}].id`, message: 'Two rewards have this id' });
  }
  return problems;
}
