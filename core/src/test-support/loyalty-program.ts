import type { LoyaltyProgram } from '../loyalty/loyalty-program';

/** A program for tests: 1 point per euro paid before VAT, points kept 12 months, three tiers, two rewards. */
export function testLoyaltyProgram(overrides: Partial<LoyaltyProgram> = {}): LoyaltyProgram {
  return {
    id: 'club',
    version: 3,
    name: 'Club',
    currency: 'EUR',
    earn: { kind: 'spend', points: 1, per: 100, tax: 'exclusive' },
    rounding: 'floor',
    expiryMonths: 12,
    tierBasis: 'rolling-12-months',
    tiers: [
      { id: 'member', name: 'Member', threshold: 0, benefits: {} },
      { id: 'silver', name: 'Silver', threshold: 500, benefits: { earnMultiplierBp: 12_500 } },
      { id: 'gold', name: 'Gold', threshold: 2000, benefits: { earnMultiplierBp: 15_000, discountBp: 500, perks: ['Free alterations'] } },
    ],
    rewards: [
      { id: 'r5', name: '5 € off', cost: 500, kind: 'amount-off', amount: 500 },
      { id: 'coffee', name: 'Free coffee', cost: 100, kind: 'free-product', productId: 'prd-coffee' },
    ],
    ...overrides,
  };
}
