import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CR, STX, decodeStatusByte, encodeScaleCommand, encodeStatusReply, encodeWeightReply, parseMettler8217Frame } from './mettler-8217';
import { commandOutcome, parseWeightReply, SCALE_MESSAGES } from './weight-reading';

const bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const frame = (body: string | number[]) => Uint8Array.from([STX, ...(typeof body === 'string' ? bytes(body) : body), CR]);

describe('Mettler Toledo 8217 codec', () => {
  it('encodes the one-letter commands', () => {
    expect([...encodeScaleCommand('weight')]).toEqual([0x57]);
    expect([...encodeScaleCommand('zero')]).toEqual([0x5a]);
    expect([...encodeScaleCommand('tare')]).toEqual([0x54]);
  });

  it('encodes replies as the documented bytes', () => {
    expect([...encodeWeightReply(1250)]).toEqual([0x02, 0x30, 0x31, 0x2e, 0x32, 0x35, 0x30, 0x0d]);
    expect([...encodeWeightReply(1250, { net: true })]).toEqual([0x02, 0x30, 0x31, 0x2e, 0x32, 0x35, 0x30, 0x4e, 0x0d]);
    expect([...encodeStatusReply({ motion: true })]).toEqual([0x02, 0x3f, 0x61, 0x0d]);
    expect([...encodeStatusReply({ centerOfZero: true })]).toEqual([0x02, 0x3f, 0x70, 0x0d]);
  });

  it('reads a stable weight in kilograms as whole grams, gross or net', () => {
    expect(parseWeightReply(frame('01.250'))).toEqual({ kind: 'weight', grams: 1250, stable: true, net: false });
    expect(parseWeightReply(frame('  1.25N'))).toEqual({ kind: 'weight', grams: 1250, stable: true, net: true });
    expect(parseWeightReply(frame('15.000'))).toEqual({ kind: 'weight', grams: 15000, stable: true, net: false });
  });

  it('refuses in words a cashier reads', () => {
    expect(parseWeightReply(frame('00.000'))).toEqual({ kind: 'zero', message: 'Nothing on the scale' });
    expect(parseWeightReply(encodeStatusReply({ motion: true }))).toEqual({ kind: 'unstable', message: 'Wait for the scale to settle' });
    expect(parseWeightReply(encodeStatusReply({ underZero: true }))).toEqual({ kind: 'negative', message: 'Zero the scale' });
    expect(parseWeightReply(encodeStatusReply({ overCapacity: true, motion: true }))).toMatchObject({ kind: 'over-capacity' });
    expect(parseWeightReply(encodeStatusReply({ centerOfZero: true }))).toMatchObject({ kind: 'zero' });
    expect(parseWeightReply(encodeStatusReply({ outsideZeroCaptureRange: true }))).toEqual({
      kind: 'error',
      message: SCALE_MESSAGES.noZero,
    });
  });

  it('reads scales that send the bare status bits (no always-set bits 5 and 6)', () => {
    expect(parseWeightReply(frame([0x3f, 0x02]))).toMatchObject({ kind: 'over-capacity' });
    expect(parseWeightReply(frame([0x3f, 0x01]))).toMatchObject({ kind: 'unstable' });
    expect(decodeStatusByte(0x04)).toMatchObject({ underZero: true, motion: false });
  });

  it('calls parity noise, junk and a missing CR garbled, with the bytes', () => {
    expect(parseMettler8217Frame(frame([0x30, 0x31, 0x00, 0x32, 0x35, 0x30]))).toEqual({
      kind: 'garbled',
      message: 'The scale sent a garbled answer (not a weight: 02 30 31 00 32 35 30 0d).',
    });
    expect(parseMettler8217Frame(frame([0x30, 0xb1, 0x2e, 0x32]))).toMatchObject({ kind: 'garbled' });
    expect(parseMettler8217Frame(bytes('\u000201.250'))).toMatchObject({ kind: 'garbled', message: expect.stringContaining('not an STX') });
    expect(parseMettler8217Frame(frame('1250'))).toMatchObject({ kind: 'garbled' });
    expect(parseMettler8217Frame(frame('?'))).toMatchObject({ kind: 'garbled' });
  });

  it('judges zero and tare answers', () => {
    const reply = (status: Parameters<typeof encodeStatusReply>[0]) => parseMettler8217Frame(encodeStatusReply(status));
    expect(commandOutcome('zero', reply({ centerOfZero: true }))).toEqual({ ok: true });
    expect(commandOutcome('zero', reply({}))).toMatchObject({ ok: false, message: expect.stringContaining('would not zero') });
    expect(commandOutcome('zero', reply({ motion: true }))).toEqual({
      ok: false,
      message: 'Wait for the scale to settle, then zero it again',
    });
    expect(commandOutcome('tare', reply({}))).toEqual({ ok: true });
    expect(commandOutcome('tare', reply({ underZero: true }))).toEqual({ ok: false, message: 'Zero the scale' });
    expect(commandOutcome('tare', parseMettler8217Frame(frame('01.000')))).toMatchObject({ ok: false });
  });

  it('round-trips every weight the simulator can send', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.boolean(), (grams, net) => {
        expect(parseMettler8217Frame(encodeWeightReply(grams, { net }))).toEqual({ kind: 'weight', grams, net });
      }),
    );
  });

  it('never throws on random or truncated input, and answers a kind the till knows', () => {
    const kinds = ['weight', 'unstable', 'zero', 'negative', 'over-capacity', 'error'];
    const anyFrame = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.uint8Array({ maxLength: 12 }).map((body) => frame([...body])),
      fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.nat(20)).map(([grams, cut]) => encodeWeightReply(grams).subarray(0, cut)),
    );
    fc.assert(
      fc.property(anyFrame, (input) => {
        const reading = parseWeightReply(input);
        if (!kinds.includes(reading.kind)) return false;
        return reading.kind === 'weight' ? Number.isSafeInteger(reading.grams) && reading.grams > 0 : reading.message.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});
