import { addMonths } from '../ledger/add-months';
import type { LoyaltyEntry } from './loyalty-entries';
import type { LoyaltyProgram, LoyaltyTier } from './loyalty-program';

/**
 * Points that count toward a tier at `now`: what sales earned (less what their returns reversed),
 * in the last 12 months or ever as the program says. Adjustments and spending do not count: a tier
 * rewards buying, and spending points must not demote a member. `entries` are each once.
 */
export function qualifyingPoints(entries: readonly LoyaltyEntry[], now: string, basis: LoyaltyProgram['tierBasis']): number {
  const since = basis === 'rolling-12-months' ? addMonths(now, -12) : undefined;
  const earned = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === 'earn' && e.at <= now && (since === undefined || e.at > since))
      earned.set(e.saleId, (earned.get(e.saleId) ?? 0) + e.points);
  }
  for (const e of entries) {
    const left = e.kind === 'reverse' && e.at <= now ? earned.get(e.saleId) : undefined;
    if (e.kind === 'reverse' && left !== undefined) earned.set(e.saleId, Math.max(0, left - e.points));
  }
  return [...earned.values()].reduce((acc, p) => acc + p, 0);
}

/** The highest tier whose threshold the points reach (tiers in rising thresholds), or undefined. */
export function tierFor(tiers: readonly LoyaltyTier[], points: number): LoyaltyTier | undefined {
  let reached: LoyaltyTier | undefined;
  for (const tier of tiers) if (points >= tier.threshold) reached = tier;
  return reached;
}
