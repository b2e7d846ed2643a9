import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { gtinCheckDigit, gtinLookupCodes, hasValidGtinCheckDigit, normalizeGtin, withGtinCheckDigit } from './gtin';
import { classifyCode } from './scan-code';
import { expandUpcE } from './upc-e';
import { encodeVariableMeasure, parseVariableMeasure, validateLayout } from './variable-measure';

const layouts = demoStoreProfile().variableMeasureLayouts;
const [weightLayout, priceLayout] = layouts;

describe('GTIN check digits', () => {
  it('computes known check digits', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(hasValidGtinCheckDigit('4006381333931')).toBe(true);
    expect(hasValidGtinCheckDigit('4006381333932')).toBe(false);
    expect(hasValidGtinCheckDigit('96385074')).toBe(true); // EAN-8
    expect(hasValidGtinCheckDigit('036000291452')).toBe(true); // UPC-A
  });

  it('property: every single-digit error is caught', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const code = withGtinCheckDigit(body);
        const digits = code.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(hasValidGtinCheckDigit(digits.join(''))).toBe(false);
      }),
    );
  });

  it('normalises UPC-A and GTIN-14 to EAN-13', () => {
    expect(normalizeGtin('036000291452')).toBe('0036000291452');
    expect(normalizeGtin('00036000291452')).toBe('0036000291452');
    expect(normalizeGtin('4006381333931')).toBe('4006381333931');
  });
});

describe('classifyCode', () => {
  it('accepts a valid EAN-13', () => {
    expect(classifyCode(' 4006381333931 ', layouts)).toEqual({ ok: true, kind: 'gtin', code: '4006381333931' });
  });

  it('refuses a bad check digit, empty and malformed codes', () => {
    expect(classifyCode('4006381333932', layouts)).toMatchObject({ ok: false, error: 'check-digit' });
    expect(classifyCode('   ', layouts)).toMatchObject({ ok: false, error: 'empty' });
    expect(classifyCode('1234567890123456789', layouts)).toMatchObject({ ok: false, error: 'malformed' });
    expect(classifyCode('ab cd', layouts)).toMatchObject({ ok: false, error: 'malformed' });
    expect(classifyCode('é#!', layouts)).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('treats other short codes as internal codes', () => {
    expect(classifyCode('EPI-000123', layouts)).toEqual({ ok: true, kind: 'internal', code: 'EPI-000123' });
    expect(classifyCode('12345', layouts)).toEqual({ ok: true, kind: 'internal', code: '12345' });
  });

  it('parses weight and price codes with the store layouts and zeroes the value for lookup', () => {
    const weight = classifyCode(encodeVariableMeasure('20', '00012', 532, weightLayout!), layouts);
    expect(weight).toMatchObject({
      ok: true,
      kind: 'variable',
      valueKind: 'weight_g',
      value: 532,
      lookupCode: withGtinCheckDigit('200001200000'),
    });
    const price = classifyCode(encodeVariableMeasure('21', '00003', 1234, priceLayout!), layouts);
    expect(price).toMatchObject({
      ok: true,
      kind: 'variable',
      valueKind: 'price_minor',
      value: 1234,
      lookupCode: withGtinCheckDigit('210000300000'),
    });
  });

  it('reads a 12-digit UPC-A variable-measure code (prefix 2) as EAN-13 prefix 02', () => {
    const upc = withGtinCheckDigit('20001200532');
    expect(classifyCode(upc, layouts)).toMatchObject({ kind: 'variable', valueKind: 'weight_g', value: 532 });
  });

  it('property: never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const result = classifyCode(s, layouts);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('property: a weight code round-trips through encode and parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }), (item, grams) => {
        const code = encodeVariableMeasure('20', String(item), grams, weightLayout!);
        expect(parseVariableMeasure(code, layouts)).toMatchObject({ value: grams, valueKind: 'weight_g' });
      }),
    );
  });
});

describe('validateLayout', () => {
  it('accepts 2+5+5+1 and refuses layouts that do not make 13 digits or use foreign prefixes', () => {
    expect(validateLayout(weightLayout!)).toBeNull();
    expect(validateLayout({ ...weightLayout!, valueDigits: 4 })).toMatch(/13 digits/);
    expect(validateLayout({ ...weightLayout!, prefixes: ['30'] })).toMatch(/not a GS1 variable-measure prefix/);
  });
});

