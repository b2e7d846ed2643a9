import { describe, expect, it } from 'vitest';
import { describeAim, splitAimPrefix } from './aim-identifier';
import { parseGs1ElementString } from './element-string';
import { parseGs1Date } from './gs1-date';
import { parseScannedCode } from './parse-scanned-code';

const GS = '\u001d';
const year = { referenceYear: 2026 };

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1', 'gs1-128', true],
    [']e0', 'gs1-databar', true],
    [']d2', 'gs1-datamatrix', true],
    [']Q3', 'gs1-qr', true],
    [']E0', 'ean-13', false],
    [']E4', 'ean-8', false],
    [']C0', 'code-128', false],
    [']A0', 'code-39', false],
    [']X0', 'other', false],
  ] as const)('%s is %s (GS1: %s)', (aim, symbology, gs1) => {
    expect(describeAim(aim)).toEqual({ aim, symbology, gs1 });
  });

  it('splits the prefix off and leaves text without one alone', () => {
    expect(splitAimPrefix(']E03760000000017')).toEqual({ aim: { aim: ']E0', symbology: 'ean-13', gs1: false }, data: '3760000000017' });
    expect(splitAimPrefix('3760000000017')).toEqual({ data: '3760000000017' });
    expect(splitAimPrefix(']')).toEqual({ data: ']' });
  });
});

describe('GS1 element strings', () => {
  it('reads GS1-128 with GTIN, net weight (3103), expiry and batch, FNC1 after the batch', () => {
    const scanned = parseScannedCode(`]C1010950110153000331030012501727033110ABC123${GS}21XYZ`, year);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      aim: { aim: ']C1', symbology: 'gs1-128' },
      summary: { gtin: '09501101530003', netWeightGrams: 1250, expiry: '2027-03-31', batchLot: 'ABC123' },
    });
    if (!scanned.ok || scanned.kind !== 'gs1') throw new Error('not gs1');
    expect(scanned.elements.map((e) => e.ai)).toEqual(['01', '3103', '17', '10', '21']);
    expect(scanned.elements[1]).toEqual({ kind: 'net-weight-kg', ai: '3103', value: '001250', decimals: 3, grams: 1250 });
  });

  it('skips a leading FNC1 and accepts the same data without an AIM prefix', () => {
    expect(parseScannedCode(`${GS}0109501101530003`, year)).toMatchObject({ ok: true, kind: 'gs1', summary: { gtin: '09501101530003' } });
    expect(parseScannedCode({ text: `${GS}0109501101530003`, aim: ']C1' }, year)).toMatchObject({ ok: true, kind: 'gs1' });
  });

  it('reads GS1 DataMatrix with the AIM identifier given apart (HID POS), variable fields first', () => {
    const scanned = parseScannedCode({ text: `10LOT42${GS}21SER9${GS}0109501101530003172712003922599`, aim: ']d2' }, year);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      aim: { symbology: 'gs1-datamatrix' },
      summary: { gtin: '09501101530003', batchLot: 'LOT42', expiry: '2027-12-31', priceCents: 599 },
    });
  });

  it('turns price to pay 3922 into cents, and 3920/3921/3923 by their decimal digit', () => {
    const price = (ai: string, value: string) => parseGs1ElementString(`0109501101530003${ai}${value}`, year);
    expect(price('3922', '1234')).toMatchObject({ ok: true, summary: { priceCents: 1234 } });
    expect(price('3920', '12')).toMatchObject({ ok: true, summary: { priceCents: 1200 } });
    expect(price('3921', '125')).toMatchObject({ ok: true, summary: { priceCents: 1250 } });
    expect(price('3923', '12340')).toMatchObject({ ok: true, summary: { priceCents: 1234 } });
    expect(price('3923', '12345')).toMatchObject({ ok: false, reason: 'sub-cent-price', ai: '3923' });
  });

  it('reads an expiry with day 00 as the last day of that month', () => {
    expect(parseGs1ElementString('17280200', year)).toMatchObject({ ok: true, summary: { expiry: '2028-02-29' } });
    expect(parseGs1ElementString('17270200', year)).toMatchObject({ ok: true, summary: { expiry: '2027-02-28' } });
    expect(parseGs1Date('270200', 2026)).toEqual({ iso: '2027-02-28', year: 2027, month: 2, day: 28, endOfMonth: true });
    expect(parseGs1ElementString('17271301', year)).toMatchObject({ ok: false, reason: 'bad-date', ai: '17' });
    expect(parseGs1ElementString('17270230', year)).toMatchObject({ ok: false, reason: 'bad-date' });
  });

  it('places two-digit years within 49 years back and 50 ahead of the reference year', () => {
    expect(parseGs1Date('760101', 2026)?.year).toBe(2076);
    expect(parseGs1Date('770101', 2026)?.year).toBe(1977);
    expect(parseGs1Date('010101', 2099)?.year).toBe(2101);
  });

  it('converts net weight with every decimal position to grams', () => {
    const grams = (n: number, value: string) => parseGs1ElementString(`310${n}${value}`, year);
    expect(grams(0, '000002')).toMatchObject({ summary: { netWeightGrams: 2000 } });
    expect(grams(3, '001500')).toMatchObject({ summary: { netWeightGrams: 1500 } });
    expect(grams(5, '012345')).toMatchObject({ summary: { netWeightGrams: 123 } });
    expect(grams(4, '001235')).toMatchObject({ summary: { netWeightGrams: 124 } });
    expect(grams(6, '001235')).toMatchObject({ ok: false, reason: 'value-out-of-range' });
  });

  it('rejects a GTIN with a bad check digit, in plain words', () => {
    const result = parseScannedCode(']C10109501101530004', year);
    expect(result).toMatchObject({ ok: false, reason: 'bad-check-digit', aim: { aim: ']C1' } });
    if (!result.ok) expect(result.message).toContain('wrong check digit');
  });

  it('rejects an unknown AI, a truncated fixed field, a missing separator and a bad character', () => {
    expect(parseGs1ElementString('0109501101530003' + '891234', year)).toMatchObject({ ok: false, reason: 'unknown-ai', at: 16 });
    expect(parseGs1ElementString('01095011015300', year)).toMatchObject({ ok: false, reason: 'truncated', ai: '01' });
    expect(parseGs1ElementString('10' + 'A'.repeat(21), year)).toMatchObject({ ok: false, reason: 'too-long', ai: '10' });
    expect(parseGs1ElementString('10AB CD', year)).toMatchObject({ ok: false, reason: 'invalid-characters' });
    expect(parseGs1ElementString('3', year)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseGs1ElementString(GS, year)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseGs1ElementString(`10A${GS}10B`, year)).toMatchObject({ ok: false, reason: 'duplicate-ai' });
  });

  it('passes plain codes through with their symbology', () => {
    expect(parseScannedCode(']E03760000000017')).toEqual({
      ok: true,
      kind: 'plain',
      aim: { aim: ']E0', symbology: 'ean-13', gs1: false },
      code: '3760000000017',
    });
    expect(parseScannedCode(']Q1https://example.org/x')).toMatchObject({ ok: true, kind: 'plain', code: 'https://example.org/x' });
    expect(parseScannedCode('SHELF-42')).toEqual({ ok: true, kind: 'plain', code: 'SHELF-42' });
  });
});
