import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concertRequest, encodedData } from '../../test-support/concert-samples';
import {
  FULL_ANSWER_LENGTH,
  REQUEST_LENGTH,
  SHORT_ANSWER_LENGTH,
  currencyNumber,
  encodeAnswer,
  encodeRequest,
  parseAnswer,
  parseRequest,
  privateDataFor,
  type ConcertAnswer,
  type ConcertRequest,
} from './messages';

const text = (data: Uint8Array) => String.fromCharCode(...data);
const ascii = (value: string) => Uint8Array.from(value, (c) => c.charCodeAt(0));
const request = concertRequest({ privateData: 'ABCDE12345' });
const encoded = (r: ConcertRequest) => encodedData(encodeRequest(r));
const printableChar = fc.integer({ min: 0x20, max: 0x7f }).map((c) => String.fromCharCode(c));
const printableText = (max: number) => fc.array(printableChar, { maxLength: max }).map((chars) => chars.join(''));
const arbitraryAnswer: fc.Arbitrary<ConcertAnswer> = fc.record(
  {
    posNumber: fc.integer({ min: 0, max: 99 }),
    status: printableChar,
    amount: fc.integer({ min: 0, max: 99_999_999 }),
    paymentMode: printableChar,
    report: printableText(55),
    currency: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
    privateData: printableText(10),
  },
  { requiredKeys: ['posNumber', 'status', 'amount', 'paymentMode', 'currency', 'privateData'] },
);

