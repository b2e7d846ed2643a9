import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { gtinCheckDigit, hasValidGtinCheckDigit, normalizeGtin, withGtinCheckDigit } from './gtin';
import { classifyCode } from './scan-code';
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
    expect(classifyCode('123456789012345678', layouts)).toMatchObject({ ok: false, error: 'malformed' });
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
