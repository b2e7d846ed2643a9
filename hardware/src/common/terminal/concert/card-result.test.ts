import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerToCardResult, cardFromReport } from './card-result';
import type { ConcertAnswer } from './messages';

const answer = (overrides: Partial<ConcertAnswer> = {}): ConcertAnswer => ({
  posNumber: 1,
  status: '0',
  amount: 1234,
  paymentMode: '1',
  report: '4970101234564242=2812'.padEnd(55, ' '),
  currency: '978',
  privateData: 'ABCDE12345',
  ...overrides,
});
const context = { attemptKey: 'k', requestedAmount: 1234, forcedAuthorization: false };

describe('Concert answer → CardResult', () => {
  it("status '0' is approved, with a masked card number and the scheme; the full number is gone", () => {
    const result = answerToCardResult(answer(), context);
    expect(result).toEqual({
      attemptKey: 'k',
      status: 'approved',
      amount: 1234,
      terminal: 'concert',
      maskedPan: '**** 4242',
      scheme: 'VISA',
    });
    expect(JSON.stringify(result)).not.toContain('497010');
  });

  it("status '7' is declined; any other status is unknown", () => {
    expect(answerToCardResult(answer({ status: '7' }), context)).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('nothing was charged'),
    });
    expect(answerToCardResult(answer({ status: '9' }), context)).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('may have been charged'),
    });
  });

  it('marks an approval with a forced online authorisation as not offline, and says nothing otherwise', () => {
    expect(answerToCardResult(answer(), { ...context, forcedAuthorization: true })).toMatchObject({ offline: false });
    expect(answerToCardResult(answer(), context)).not.toHaveProperty('offline');
  });

  it('reports an approved amount other than the one asked for', () => {
    expect(answerToCardResult(answer({ amount: 1000 }), context)).toMatchObject({
      status: 'approved',
      amount: 1000,
      message: expect.stringContaining('not the 1234'),
    });
  });

  it('reads terminal-masked numbers, and no card at all from a short answer', () => {
    expect(cardFromReport('535110XXXXXX0004')).toEqual({ maskedPan: '**** 0004', scheme: 'MASTERCARD' });
    expect(cardFromReport('374245*****1003')).toEqual({ maskedPan: '**** 1003', scheme: 'AMEX' });
    expect(cardFromReport(undefined)).toEqual({});
    expect(cardFromReport(' '.repeat(55))).toEqual({});
    expect(answerToCardResult(answer({ report: undefined }), context)).not.toHaveProperty('maskedPan');
  });

  it('fuzz: only "0" approves, only "7" declines, and no more than 4 card digits ever come out', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1 }), fc.string({ maxLength: 55 }), (status, report) => {
        const result = answerToCardResult(answer({ status, report }), context);
        const expected = status === '0' ? 'approved' : status === '7' ? 'declined' : 'unknown';
        return result.status === expected && (result.maskedPan === undefined || /^\*\*\*\* \d{4}$/.test(result.maskedPan));
      }),
      { numRuns: 1000 },
    );
  });
});
