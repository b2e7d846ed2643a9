import { describe, expect, it } from 'vitest';
import { parseApdu } from './apdu';
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

  it('broken messages are clear errors', () => {
    expect(decode(Uint8Array.of(0x06, 0x1e, 0x00))).toEqual({ ok: false, error: 'abort without a result code' });
    expect(decode(Uint8Array.of(0x04, 0x0f, 0x03, 0x04, 0x12, 0x34))).toMatchObject({
      ok: false,
      error: expect.stringContaining('status information: BMP 0x04'),
    });
    expect(decode(Uint8Array.of(0x04, 0x0f, 0x07, 0x04, 0, 0, 0, 0, 0x1a, 0))).toEqual({
      ok: false,
      error: 'status information: amount (BMP 04) is not BCD',
    });
    expect(decode(Uint8Array.of(0x42, 0x42, 0x00))).toEqual({ ok: false, error: 'not a ZVT message (class 42)' });
  });
});
