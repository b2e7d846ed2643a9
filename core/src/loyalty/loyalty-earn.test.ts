import { describe, expect, it } from 'vitest';
import { isSaleV1 } from '../sale/sale';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { cashSale } from '../test-support/sample-sale';
import { earnInputOfSale, loyaltyEarn, loyaltyEarnBasis, type LoyaltyEarnInput } from './loyalty-earn';

const program = testLoyaltyProgram();
/** 120 € paid, 20 € of it VAT. */
const sale: LoyaltyEarnInput = {
  saleId: 'sale-1',
  customerId: 'cus-1',
  completedAt: '2026-03-31T10:00:00.000Z',
  kind: 'sale',
  currency: 'EUR',
  total: 12_000,
  vat: 2_000,
  tenders: [{ method: 'card', amount: 12_000 }],
};

describe('loyaltyEarn', () => {
  it('earns on the amount paid before VAT, rounded down, with an id from the sale and an expiry', () => {
    expect(loyaltyEarn(program, { ...sale, total: 12_099, vat: 2_000, tenders: [{ method: 'card', amount: 12_099 }] })).toEqual({
      kind: 'earn',
      id: 'earn:sale-1',
      at: '2026-03-31T10:00:00.000Z',
      customerId: 'cus-1',
      programId: 'club',
      programVersion: 3,
      saleId: 'sale-1',
      points: 100,
      rule: 'spend',
      basis: 10_099,
      saleTotal: 12_099,
      // 31 March + 12 months; a month without a 31st would take its last day.
      expiresAt: '2027-03-31T10:00:00.000Z',
    });
  });

  it('earns on the VAT-inclusive amount when the program says so', () => {
    expect(loyaltyEarn(testLoyaltyProgram({ earn: { kind: 'spend', points: 1, per: 100, tax: 'inclusive' } }), sale)?.points).toBe(120);
  });

  it('never earns on what gift cards, store credit or points paid', () => {
    const mixed = {
      ...sale,
      tenders: [
        { method: 'gift_card', amount: 6_000 },
        { method: 'store_credit', amount: 2_400 },
        { method: 'cash', amount: 3_600 },
      ],
    };
    // 36 € of 120 € paid with own money: 30 % of the 100 € before VAT.
    expect(loyaltyEarnBasis(program, mixed)).toBe(3_000);
    expect(loyaltyEarn(program, mixed)?.points).toBe(30);
    expect(loyaltyEarn(program, { ...sale, tenders: [{ method: 'gift_card', amount: 12_000 }] })).toBeUndefined();
  });

  it('follows Square’s example: 1 point per 10 €, 105 € gives 10 points', () => {
    const tenEuros = testLoyaltyProgram({ earn: { kind: 'spend', points: 1, per: 1000, tax: 'inclusive' } });
    expect(loyaltyEarn(tenEuros, { ...sale, total: 10_500, tenders: [{ method: 'cash', amount: 10_500 }] })?.points).toBe(10);
  });

  it('multiplies by the member’s tier, rounding down', () => {
    expect(loyaltyEarn(program, sale, program.tiers[1])?.points).toBe(125);
    expect(loyaltyEarn(program, sale, program.tiers[2])?.points).toBe(150);
  });

  it('earns per visit once the base reaches the minimum', () => {
    const visits = testLoyaltyProgram({ earn: { kind: 'visit', points: 10, minimum: 10_000, tax: 'exclusive' } });
    expect(loyaltyEarn(visits, sale)).toMatchObject({ points: 10, rule: 'visit', visitMinimum: 10_000, basis: 10_000 });
    expect(loyaltyEarn(visits, { ...sale, total: 11_999, tenders: [{ method: 'card', amount: 11_999 }] })).toBeUndefined();
  });

  it('writes no entry, never a zero-point one, without a member, for a return, a training sale, another currency or below the minimum', () => {
    const { customerId: _, ...anonymous } = sale;
    expect(loyaltyEarn(program, anonymous)).toBeUndefined();
    expect(loyaltyEarn(program, { ...sale, kind: 'return' })).toBeUndefined();
    expect(loyaltyEarn(program, { ...sale, training: true })).toBeUndefined();
    expect(loyaltyEarn(program, { ...sale, currency: 'CHF' })).toBeUndefined();
    expect(loyaltyEarn(program, { ...sale, total: 99, vat: 0, tenders: [{ method: 'cash', amount: 99 }] })).toBeUndefined();
    expect(
      loyaltyEarn(testLoyaltyProgram({ earn: { kind: 'spend', points: 1, per: 100, tax: 'inclusive', minimum: 20_000 } }), sale),
    ).toBeUndefined();
  });

  it('writes its instant as the ledgers do, whatever form the sale gave it', () => {
    expect(loyaltyEarn(program, { ...sale, completedAt: '2026-03-31T12:00:00+02:00' })).toMatchObject({
      at: '2026-03-31T10:00:00.000Z',
      expiresAt: '2027-03-31T10:00:00.000Z',
    });
  });

  it('has no expiry when points never expire', () => {
    const { expiryMonths: _, ...forever } = program;
    expect(loyaltyEarn(forever, sale)).not.toHaveProperty('expiresAt');
  });

  it('reads a sealed version 1 sale: its customer, total, VAT and tenders, nothing personal', () => {
    const sold = cashSale({ saleId: 'sale-9' });
    if (!isSaleV1(sold)) throw new Error('cashSale makes version 1 sales');
    const sealed = { ...sold, customerId: 'cus-9' };
    const input = earnInputOfSale(sealed);
    expect(input).toMatchObject({ saleId: 'sale-9', customerId: 'cus-9', kind: 'sale', total: sealed.total });
    expect(input.vat).toBe(sealed.vat.reduce((acc, r) => acc + r.vat, 0));
    expect(loyaltyEarn(program, input)?.customerId).toBe('cus-9');
  });
});
