import { describe, expect, it } from 'vitest';
import { loyaltyProgramProblems } from './loyalty-program-problems';
import { testLoyaltyProgram } from '../test-support/loyalty-program';

describe('loyaltyProgramProblems', () => {
  it('accepts a sound program', () => {
    expect(loyaltyProgramProblems(testLoyaltyProgram())).toEqual([]);
    expect(
      loyaltyProgramProblems(testLoyaltyProgram({ earn: { kind: 'visit', points: 10, minimum: 500, tax: 'inclusive' }, tiers: [] })),
    ).toEqual([]);
  });

  it('refuses what is not a program, bounded before anything else reads it', () => {
    expect(loyaltyProgramProblems(null)).toEqual([{ code: 'shape', path: 'program', message: 'program must be an object' }]);
    const tooMany = testLoyaltyProgram({
      rewards: Array.from({ length: 101 }, (_, i) => ({ id: `r${i}`, name: 'R', cost: 1, kind: 'amount-off' as const, amount: 1 })),
    });
    expect(loyaltyProgramProblems(tooMany).map((p) => p.path)).toEqual(['program.rewards']);
  });

  it('says which field is wrong: unknown fields, zero rates, a rounding other than floor', () => {
    const program = {
      ...testLoyaltyProgram(),
      earn: { kind: 'spend', points: 0, per: 100, tax: 'exclusive' },
      rounding: 'round',
      extra: 1,
    };
    const problems = loyaltyProgramProblems(program);
    expect(problems.every((p) => p.code === 'shape')).toBe(true);
    expect(problems.map((p) => p.path).sort()).toEqual(['program.earn.points', 'program.extra', 'program.rounding']);
  });

  it('refuses tiers out of order and ids given twice', () => {
    const base = testLoyaltyProgram();
    const program = testLoyaltyProgram({
      tiers: [base.tiers[0]!, { ...base.tiers[2]!, id: 'member' }, base.tiers[1]!],
      rewards: [base.rewards[0]!, base.rewards[0]!],
    });
    expect(loyaltyProgramProblems(program).map((p) => `${p.code} ${p.path}`)).toEqual([
      'duplicate_tier program.tiers[1].id',
      'tier_order program.tiers[2].threshold',
      'duplicate_reward program.rewards[1].id',
    ]);
  });
});
