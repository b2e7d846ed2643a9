import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { describe, expect, it } from 'vitest';
import { bodyOfProgram, draftOfProgram, EMPTY_PROGRAM } from './program-draft';

describe('a loyalty program as typed in the back office', () => {
  it('reads a stored program back into the form and sends the same program', () => {
    const { id: _id, version, ...program } = testLoyaltyProgram();
    const draft = draftOfProgram(testLoyaltyProgram(), 'fr');
    expect(draft).toMatchObject({ per: '1,00', points: '1', tax: 'exclusive', expiryMonths: '12', version });
    // The free product reward is not edited here: it goes back as it was stored.
    expect(bodyOfProgram(draft)).toEqual({ body: { ...program, expectedVersion: version } });
  });

  it('says which field to correct first', () => {
    const base = { ...EMPTY_PROGRAM, id: 'fidelite', name: 'Fidélité' };
    expect(bodyOfProgram({ ...base, id: 'a b' })).toEqual({ problem: 'id' });
    expect(bodyOfProgram({ ...base, per: '0' })).toEqual({ problem: 'per' });
    expect(bodyOfProgram({ ...base, earnKind: 'visit' })).toEqual({ problem: 'minimum' });
    expect(bodyOfProgram({ ...base, expiryMonths: '200' })).toEqual({ problem: 'expiry' });
    expect(bodyOfProgram({ ...base, tiers: [{ id: 'or', name: '', threshold: '10', multiplier: '' }] })).toEqual({ problem: 'tier' });
    expect(bodyOfProgram({ ...base, rewards: [{ kind: 'percent-off', id: 'r', name: 'R', cost: '10', value: '150' }] })).toEqual({
      problem: 'reward',
    });
    expect(bodyOfProgram({ ...base, per: '10', minimum: '5,50', expiryMonths: '' })).toMatchObject({
      body: { earn: { kind: 'spend', points: 1, per: 1000, tax: 'inclusive', minimum: 550 }, expectedVersion: 0 },
    });
  });
});