describe('UPC-E (8 digits, zero-suppressed UPC-A)', () => {
  it('expands by its last digit, the check digit verified on the UPC-A', () => {
    expect(expandUpcE('04252614')).toBe('042100005264'); // last digit 1: NS d1 d2 d6 0000 d3 d4 d5
    expect(expandUpcE('01234531')).toBe('012300000451'); // 3: NS d1 d2 d3 00000 d4 d5
    expect(expandUpcE('01234543')).toBe('012340000053'); // 4: NS d1 d2 d3 d4 00000 d5
    expect(expandUpcE('01234565')).toBe('012345000065'); // 5–9: NS d1…d5 0000 d6
    expect(expandUpcE('04252615')).toBeUndefined(); // wrong check digit
    expect(expandUpcE('24252614')).toBeUndefined(); // number system 2 has no UPC-E
    expect(expandUpcE('0425261')).toBeUndefined();
  });

  it('sells a UPC-E scanned without symbology identifier under its UPC-A (EAN-13 form)', () => {
    expect(classifyCode('04252614', layouts)).toEqual({ ok: true, kind: 'gtin', code: '0042100005264' });
  });

  it('keeps EAN-8: a valid EAN-8 is read as one first, its UPC-E reading (if valid) looked up after it', () => {
    expect(classifyCode('96385074', layouts)).toEqual({ ok: true, kind: 'gtin', code: '96385074' });
    // 01234565 is a valid UPC-E and, by chance, a valid EAN-8 too.
    expect(hasValidGtinCheckDigit('01234565')).toBe(true);
    expect(classifyCode('01234565', layouts)).toEqual({ ok: true, kind: 'gtin', code: '01234565', alternatives: ['0012345000065'] });
    expect(classifyCode('01234565', layouts, { symbology: 'ean-8' })).toEqual({ ok: true, kind: 'gtin', code: '01234565' });
    expect(classifyCode('04252615', layouts)).toMatchObject({ ok: false, error: 'check-digit' });
  });

  it('property: every UPC-E with its check digit is accepted and finds its UPC-A', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), fc.stringMatching(/^[0-9]{6}$/), (numberSystem, digits) => {
        const code = numberSystem + digits + upcECheckDigit(numberSystem + digits);
        const result = classifyCode(code, layouts);
        if (!result.ok || result.kind !== 'gtin') throw new Error(`${code} refused`);
        expect([result.code, ...(result.alternatives ?? [])]).toContain(normalizeGtin(expandUpcE(code)!));
      }),
    );
  });
});

/** The check digit a UPC-E gets: the one of the UPC-A it stands for. */
function upcECheckDigit(sevenDigits: string): string {
  for (let check = 0; check <= 9; check++) if (expandUpcE(sevenDigits + check)) return String(check);
  throw new Error(`no check digit for ${sevenDigits}`);
}

describe('EAN/UPC with a 2- or 5-digit add-on', () => {
  it('reads 15 and 18 digits as EAN-13 + add-on, 17 as UPC-A + 5: the main code is the product', () => {
    expect(classifyCode('400638133393112', layouts)).toEqual({ ok: true, kind: 'gtin', code: '4006381333931', addOn: '12' });
    expect(classifyCode('400638133393152495', layouts)).toEqual({ ok: true, kind: 'gtin', code: '4006381333931', addOn: '52495' });
    expect(classifyCode('03600029145252495', layouts)).toEqual({ ok: true, kind: 'gtin', code: '0036000291452', addOn: '52495' });
  });

  it('refuses a misread main code, and lengths that are no EAN/UPC with add-on', () => {
    expect(classifyCode('400638133393212', layouts)).toMatchObject({ ok: false, error: 'check-digit' });
    expect(classifyCode('4006381333931123', layouts)).toMatchObject({ ok: false, error: 'malformed' });
  });
});

describe('gtinLookupCodes', () => {
  it('looks a GTIN-14 up in its stored spelling, and a zero-padded GTIN-8 also as its 8 digits', () => {
    expect(gtinLookupCodes('04006381333931')).toEqual(['4006381333931']);
    expect(gtinLookupCodes('00036000291452')).toEqual(['0036000291452']);
    expect(gtinLookupCodes('00000096385074')).toEqual(['0000096385074', '96385074']);
    expect(gtinLookupCodes('10012345678902')).toEqual(['10012345678902']);
  });
});
