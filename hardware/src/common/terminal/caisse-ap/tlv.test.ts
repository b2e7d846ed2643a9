import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTlv, parseTlv, readTlvField, type TlvField } from './tlv';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const fieldArb = fc.record({
  tag: fc.stringMatching(/^[A-Z0-9]{2}$/),
  value: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 40 }),
});
const fieldsArb = fc.uniqueArray(fieldArb, { selector: (field) => field.tag, minLength: 1, maxLength: 8 });

describe('Caisse-AP TLV', () => {
  it('encodes tag, 3-digit length and value', () => {
    const encoded = encodeTlv([
      { tag: 'CZ', value: '0300' },
      { tag: 'CB', value: '1250' },
    ]);
    expect(encoded.ok && text(encoded.bytes)).toBe('CZ0040300CB0041250');
  });

  it('refuses what a terminal could misread', () => {
    expect(encodeTlv([{ tag: 'cz', value: '1' }])).toMatchObject({ ok: false, error: expect.stringContaining('tag "cz"') });
    expect(encodeTlv([{ tag: 'CB', value: '' }])).toMatchObject({ ok: false, error: expect.stringContaining('1 to 999') });
    expect(encodeTlv([{ tag: 'CB', value: 'x'.repeat(1000) }])).toMatchObject({ ok: false });
    expect(encodeTlv([{ tag: 'CB', value: 'é' }])).toMatchObject({ ok: false, error: expect.stringContaining('not ASCII') });
    expect(
      encodeTlv([
        { tag: 'CB', value: '1' },
        { tag: 'CB', value: '2' },
      ]),
    ).toMatchObject({ ok: false, error: 'tag CB appears twice' });
  });

  it('parses a reply and rejects bad lengths, bad tags and truncation with clear errors', () => {
    expect(parseTlv(ascii('CZ0040300AE00210'))).toEqual({
      ok: true,
      fields: [
        { tag: 'CZ', value: '0300' },
        { tag: 'AE', value: '10' },
      ],
    });
    expect(parseTlv(ascii('CZ00X0300'))).toMatchObject({
      ok: false,
      error: 'bad length "00X" for tag CZ at byte 0: the length is 3 decimal digits',
    });
    expect(parseTlv(ascii('CZ0040300AE002'))).toMatchObject({ ok: false, error: expect.stringContaining('truncated') });
    expect(parseTlv(ascii('CZ0040300AE00510'))).toMatchObject({ ok: false, error: expect.stringContaining('truncated') });
    expect(parseTlv(ascii('c?0040300'))).toMatchObject({ ok: false, error: expect.stringContaining('bad tag') });
    expect(parseTlv(new Uint8Array(0))).toMatchObject({ ok: false, error: 'empty message' });
  });

  it('reads what its length covers, whatever the bytes: empty values, Latin-1, controls, a repeated tag', () => {
    expect(parseTlv(Uint8Array.from([...ascii('CZ0040300AA000ZL006D'), 0xe9, ...ascii('bit'), 0x00, ...ascii('AE00210AE00210')]))).toEqual({
      ok: true,
      fields: [
        { tag: 'CZ', value: '0300' },
        { tag: 'AA', value: '' },
        { tag: 'ZL', value: 'Débit\0' },
        { tag: 'AE', value: '10' },
        { tag: 'AE', value: '10' },
      ],
    });
  });

  it('round-trips any valid fields', () => {
    fc.assert(
      fc.property(fieldsArb, (fields: TlvField[]) => {
        const encoded = encodeTlv(fields);
        expect(encoded.ok).toBe(true);
        if (encoded.ok) expect(parseTlv(encoded.bytes)).toEqual({ ok: true, fields });
      }),
    );
  });

  it('fuzz: random bytes give a result or a clear error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const parsed = parseTlv(bytes);
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
        for (let offset = 0; offset < bytes.length; offset++) readTlvField(bytes, offset);
      }),
      { numRuns: 1000 },
    );
  });

  it('fuzz: a truncated message is an error, or (cut on a field boundary) its first fields', () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), (fields, cut) => {
        const encoded = encodeTlv(fields);
        if (!encoded.ok) return;
        const length = cut % encoded.bytes.length;
        const parsed = parseTlv(encoded.bytes.slice(0, length));
        if (parsed.ok) expect(fields.slice(0, parsed.fields.length)).toEqual(parsed.fields);
        else expect(parsed.error).toMatch(/truncated|empty message/);
      }),
    );
  });

  it('fuzz: a message with one byte changed never throws', () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), fc.integer({ min: 0, max: 255 }), (fields, at, byte) => {
        const encoded = encodeTlv(fields);
        if (!encoded.ok) return;
        const bytes = encoded.bytes.slice();
        bytes[at % bytes.length] = byte;
        expect(() => parseTlv(bytes)).not.toThrow();
      }),
    );
  });
});
