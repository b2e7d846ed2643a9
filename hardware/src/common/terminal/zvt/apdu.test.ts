import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApduReader, encodeApdu, parseApdu, readApdu } from './apdu';
import { decodeAmount, decodeBcd, decodeMaskedPan, encodeAmount, encodeBcd, encodeMaskedPan, panForDisplay } from './bcd';
import { encodeBmp, parseBmps } from './bmp';
import { decodeEcrCommand, decodeTerminalMessage } from './messages';

describe('ZVT APDU framing', () => {
  it('uses one length byte below 255 and FF + 2 bytes little-endian from 255 on', () => {
    expect([...(encodeApdu({ cls: 0x80, instr: 0x00, data: new Uint8Array(0) }) ?? [])]).toEqual([0x80, 0x00, 0x00]);
    const long = encodeApdu({ cls: 0x06, instr: 0xd3, data: new Uint8Array(300) }) ?? new Uint8Array(0);
    expect([...long.slice(0, 5)]).toEqual([0x06, 0xd3, 0xff, 0x2c, 0x01]);
    expect(long.length).toBe(305);
    expect([...(encodeApdu({ cls: 0x06, instr: 0xd3, data: new Uint8Array(254) }) ?? []).slice(0, 3)]).toEqual([0x06, 0xd3, 0xfe]);
    expect(encodeApdu({ cls: 0x06, instr: 0x01, data: new Uint8Array(0x10000) })).toBeNull();
  });

  it('parses exactly one APDU, with clear errors for truncation and trailing bytes', () => {
    expect(parseApdu(Uint8Array.of(0x06, 0x1e, 0x01, 0x6c))).toMatchObject({ ok: true, apdu: { cls: 0x06, instr: 0x1e } });
    expect(parseApdu(Uint8Array.of(0x06, 0x1e, 0x02, 0x6c))).toMatchObject({ ok: false, error: expect.stringContaining('truncated') });
    expect(parseApdu(Uint8Array.of(0x80, 0x00, 0x00, 0x00))).toMatchObject({ ok: false, error: '1 bytes after the end of the APDU' });
  });

  it('round-trips any APDU, and any chunking of a stream gives the same APDUs', () => {
    const apduArb = fc.record({
      cls: fc.integer({ min: 0, max: 255 }),
      instr: fc.integer({ min: 0, max: 255 }),
      data: fc.uint8Array({ maxLength: 400 }),
    });
    fc.assert(
      fc.property(fc.array(apduArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (apdus, cuts) => {
        const stream = Uint8Array.from(apdus.flatMap((apdu) => [...(encodeApdu(apdu) ?? [])]));
        const reader = new ApduReader();
        const bounds = [0, ...cuts.map((cut) => cut % stream.length).sort((a, b) => a - b), stream.length];
        const read = bounds.slice(1).flatMap((end, i) => reader.push(stream.slice(bounds[i], end)));
        expect(read).toEqual(apdus);
        expect(reader.pending).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('fuzz: random and truncated bytes never throw in framing, BMPs or message decoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const parsed = parseApdu(bytes);
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
        for (let offset = 0; offset < bytes.length; offset++) readApdu(bytes, offset);
        const bmps = parseBmps(bytes);
        if (bmps.stopped !== undefined) expect(bmps.stopped.length).toBeGreaterThan(0);
        else expect(bmps.bmps.length).toBeLessThanOrEqual(bytes.length);
        const apdu = { cls: bytes[0] ?? 0x04, instr: bytes[1] ?? 0x0f, data: bytes.slice(2) };
        const message = decodeTerminalMessage(apdu);
        if (!message.ok) expect(message.error.length).toBeGreaterThan(0);
        decodeTerminalMessage({ cls: 0x04, instr: 0x0f, data: bytes });
        decodeEcrCommand({ cls: 0x06, instr: 0x31, data: bytes });
        decodeEcrCommand(apdu);
      }),
      { numRuns: 1000 },
    );
    const statusInformation = Uint8Array.of(0x04, 0x0f, 0x0c, 0x27, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x12, 0x50, 0x22, 0xf0, 0xf0);
    fc.assert(
      fc.property(fc.nat({ max: statusInformation.length - 1 }), (cut) => {
        expect(parseApdu(statusInformation.slice(0, cut))).toMatchObject({ ok: false, error: expect.stringContaining('truncated') });
        const truncated = decodeTerminalMessage({ cls: 0x04, instr: 0x0f, data: statusInformation.slice(3, 3 + cut) });
        expect(truncated.ok || truncated.error.length > 0).toBe(true);
      }),
    );
  });
});

describe('ZVT BCD and BMPs', () => {
  it('BCD: amounts, and refusal of non-BCD nibbles', () => {
    expect([...(encodeAmount(1250) ?? [])]).toEqual([0, 0, 0, 0, 0x12, 0x50]);
    expect(encodeAmount(1e12)).toBeNull();
    expect(decodeBcd(Uint8Array.of(0x09, 0x78))).toBe('0978');
    expect(decodeBcd(Uint8Array.of(0x1a))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (amount) => {
        expect(decodeAmount(encodeAmount(amount) ?? new Uint8Array(0))).toBe(amount);
      }),
    );
    expect(encodeBcd('12a', 2)).toBeNull();
  });

  it('card numbers: E masks a digit, F pads, D ends the number (track 2), A–C make it unreadable', () => {
    expect(decodeMaskedPan(Uint8Array.of(0x67, 0x25, 0xee, 0x42, 0x1f))).toBe('6725**421');
    expect(decodeMaskedPan(Uint8Array.of(0xf1, 0x23, 0xff))).toBe('123');
    expect(decodeMaskedPan(Uint8Array.of(0x49, 0x70, 0x10, 0xd2, 0x81, 0x22))).toBe('497010');
    expect(decodeMaskedPan(Uint8Array.of(0x12, 0x3a))).toBeNull();
    expect(decodeMaskedPan(new Uint8Array(0))).toBe('');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9*]{1,19}$/), (pan) => {
        expect(decodeMaskedPan(encodeMaskedPan(pan) ?? new Uint8Array(0))).toBe(pan);
      }),
    );
  });

  it('card numbers kept: never more than the first 6 and the last 4 digits, at most 19 characters', () => {
    expect(panForDisplay('4970101234564242')).toBe('497010******4242');
    expect(panForDisplay('672559******0042')).toBe('672559******0042');
    expect(panForDisplay('5966666666')).toBe('5966666666');
    expect(panForDisplay('1'.repeat(20))).toBeNull();
    expect(panForDisplay('')).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9*]{11,19}$/), (pan) => {
        const shown = panForDisplay(pan) ?? '';
        expect(shown.slice(6, -4)).toMatch(/^\*+$/);
        expect(shown.length).toBe(pan.length);
      }),
    );
  });

  it('BMPs: fixed, LL (F-nibbles) and TLV lengths (short and 81/82 forms); encoding refuses a wrong length', () => {
    expect([...(encodeBmp(0x22, Uint8Array.of(1, 2, 3)) ?? [])]).toEqual([0x22, 0xf0, 0xf3, 1, 2, 3]);
    expect(parseBmps(Uint8Array.of(0x27, 0x00, 0x22, 0xf0, 0xf1, 0x42, 0x06, 0x02, 0x1f, 0x00))).toEqual({
      bmps: [
        { id: 0x27, value: Uint8Array.of(0x00) },
        { id: 0x22, value: Uint8Array.of(0x42) },
        { id: 0x06, value: Uint8Array.of(0x1f, 0x00) },
      ],
    });
    const tlv = Uint8Array.from([0x06, 0x81, 0x80, ...new Uint8Array(0x80), 0x06, 0x82, 0x01, 0x00, ...new Uint8Array(0x100), 0x27, 0x00]);
    expect(parseBmps(tlv).bmps.map((bmp) => [bmp.id, bmp.value.length])).toEqual([
      [0x06, 0x80],
      [0x06, 0x100],
      [0x27, 1],
    ]);
    expect(encodeBmp(0x04, Uint8Array.of(1))).toBeNull();
  });

  it('BMPs: reading stops at a field whose length cannot be known, keeping what came before', () => {
    expect(parseBmps(Uint8Array.of(0x27, 0x00, 0x99, 0x00, 0x04))).toEqual({
      bmps: [{ id: 0x27, value: Uint8Array.of(0x00) }],
      stopped: 'unknown field (BMP 0x99) at byte 2: its length cannot be known',
    });
    expect(parseBmps(Uint8Array.of(0x27))).toMatchObject({ bmps: [], stopped: expect.stringContaining('announces 1 bytes') });
    expect(parseBmps(Uint8Array.of(0x27, 0x00, 0x22, 0x01, 0x02))).toMatchObject({
      bmps: [{ id: 0x27 }],
      stopped: expect.stringContaining('F0–F9'),
    });
    expect(parseBmps(Uint8Array.of(0x06, 0x83, 0, 0, 1, 0))).toMatchObject({
      bmps: [],
      stopped: expect.stringContaining('bad TLV length'),
    });
    // Display and input fields of the specification are known, and skipped by their length.
    expect(parseBmps(Uint8Array.of(0xf1, 0xf0, 0xf2, 0x48, 0x69, 0xf0, 0x05, 0xe9, 0x10)).stopped).toBeUndefined();
  });
});
