import type { LoyaltyProgram, LoyaltyReward, LoyaltyTier, LoyaltyTierBenefits } from '@pos/core';
import type { LoyaltyProgramBody } from '@pos/core/sync/head-office-api';
import { centsOf, euroText } from '../catalog/price';

/** A tier as typed: its threshold in points, its earn multiplier in percent ("150" earns ×1.5; empty: ×1). */
export type TierDraft = {
  readonly id: string;
  readonly name: string;
  readonly threshold: string;
  readonly multiplier: string;
  /** The other benefits as stored (member discount, perks): kept as they were. */
  readonly kept?: Omit<LoyaltyTierBenefits, 'earnMultiplierBp'>;
};

/** A reward as typed: an amount off in euros or a percent off; other kinds come back as they were stored. */
export type RewardDraft =
  | {
      readonly kind: 'amount-off' | 'percent-off';
      readonly id: string;
      readonly name: string;
      readonly cost: string;
      readonly value: string;
    }
  | { readonly kind: 'stored'; readonly reward: LoyaltyReward };

/** A program as typed in the form: amounts in euros, whole numbers as text. */
export type ProgramDraft = {
  readonly id: string;
  readonly name: string;
  readonly earnKind: 'spend' | 'visit';
  readonly points: string;
  /** Spend: euros per `points`; visit: unused. */
  readonly per: string;
  readonly tax: 'inclusive' | 'exclusive';
  /** Euros a sale must reach to earn (empty: any amount for spend). */
  readonly minimum: string;
  /** Months before points expire (empty: never). */
  readonly expiryMonths: string;
  readonly tierBasis: LoyaltyProgram['tierBasis'];
  readonly tiers: readonly TierDraft[];
  readonly rewards: readonly RewardDraft[];
  /** The stored version the draft started from (0: a new program). */
  readonly version: number;
  readonly currency: string;
};

export type ProgramDraftProblem = 'id' | 'name' | 'points' | 'per' | 'minimum' | 'expiry' | 'tier' | 'reward';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const WHOLE = /^\d{1,9}$/;

export const EMPTY_PROGRAM: ProgramDraft = {
  id: '',
  name: '',
  earnKind: 'spend',
  points: '1',
  per: '1',
  tax: 'inclusive',
  minimum: '',
  expiryMonths: '24',
  tierBasis: 'rolling-12-months',
  tiers: [],
  rewards: [],
  version: 0,
  currency: 'EUR',
};

export const EMPTY_TIER: TierDraft = { id: '', name: '', threshold: '', multiplier: '' };
export const EMPTY_REWARD: RewardDraft = { kind: 'amount-off', id: '', name: '', cost: '', value: '' };

const percentText = (bp: number, locale: string) => {
  const text = String(bp / 100);
  return locale.startsWith('fr') ? text.replace('.', ',') : text;
};

function rewardDraft(reward: LoyaltyReward, locale: string): RewardDraft {
  const common = { id: reward.id, name: reward.name, cost: String(reward.cost) };
  if (reward.kind === 'amount-off') return { ...common, kind: 'amount-off', value: euroText(reward.amount, locale) };
  if (reward.kind === 'percent-off' && reward.maxAmount === undefined)
    return { ...common, kind: 'percent-off', value: percentText(reward.bp, locale) };
  return { kind: 'stored', reward };
}

/** The form's view of a stored program. */
export function draftOfProgram(program: LoyaltyProgram, locale: string): ProgramDraft {
  const earn = program.earn;
  return {
    id: program.id,
    name: program.name,
    earnKind: earn.kind,
    points: String(earn.points),
    per: earn.kind === 'spend' ? euroText(earn.per, locale) : '',
    tax: earn.tax,
    minimum: earn.minimum === undefined ? '' : euroText(earn.minimum, locale),
    expiryMonths: program.expiryMonths === undefined ? '' : String(program.expiryMonths),
    tierBasis: program.tierBasis,
    tiers: program.tiers.map((t) => {
      const { earnMultiplierBp, ...kept } = t.benefits;
      const multiplier = earnMultiplierBp === undefined ? '' : String(earnMultiplierBp / 100);
      return { id: t.id, name: t.name, threshold: String(t.threshold), multiplier, kept };
    }),
    rewards: program.rewards.map((r) => rewardDraft(r, locale)),
    version: program.version,
    currency: program.currency,
  };
}

