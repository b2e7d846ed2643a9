import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import type { SalePayloadV1 } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { cashSale } from '../test-support/sample-sale';
import { saleLoyaltyEarnProblems, saleLoyaltyProblems, withLoyaltyEarn } from './sale-loyalty';

const program = testLoyaltyProgram();
const store = demoStoreProfile('S001', 'T01');
const memberSale = (): SalePayloadV1 => ({
  ...(cashSale({ saleId: 's-1', products: [100, 205, 300] }) as SalePayloadV1),
  customerId: 'cus-1',
});

describe('a sale’s loyalty block', () => {
  it('seals the earn core computes for the member (id earn:<saleId>, customer id only) and validates', () => {
    const sale = withLoyaltyEarn(memberSale(), program);
    expect(sale.loyalty?.earn).toMatchObject({ id: 'earn:s-1', saleId: 's-1', customerId: 'cus-1', programId: 'club', programVersion: 3 });
    expect(sale.loyalty!.earn.points).toBeGreaterThan(0);
    expect(JSON.stringify(sale.loyalty)).not.toMatch(/name|mail|phone/i);
    expect(validateSale(sale, store)).toEqual([]);
    expect(saleLoyaltyEarnProblems(sale, program)).toEqual([]);
  });

  it('adds nothing without a member, without a program, for a return or a training sale; a stale block is dropped', () => {
    const { customerId: _c, ...anonymous } = memberSale();
    expect(withLoyaltyEarn(anonymous, program)).not.toHaveProperty('loyalty');
    expect(withLoyaltyEarn(memberSale(), null)).not.toHaveProperty('loyalty');
    expect(withLoyaltyEarn({ ...memberSale(), training: true }, program)).not.toHaveProperty('loyalty');
    const stale = withLoyaltyEarn(memberSale(), program);
    expect(withLoyaltyEarn(stale, null)).not.toHaveProperty('loyalty');
  });

  it('a sale without the block (an older sale) still validates', () => {
    expect(saleLoyaltyProblems(memberSale())).toEqual([]);
    expect(saleLoyaltyEarnProblems(memberSale(), null)).toEqual([]);
  });

  it('refuses a block that is not this sale’s: other id, member, total, instant; a return that earns', () => {
    const sale = withLoyaltyEarn(memberSale(), program);
    const earn = sale.loyalty!.earn;
    const forged = (e: Partial<typeof earn>, s: Partial<SalePayloadV1> = {}) =>
      saleLoyaltyProblems({ ...sale, ...s, loyalty: { earn: { ...earn, ...e } } }).map((p) => p.code);
    expect(forged({ id: 'earn:other' })).toEqual(['loyalty']);
    expect(forged({ customerId: 'cus-2' })).toEqual(['loyalty']);
    expect(forged({ saleTotal: earn.saleTotal + 1 })).toEqual(['loyalty']);
    expect(forged({ at: '2020-01-01T00:00:00.000Z' })).toEqual(['loyalty']);
    expect(forged({}, { kind: 'return' })).toEqual(['loyalty']);
    expect(validateSale({ ...sale, loyalty: { earn: { ...earn, points: 0 } } }, store).map((p) => p.code)).toEqual(['shape']);
    expect(validateSale({ ...sale, loyalty: { earn: { ...earn, name: 'Alice' } as never } }, store).map((p) => p.code)).toEqual(['shape']);
  });

  it('against the program: more points than it gives, or a version not held, is a coded problem', () => {
    const sale = withLoyaltyEarn(memberSale(), program);
    const more = { ...sale, loyalty: { earn: { ...sale.loyalty!.earn, points: sale.loyalty!.earn.points + 1 } } };
    expect(saleLoyaltyEarnProblems(more, program)[0]?.message).toMatch(/^wrong-points/);
    expect(saleLoyaltyEarnProblems(sale, null)[0]?.message).toMatch(/^unknown-program/);
    expect(saleLoyaltyEarnProblems(sale, { ...program, version: 4 })[0]?.message).toMatch(/^unknown-program/);
    const richer = { ...program, earn: { kind: 'spend' as const, points: 2, per: 100, tax: 'exclusive' as const } };
    expect(saleLoyaltyEarnProblems(sale, richer)[0]?.message).toMatch(/^wrong-points/);
  });
});
