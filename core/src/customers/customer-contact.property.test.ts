import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, normaliseCardNumber, normaliseEmail, normalisePhone } from './customer-contact';
import { parseCustomerQuery } from './customer-query';

const french = fc.stringMatching(/^[67]\d{8}$/);
const separators = fc.constantFrom(' ', '.', '-', '');

describe('customer normalisation, for any input', () => {
  it('is a fixed point: what it gives, normalised again, is itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const normalise of [normaliseEmail, normalisePhone, normaliseCardNumber]) {
          const once = normalise(text);
          if (once.ok) expect(normalise(once.value)).toEqual(once);
        }
        expect(foldName(foldName(text))).toBe(foldName(text));
      }),
    );
  });

  it('a French mobile number, however it is written, is one phone', () => {
    fc.assert(
      fc.property(french, separators, (digits, sep) => {
        const pairs = `0${digits}`.match(/\d\d/g)!.join(sep);
        const expected = { ok: true, value: `+33${digits}` };
        expect(normalisePhone(pairs)).toEqual(expected);
        expect(normalisePhone(`+33 ${digits}`)).toEqual(expected);
        expect(normalisePhone(`0033${digits}`)).toEqual(expected);
      }),
    );
  });

  it('reading a search never throws and always answers a query or a coded refusal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (text) => {
        const parsed = parseCustomerQuery(text);
        if (parsed.ok) expect(['email', 'phone', 'card', 'name']).toContain(parsed.query.kind);
        else expect(['customer_query_short', 'customer_query_long', 'customer_query_unreadable']).toContain(parsed.code);
      }),
    );
  });
});