/** A percent as typed ("12,5") in basis points, or null. */
function basisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

const whole = (text: string): number | null => (WHOLE.test(text.trim()) ? Number(text.trim()) : null);

function tierOf(t: TierDraft): LoyaltyTier | null {
  const threshold = whole(t.threshold);
  const multiplier = t.multiplier.trim() === '' ? undefined : whole(t.multiplier);
  if (!ID.test(t.id.trim()) || !t.name.trim() || threshold === null || multiplier === null) return null;
  if (multiplier !== undefined && (multiplier < 1 || multiplier > 1000)) return null;
  return {
    id: t.id.trim(),
    name: t.name.trim(),
    threshold,
    benefits: { ...t.kept, ...(multiplier === undefined ? {} : { earnMultiplierBp: multiplier * 100 }) },
  };
}

function rewardOf(r: RewardDraft): LoyaltyReward | null {
  if (r.kind === 'stored') return r.reward;
  const cost = whole(r.cost);
  if (!ID.test(r.id.trim()) || !r.name.trim() || cost === null || cost < 1) return null;
  const common = { id: r.id.trim(), name: r.name.trim(), cost };
  if (r.kind === 'amount-off') {
    const amount = centsOf(r.value);
    return amount !== null && amount > 0 ? { ...common, kind: 'amount-off', amount } : null;
  }
  const bp = basisPoints(r.value);
  return bp === null ? null : { ...common, kind: 'percent-off', bp };
}

/**
 * What the hub is sent, or the first field the person must correct (said in their language). The
 * hub checks the rest with core's validator (rising thresholds, duplicate ids) and names each problem.
 */
export function bodyOfProgram(draft: ProgramDraft): { body: LoyaltyProgramBody } | { problem: ProgramDraftProblem } {
  if (!ID.test(draft.id.trim())) return { problem: 'id' };
  if (!draft.name.trim()) return { problem: 'name' };
  const points = whole(draft.points);
  if (points === null || points < 1) return { problem: 'points' };
  const minimum = draft.minimum.trim() === '' ? undefined : centsOf(draft.minimum);
  if (minimum === null) return { problem: 'minimum' };
  let earn: LoyaltyProgram['earn'];
  if (draft.earnKind === 'spend') {
    const per = centsOf(draft.per);
    if (per === null || per < 1) return { problem: 'per' };
    earn = { kind: 'spend', points, per, tax: draft.tax, ...(minimum !== undefined ? { minimum } : {}) };
  } else {
    if (minimum === undefined || minimum < 1) return { problem: 'minimum' };
    earn = { kind: 'visit', points, minimum, tax: draft.tax };
  }
  const expiry = draft.expiryMonths.trim() === '' ? undefined : whole(draft.expiryMonths);
  if (expiry === null || (expiry !== undefined && (expiry < 1 || expiry > 120))) return { problem: 'expiry' };
  const tiers = draft.tiers.map(tierOf);
  if (tiers.some((t) => t === null)) return { problem: 'tier' };
  const rewards = draft.rewards.map(rewardOf);
  if (rewards.some((r) => r === null)) return { problem: 'reward' };
  return {
    body: {
      name: draft.name.trim(),
      currency: draft.currency,
      earn,
      rounding: 'floor',
      ...(expiry !== undefined ? { expiryMonths: expiry } : {}),
      tierBasis: draft.tierBasis,
      tiers: tiers as LoyaltyTier[],
      rewards: rewards as LoyaltyReward[],
      expectedVersion: draft.version,
    },
  };
}
