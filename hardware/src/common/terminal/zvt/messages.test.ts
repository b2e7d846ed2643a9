import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApdu } from './apdu';
import { encodeBmp } from './bmp';
import { abortToResult, statusInformationToResult } from './card-result';
import {
  decodeEcrCommand,
  decodeTerminalMessage,
  encodeAuthorisation,
  encodeRefund,
  encodeRegistration,
  encodeStatusInformation,
} from './messages';

const ref = { attemptKey: 'k1', amount: 1250 };
const decode = (bytes: Uint8Array) => {
  const parsed = parseApdu(bytes);
  if (!parsed.ok) throw new Error(parsed.error);
  return decodeTerminalMessage(parsed.apdu);
};

describe('ZVT commands', () => {
  it('refuses what it cannot encode, before anything is sent', () => {
    expect(encodeAuthorisation({ amount: 0, currency: 'EUR' })).toMatchObject({ ok: false });
    expect(encodeAuthorisation({ amount: 1e12, currency: 'EUR' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('12 digits'),
    });
    expect(encodeAuthorisation({ amount: 100, currency: 'ZZZ' })).toMatchObject({ ok: false });
    expect(encodeRegistration({ password: '12345', configByte: 8, currency: 'EUR' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('6 digits'),
    });
  });

  it('the simulator reads the commands back', () => {
    const read = (result: ReturnType<typeof encodeRefund>) => {
      if (!result.ok) throw new Error(result.error);
      const parsed = parseApdu(result.value);
      return parsed.ok ? decodeEcrCommand(parsed.apdu) : parsed;
    };
    expect(read(encodeRefund({ password: '000000', amount: 499, currency: 'EUR' }))).toEqual({
      ok: true,
      value: { kind: 'refund', amount: 499, currency: '978' },
    });
    expect(read(encodeRegistration({ password: '000000', configByte: 8, currency: 'EUR' }))).toEqual({
      ok: true,
      value: { kind: 'registration', configByte: 8, currency: '978' },
    });
  });
});

describe('ZVT terminal messages → CardResult', () => {
  it('Status information with result 00 is approved; another code is declined in words', () => {
    const bytes = encodeStatusInformation({
      resultCode: 0,
      amount: 1250,
      authorisation: 'A12',
      maskedPan: '4111****1111',
      cardName: 'VISA',
      receiptNumber: '17',
    });
    const message = decode(bytes.ok ? bytes.value : new Uint8Array(0));
    if (!message.ok || message.value.kind !== 'status-information') throw new Error('not a status information');
    expect(statusInformationToResult(message.value.info, ref)).toEqual({
      attemptKey: 'k1',
      status: 'approved',
      amount: 1250,
      terminal: 'zvt',
      authorizationCode: 'A12',
      maskedPan: '4111****1111',
      scheme: 'VISA',
      message: 'terminal receipt 0017',
    });
    expect(statusInformationToResult({ resultCode: 0x05 }, ref)).toMatchObject({
      status: 'declined',
      message: 'Card payment declined: declined by the card issuer.',
    });
    expect(statusInformationToResult({}, ref).status).toBe('unknown');
    expect(statusInformationToResult({ resultCode: 0, amount: 9999 }, ref).status).toBe('unknown');
  });

  it('Abort carries the result code; intermediate status, print lines and other commands are recognised', () => {
    expect(decode(Uint8Array.of(0x06, 0x1e, 0x01, 0x6c))).toEqual({ ok: true, value: { kind: 'abort', resultCode: 0x6c } });
    expect(abortToResult(0x6c, ref)).toMatchObject({
      status: 'declined',
      message: 'Card payment not done: cancelled at the terminal or timed out.',
    });
    expect(abortToResult(0x2a, ref).message).toContain('declined by the card issuer (code 42)');
    expect(decode(Uint8Array.of(0x04, 0xff, 0x01, 0x0a))).toEqual({ ok: true, value: { kind: 'intermediate-status', code: 0x0a } });
    expect(decode(Uint8Array.of(0x06, 0xd1, 0x02, 0x00, 0x41))).toEqual({ ok: true, value: { kind: 'print' } });
    expect(decode(Uint8Array.of(0x04, 0x01, 0x00))).toEqual({ ok: true, value: { kind: 'unsupported', cls: 0x04, instr: 0x01 } });
    expect(decode(Uint8Array.of(0x84, 0x9c, 0x00))).toEqual({ ok: true, value: { kind: 'nack', code: 0x9c } });
  });

  it('only a message that is not ZVT at all is an error', () => {
    expect(decode(Uint8Array.of(0x42, 0x42, 0x00))).toEqual({ ok: false, error: 'not a ZVT message (class 42)' });
    expect(decode(Uint8Array.of(0x80, 0x00, 0x01, 0x00))).toEqual({ ok: false, error: 'malformed acknowledgement 80 00' });
    expect(decode(Uint8Array.of(0x04, 0x0f, 0x03, 0x04, 0x12, 0x34))).toEqual({
      ok: true,
      value: { kind: 'status-information', info: { unreadTail: 'BMP 0x04 at byte 0 announces 6 bytes, only 2 remain' } },
    });
  });
});

/** A Status information APDU from BMP bytes. */
const statusInformation = (...data: number[]) => {
  const message = decode(Uint8Array.of(0x04, 0x0f, data.length, ...data));
  if (!message.ok || message.value.kind !== 'status-information') throw new Error('not a status information');
  return message.value.info;
};
const RESULT_00 = [0x27, 0x00];
const AMOUNT_1250 = [0x04, 0, 0, 0, 0, 0x12, 0x50];
const text = (value: string) => [...value].map((char) => char.charCodeAt(0));

describe('ZVT display fields never decide the outcome', () => {
  it('an unreadable card number or BCD field is left out and named; the approval stands', () => {
    const info = statusInformation(
      ...RESULT_00,
      ...AMOUNT_1250,
      ...[0x22, 0xf0, 0xf2, 0x12, 0x3a],
      ...[0x0b, 0x1a, 0x00, 0x00],
      ...[0x49, 0x09, 0x78],
      ...(encodeBmp(0x8b, Uint8Array.from(text('A CARD NAME LONGER THAN THE SALE KEEPS\0'))) ?? []),
    );
    expect(info).toEqual({
      resultCode: 0,
      amount: 1250,
      currency: '978',
      cardName: 'A CARD NAME LONGER THAN THE SALE',
      unreadable: [0x22, 0x0b],
    });
    expect(statusInformationToResult(info, ref)).toEqual({
      attemptKey: 'k1',
      status: 'approved',
      amount: 1250,
      terminal: 'zvt',
      scheme: 'A CARD NAME LONGER THAN THE SALE',
    });
  });

  it('a card number sent in clear is kept with its first 6 and last 4 digits only', () => {
    const info = statusInformation(...RESULT_00, 0x22, 0xf0, 0xf8, 0x49, 0x70, 0x10, 0x12, 0x34, 0x56, 0x42, 0x42);
    expect(statusInformationToResult(info, ref)).toMatchObject({ status: 'approved', maskedPan: '497010******4242' });
  });

  it('a field whose length cannot be known stops the reading: what came before decides, if it can', () => {
    const unknownField = [0x99, 0x01, 0x02];
    expect(statusInformationToResult(statusInformation(...RESULT_00, ...AMOUNT_1250, ...unknownField), ref)).toMatchObject({
      status: 'approved',
      amount: 1250,
    });
    expect(statusInformationToResult(statusInformation(0x27, 0x05, ...unknownField, ...AMOUNT_1250), ref)).toMatchObject({
      status: 'declined',
    });
    const amountUnread = statusInformationToResult(statusInformation(...RESULT_00, ...unknownField, ...AMOUNT_1250), ref);
    expect(amountUnread).toMatchObject({ status: 'unknown' });
    expect(amountUnread.message).toContain('its amount may be in the part of its message that could not be read (unknown field (BMP 0x99)');
    expect(statusInformationToResult(statusInformation(...unknownField, ...RESULT_00), ref)).toMatchObject({ status: 'unknown' });
  });

  it('an amount that is not BCD makes an approval unknown, never a full one', () => {
    const info = statusInformation(...RESULT_00, 0x04, 0, 0, 0, 0, 0x1a, 0);
    expect(info).toEqual({ resultCode: 0, amountUnreadable: true });
    expect(statusInformationToResult(info, ref)).toMatchObject({ status: 'unknown', message: expect.stringContaining('not BCD') });
  });

  it('an intermediate status without a code and an Abort without a result code are read', () => {
    expect(decode(Uint8Array.of(0x04, 0xff, 0x00))).toEqual({ ok: true, value: { kind: 'intermediate-status' } });
    expect(decode(Uint8Array.of(0x06, 0x1e, 0x00))).toEqual({ ok: true, value: { kind: 'abort' } });
    expect(abortToResult(undefined, ref)).toMatchObject({
      status: 'declined',
      message: 'Card payment not done: the terminal gave no reason.',
    });
  });

  it('fuzz: after the result code and the amount, no bytes change the outcome', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const approved = statusInformationToResult(statusInformation(...RESULT_00, ...AMOUNT_1250, ...tail), ref);
        expect(approved).toMatchObject({ status: 'approved', amount: 1250 });
        expect(approved.scheme?.length ?? 0).toBeLessThanOrEqual(32);
        expect(approved.maskedPan ?? '').toMatch(/^[\d*]{0,6}\**[\d*]{0,4}$/);
        expect(statusInformationToResult(statusInformation(0x27, 0x05, ...tail), ref).status).toBe('declined');
      }),
      { numRuns: 1000 },
    );
  });
});