describe('Concert E+ request', () => {
  it('is 34 characters in the E+ field order', () => {
    const data = encoded(request);
    expect(data.length).toBe(REQUEST_LENGTH);
    expect(text(data)).toBe('01' + '00001234' + '1' + '1' + '0' + '978' + 'ABCDE12345' + 'A010' + 'B010');
    expect(
      text(
        encoded({ ...request, transaction: 'credit', answer: 'short', privateData: '', answerAt: 'immediate', forceAuthorization: true }),
      ),
    ).toBe('01' + '00001234' + '0' + '1' + '1' + '978' + ' '.repeat(10) + 'A011' + 'B011');
  });

  it('refuses what does not fit, in words', () => {
    expect(encodeRequest({ ...request, amount: 12.5 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('whole number of cents'),
    });
    expect(encodeRequest({ ...request, amount: 100_000_000 })).toMatchObject({ ok: false });
    expect(encodeRequest({ ...request, posNumber: 100 })).toMatchObject({ ok: false, message: expect.stringContaining('POS number') });
    expect(encodeRequest({ ...request, currency: 'EUR' })).toMatchObject({ ok: false, message: expect.stringContaining('ISO 4217') });
    expect(encodeRequest({ ...request, privateData: 'ELEVEN CHARS' })).toMatchObject({ ok: false });
    expect(encodeRequest({ ...request, privateData: 'é' })).toMatchObject({ ok: false });
  });

  it('round-trips through the simulator-side parser, and the parser names bad fields', () => {
    expect(parseRequest(encoded(request))).toEqual({ ok: true, value: request });
    const bad = (at: number, char: string) => {
      const data = encoded(request);
      data[at] = char.charCodeAt(0);
      return parseRequest(data);
    };
    expect(bad(0, 'X')).toMatchObject({ ok: false, message: expect.stringContaining('POS number') });
    expect(bad(5, 'X')).toMatchObject({ ok: false, message: expect.stringContaining('Amount') });
    expect(bad(10, '7')).toMatchObject({ ok: false, message: expect.stringContaining('Answer flag') });
    expect(bad(12, '9')).toMatchObject({ ok: false, message: expect.stringContaining('Transaction type') });
    expect(bad(27, '9')).toMatchObject({ ok: false, message: expect.stringContaining('Delay') });
    expect(bad(31, '9')).toMatchObject({ ok: false, message: expect.stringContaining('Authorisation') });
  });

  it('maps currencies to ISO numeric codes', () => {
    expect(currencyNumber('EUR')).toBe('978');
    expect(currencyNumber('eur')).toBe('978');
    expect(currencyNumber('953')).toBe('953');
    expect(currencyNumber('ZZZ')).toBeNull();
  });

  it('tags each attempt key with 10 printable characters, the same for the same key', () => {
    expect(privateDataFor('sale-1')).toMatch(/^[0-9A-Z]{10}$/);
    expect(privateDataFor('sale-1')).toBe(privateDataFor('sale-1'));
    expect(privateDataFor('sale-1')).not.toBe(privateDataFor('sale-2'));
    fc.assert(fc.property(fc.string(), (key) => /^[0-9A-Z]{10}$/.test(privateDataFor(key))));
  });

  it('fuzz: the request parser never throws on random or truncated input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.nat(REQUEST_LENGTH - 1), (random, cut) => {
        const parsed = parseRequest(random);
        if (!parsed.ok) expect(parsed.message).not.toBe('');
        expect(parseRequest(encoded(request).slice(0, cut)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Concert E+ answer', () => {
  const approved: ConcertAnswer = {
    posNumber: 1,
    status: '0',
    amount: 1234,
    paymentMode: '1',
    report: '497010XXXXXX4242',
    currency: '978',
    privateData: 'ABCDE12345',
  };

  it('full answer is 80 characters with the 55-character report; short is 25 without it', () => {
    const full = encodeAnswer(approved);
    expect(full.ok && full.data.length).toBe(FULL_ANSWER_LENGTH);
    expect(full.ok && text(full.data)).toBe('01' + '0' + '00001234' + '1' + '497010XXXXXX4242'.padEnd(55, ' ') + '978' + 'ABCDE12345');
    const { report: _report, ...withoutReport } = approved;
    const short = encodeAnswer(withoutReport);
    expect(short.ok && text(short.data)).toBe('010000012341978ABCDE12345');
    expect(short.ok && short.data.length).toBe(SHORT_ANSWER_LENGTH);
  });

  it('parses both forms and names bad fields', () => {
    const full = encodeAnswer(approved);
    expect(full.ok && parseAnswer(full.data)).toEqual({ ok: true, value: { ...approved, report: approved.report!.padEnd(55, ' ') } });
    expect(parseAnswer(ascii('010000012341978ABCDE12345'))).toEqual({
      ok: true,
      value: { posNumber: 1, status: '0', amount: 1234, paymentMode: '1', currency: '978', privateData: 'ABCDE12345' },
    });
    expect(parseAnswer(ascii('01000001234197'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('25 or 80 characters, not 14'),
    });
    expect(parseAnswer(ascii('X10000012341978ABCDE12345'))).toMatchObject({ ok: false, message: expect.stringContaining('POS number') });
    expect(parseAnswer(ascii('0100000X2341978ABCDE12345'))).toMatchObject({ ok: false, message: expect.stringContaining('Amount') });
    expect(parseAnswer(ascii('01000001234197XABCDE12345'))).toMatchObject({ ok: false, message: expect.stringContaining('Currency') });
    expect(parseAnswer(Uint8Array.of(...ascii('010000012341978ABCDE1234'), 0x01))).toMatchObject({
      ok: false,
      message: expect.stringContaining('printable'),
    });
  });

  it('fuzz: any valid answer round-trips', () => {
    fc.assert(
      fc.property(arbitraryAnswer, (answer) => {
        const data = encodeAnswer(answer);
        if (!data.ok) return false;
        const parsed = parseAnswer(data.data);
        const expected = {
          ...answer,
          privateData: answer.privateData.padEnd(10, ' '),
          ...(answer.report === undefined ? {} : { report: answer.report.padEnd(55, ' ') }),
        };
        expect(parsed).toEqual({ ok: true, value: expected });
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('fuzz: random and truncated answers give a clear error, never a throw', () => {
    fc.assert(
      fc.property(arbitraryAnswer, fc.uint8Array({ maxLength: 100 }), fc.nat(79), (answer, random, cut) => {
        const randomParsed = parseAnswer(random);
        if (!randomParsed.ok && randomParsed.message === '') return false;
        const data = encodeAnswer(answer);
        if (!data.ok) return false;
        const length = cut % data.data.length;
        // The first 25 characters of a full answer whose report starts with three digits are a
        // well-formed short answer: only the link's framing (STX…ETX and its LRC) tells a cut-off
        // message, so that one length is not the parser's to refuse (fast-check found it).
        if (length === SHORT_ANSWER_LENGTH && data.data.length === FULL_ANSWER_LENGTH) return true;
        const truncated = parseAnswer(data.data.slice(0, length));
        return !truncated.ok && truncated.message.length > 0;
      }),
      { numRuns: 1000 },
    );
  });
});
